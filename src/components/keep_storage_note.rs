//! The browser's answer about keeping this site's storage, in plain words.

use crate::i18n::tr;
use crate::state::use_app;
use leptos::prelude::*;

/// Shown beside export: plans live in this browser, and whether it may clear them decides how
/// much an exported copy matters.
#[component]
pub fn KeepStorageNote() -> impl IntoView {
    let app = use_app();
    move || {
        app.keep_storage.get().message_key().map(|key| {
            view! {
                <p class="ds-paragraph keep-note" data-size="sm">{move || tr(app.lang.get(), key)}</p>
            }
        })
    }
}
