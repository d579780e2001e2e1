//! The app's texts and content: the newest [`Catalog`] value, made by `bundles.rs` as each
//! language's files arrive (the core holds none: it takes a catalog wherever it needs one).
//!
//! For now the views read it through here; `AppState::bundles` changes with it, so a view that
//! tracks that reads again. Next: hand the catalog to views through a Leptos context, with the
//! views that need content under a `Show`, so the view tree rather than a gate guarantees it.

use ioa_core::catalog::{Catalog, Texts};
use ioa_core::content::{Content, DecisionText, Rule};
use ioa_core::text::Text;
use ioa_core::Lang;
use std::cell::Cell;

thread_local! {
    static TEXTS: Cell<Texts> = Cell::new(Texts::default());
    static CATALOG: Cell<Option<Catalog>> = const { Cell::new(None) };
}

/// The UI texts loaded so far (the parts' included once their content is in).
pub fn texts() -> Texts {
    CATALOG.with(Cell::get).map_or_else(|| TEXTS.with(Cell::get), |c| c.texts())
}

/// The catalog, once a content bundle is in (`None` before).
pub fn loaded() -> Option<Catalog> {
    CATALOG.with(Cell::get)
}

/// The catalog. Views and readers that need it run after `bundles::content_ready`.
pub fn cat() -> Catalog {
    loaded().expect("the content is loaded before a view that needs it")
}

pub fn content() -> &'static Content {
    cat().content()
}

pub fn decision_text() -> &'static DecisionText {
    cat().decision()
}

pub fn rules() -> &'static [Rule] {
    cat().legal()
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    cat().rule(id)
}

pub fn set_texts(texts: Texts) {
    TEXTS.with(|t| t.set(texts));
    CATALOG.with(|c| c.set(c.get().map(|c| c.with_texts(texts))));
}

pub fn set_catalog(catalog: Catalog) {
    TEXTS.with(|t| t.set(catalog.texts()));
    CATALOG.with(|c| c.set(Some(catalog)));
}

/// A content text in a language, read through the app's catalog.
pub trait TextIn {
    fn get(&self, lang: Lang) -> &'static str;
}

impl TextIn for Text {
    fn get(&self, lang: Lang) -> &'static str {
        match self {
            Text::Fixed(_) => self.fixed(lang),
            Text::Bundle(_) => loaded().map_or("", |c| c.text(self, lang)),
        }
    }
}
