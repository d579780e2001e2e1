//! The document title, which screen readers and browser tabs show for each view.

use crate::i18n::tr;
use ioa_core::Lang;
use leptos::prelude::*;

/// Sets the document title for the current view: "<page> – IOA-planleggeren".
pub fn set_title(page: &str, lang: Lang) {
    let app = tr(lang, "app.name");
    document().set_title(&if page.is_empty() { app.to_string() } else { format!("{page} – {app}") });
}
