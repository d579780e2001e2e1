//! What the library does to stored plans outside an open plan: rename, duplicate, delete and its
//! undo, discard a plan moved aside; and (in `version`, apart: its texts come with the content,
//! and the library's first load has none of them) put the open plan back to an earlier version. The views
//! call these and show the outcome; the storage calls, the library list and the announcements
//! are kept here, beside `transfer.rs` (files) and `session.rs` (the open plan). Errors are
//! locale keys.

use crate::clock::{new_plan_id, now_ms};
use crate::i18n::{tr, trf};
use crate::persistence;
use crate::plan_files;
use crate::state::AppState;
use ioa_core::library::{self, PlanSummary};
use ioa_core::storage::{self, DeletedPlan};
use leptos::prelude::*;

pub mod version;

/// Changes a stored plan's title, organisation and case number, and its card in the library.
pub async fn rename(
    app: AppState,
    id: String,
    title: String,
    organisation: String,
    case_number: String,
) -> Result<(), &'static str> {
    let renamed = plan_files::rename::rename(id, title, organisation, case_number, now_ms()).await;
    let updated = renamed.unwrap_or(Err("library.error.rename_failed"))?;
    app.library.update(|plans| library::upsert(plans, updated));
    Ok(())
}

/// Stores a copy of the plan `id` under a new id, titled with the copy prefix, and says so.
pub async fn duplicate(app: AppState, id: String) -> Result<(), &'static str> {
    let lang = app.lang.get_untracked();
    let prefix = tr(lang, "library.copy_prefix").to_string();
    let copy = plan_files::duplicate::duplicate(id, prefix, new_plan_id(), now_ms()).await.ok().flatten();
    let copy = copy.ok_or("library.error.duplicate_failed")?;
    app.announcement.set(trf(lang, "library.duplicated", &[("title", &copy.title)]));
    app.library.update(|plans| library::upsert(plans, copy));
    Ok(())
}

/// Deletes a plan and says so; what comes back can put it back (see [`undo_delete`]).
pub fn delete(app: AppState, summary: &PlanSummary) -> Result<Option<DeletedPlan>, &'static str> {
    let removed = persistence::with_store(|kv| storage::delete_plan(kv, &summary.id))
        .map_err(|_| "library.error.delete_failed")?;
    app.library.update(|plans| plans.retain(|p| p.id != summary.id));
    let lang = app.lang.get_untracked();
    app.announcement.set(trf(lang, "library.deleted", &[("title", &summary.title)]));
    Ok(removed)
}

/// Puts a plan just deleted back, and says so.
pub fn undo_delete(app: AppState, summary: PlanSummary, plan: &DeletedPlan) -> Result<(), &'static str> {
    let restored = persistence::with_store(|kv| storage::undo_delete(kv, &summary.id, plan))
        .map_err(|_| "library.error.undo_failed")?;
    let title = summary.title.clone();
    app.library.update(|plans| library::upsert(plans, restored.unwrap_or(summary)));
    let lang = app.lang.get_untracked();
    app.announcement.set(trf(lang, "library.restored", &[("title", &title)]));
    Ok(())
}

/// Forgets a stored plan that could not be read (kept aside under `key`).
pub fn discard_quarantined(key: &str) -> Result<(), &'static str> {
    persistence::with_store(|kv| storage::discard_quarantined(kv, key)).map_err(|_| "recovery.error.discard")
}
