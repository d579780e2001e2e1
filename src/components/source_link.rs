//! A link to a source outside the app: opens in a new window and says so to screen readers.

use crate::i18n::{content_text, txt};
use ioa_core::thresholds::Source;
use leptos::prelude::*;

#[component]
pub fn SourceLink(source: &'static Source) -> impl IntoView {
    view! {
        <a class="ds-link" href=source.url.clone() target="_blank" rel="noopener noreferrer">
            {content_text(&source.label)}
            <span class="visually-hidden">{txt("common.opens_new_window")}</span>
        </a>
    }
}
