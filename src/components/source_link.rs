//! A link to a page outside the app: opens in a new window and says so to screen readers.
//! Used for legal sources and for LUP's pages alike.

use crate::i18n::{content_text, txt};
use ioa_core::text::Text;
use ioa_core::thresholds::Source;
use leptos::prelude::*;

#[component]
pub fn ExternalLink(label: &'static Text, url: &'static str) -> impl IntoView {
    view! {
        <a class="ds-link" href=url target="_blank" rel="noopener noreferrer">
            {content_text(label)}
            <span class="visually-hidden">{txt("common.opens_new_window")}</span>
        </a>
    }
}

/// A legal source.
#[component]
pub fn SourceLink(source: &'static Source) -> impl IntoView {
    view! { <ExternalLink label=&source.label url=source.url.as_str()/> }
}
