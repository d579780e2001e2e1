//! The document title, which screen readers and browser tabs show for each view.

use crate::i18n::tr;
use ioa_core::Lang;
use leptos::prelude::*;

/// Sets the document title for the current view: "<page> – IOA-planleggeren".
pub fn set_title(page: &str, lang: Lang) {
    let app = tr(lang, "app.name");
    document().set_title(&if page.is_empty() { app.to_string() } else { format!("{page} – {app}") });
}

/// Keeps the document title on the locale text `key`, in the interface language.
pub fn title_from(key: &'static str) {
    let lang = crate::state::use_app().lang;
    Effect::new(move |_| {
        let lang = lang.get();
        set_title(tr(lang, key), lang);
    });
}
