//! Says where a shared answer is stored, with a link there: the same fact asked in two places
//! is one value, and the user should see that changing it here changes it there.

use crate::catalog::TextIn;
use crate::i18n::trf;
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::route::Route;
use leptos::prelude::*;

/// `key` is the plan key `tool/step/field` the answer is stored under.
#[component]
pub fn SharedNote(key: String) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let mut parts = key.split('/');
    let tool = content.tool(parts.next().unwrap_or_default());
    let step = tool.and_then(|t| t.step(parts.next().unwrap_or_default()));
    let (Some(tool), Some(step)) = (tool, step) else { return None };
    let href = Route::Step {
        plan: session.plan.with_untracked(|p| p.id.clone()),
        tool: tool.id.clone(),
        step: step.id.clone(),
    }
    .href();
    Some(view! {
        <p class="ds-paragraph shared-note" data-size="sm" data-key=key.clone()>
            <a class="ds-link" href=href>
                {move || {
                    let lang = app.lang.get();
                    trf(lang, "field.shared", &[("tool", tool.title.get(lang)), ("step", step.title.get(lang))])
                }}
            </a>
        </p>
    })
}
