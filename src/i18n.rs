//! Text lookups for components. Every user-facing string comes from `locales/*.json` or the
//! content files; components never hold literals.

use crate::catalog::TextIn;
use crate::state::use_app;
use ioa_core::text::Text;
use ioa_core::Lang;
use leptos::prelude::*;

/// A reactive text for `key` in the current language, read again when a language's content
/// arrives (a part's texts travel with it, and a view may be made before).
pub fn txt(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let app = use_app();
    move || {
        app.catalog.track();
        crate::catalog::texts().t(app.lang.get(), key)
    }
}

/// The text for `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> &'static str {
    crate::catalog::texts().t(lang, key)
}

/// The text for `key` in `lang` with `{name}` placeholders filled.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    crate::catalog::texts().tf(lang, key, args)
}

/// The plural form of `key` for `count` in `lang` (`key.one` or `key.other`), with `{count}`
/// and the other placeholders filled.
pub fn trn(lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
    crate::catalog::texts().tn(lang, key, count, args)
}

/// Like [`trf`], for arguments an error built (`FileError::args`, `ExportError::args`).
pub fn trf_owned(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    trf(lang, key, &args)
}

/// A reactive content text in the current language.
pub fn content_text(text: &'static Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || text.get(lang.get())
}

/// "Elvebyen kommune · Saksnr. 2027/42": the organisation and case number, where given.
pub fn plan_meta(organisation: &str, case_number: &str, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !organisation.is_empty() {
        parts.push(organisation.to_string());
    }
    if !case_number.is_empty() {
        parts.push(trf(lang, "library.case_number_value", &[("number", case_number)]));
    }
    parts.join(" · ")
}
