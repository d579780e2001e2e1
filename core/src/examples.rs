//! The worked example plan (Elvebyen kommune, digital night-time supervision in home care), one
//! file per language. The files are served next to the app (`examples/elvebyen.<lang>.json`) and
//! fetched only when a user opens the example, so they do not weigh on the first load.

use crate::migrate::{plan_from_json, LoadError};
use crate::plan::Plan;
use crate::Lang;

/// Where the example for `lang` is served, relative to the app.
pub fn example_url(lang: Lang) -> String {
    format!("examples/elvebyen.{}.json", lang.code())
}

/// A fresh copy of the example plan under a new id.
pub fn example_plan(json: &str, id: impl Into<String>, now: u64) -> Result<Plan, LoadError> {
    let mut plan = plan_from_json(json)?;
    plan.id = id.into();
    plan.revision = 0;
    plan.created_at = now;
    plan.updated_at = now;
    Ok(plan)
}
