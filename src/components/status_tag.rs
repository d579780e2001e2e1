//! A step's, tool's or phase's status as a coloured tag with its words (colour is never the
//! only sign).

use crate::i18n::{tr, trf};
use crate::state::use_app;
use ioa_core::progress::Status;
use leptos::prelude::*;

pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::Done => "success",
        Status::InProgress => "info",
        Status::NotRelevant => "warning",
        Status::NotStarted => "neutral",
    }
}

#[component]
pub fn StatusTag(
    #[prop(into)] status: Signal<Status>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(default = "")] class: &'static str,
) -> impl IntoView {
    let app = use_app();
    view! {
        <span class=format!("ds-tag status-tag {class}") data-color=move || status_color(status.get()) data-status=move || status.get().id() id=id>
            {move || tr(app.lang.get(), status.get().label_key())}
        </span>
    }
}

/// "2 of 5 steps done" or "2 of 5 steps done, 1 not relevant".
pub fn progress_text(p: ioa_core::progress::ToolProgress, lang: ioa_core::Lang) -> String {
    let done = p.steps_done.to_string();
    let total = p.steps_total.to_string();
    if p.steps_skipped == 0 {
        trf(lang, "overview.steps_done", &[("done", &done), ("total", &total)])
    } else {
        trf(
            lang,
            "overview.steps_done_skipped",
            &[("done", &done), ("total", &total), ("skipped", &p.steps_skipped.to_string())],
        )
    }
}
