//! The app's texts and content as values: [`Texts`] (the UI texts loaded so far) from the
//! start, and a [`Catalog`] (those texts with the content, decision texts and legal rules) once
//! a content bundle is in. `bundles.rs` makes each new value; [`AppState`] holds the newest
//! catalog in a signal, so a view that reads it is made again when another language arrives.
//!
//! Views that need content sit under the part gate in `app.rs`, which makes them only once the
//! catalog is in and hands it down as a context: [`use_catalog`] there cannot come too early.
//!
//! Plain text lookups (`tr`, [`TextIn::get`]) are also made outside the view tree, in event
//! handlers and tasks that have no reactive owner, so `bundles.rs` also keeps the newest value
//! in a per-thread mirror for them. The mirror is only read for texts: a text not loaded yet
//! reads as empty, it cannot stop the app.

use crate::state::AppState;
use ioa_core::catalog::{Catalog, Texts};
use ioa_core::text::Text;
use ioa_core::Lang;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    static MIRROR: Cell<(Texts, Option<Catalog>)> = Cell::new((Texts::default(), None));
}

/// The UI texts loaded so far (the parts' included once their content is in), for lookups.
pub fn texts() -> Texts {
    MIRROR.with(Cell::get).0
}

/// The catalog, once a content bundle is in (`None` before): for `bundles.rs`, which extends
/// it, and the text lookups. Other code has it from `bundles::content_ready` or [`use_catalog`].
pub(crate) fn loaded() -> Option<Catalog> {
    MIRROR.with(Cell::get).1
}

/// Keeps `texts` as the newest (and in the catalog, if one is in, in the app's signal too when
/// the app is running).
pub fn set_texts(app: Option<AppState>, texts: Texts) {
    let catalog = loaded().map(|c| c.with_texts(texts));
    MIRROR.with(|m| m.set((texts, catalog)));
    if let (Some(app), Some(_)) = (app, catalog) {
        app.catalog.set(catalog);
    }
}

/// Keeps `catalog` (and its texts) as the newest, in the app's signals too when it is running.
pub fn set_catalog(app: Option<AppState>, catalog: Catalog) {
    MIRROR.with(|m| m.set((catalog.texts(), Some(catalog))));
    if let Some(app) = app {
        app.catalog.set(Some(catalog));
    }
}

/// The catalog a view under the part gate reads: the one it was made with, or a newer one.
#[derive(Clone, Copy)]
pub struct Loaded {
    newest: RwSignal<Option<Catalog>>,
    first: Catalog,
}

impl Loaded {
    /// The newest catalog, tracked: another language's content makes the reader run again.
    pub fn get(&self) -> Catalog {
        self.newest.get().unwrap_or(self.first)
    }

    pub fn get_untracked(&self) -> Catalog {
        self.newest.get_untracked().unwrap_or(self.first)
    }
}

/// Hands `first`, and each catalog after it, to the views made next in this reactive scope.
pub fn provide(app: AppState, first: Catalog) {
    provide_context(Loaded { newest: app.catalog, first });
}

/// The catalog, in a view under the part gate (`app.rs`'s `part_view`), which provides it.
pub fn use_catalog() -> Loaded {
    expect_context::<Loaded>()
}

/// A content text in a language, read through the newest catalog.
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

/// The content's shape (tools, steps, phases), the same in every language: in a view under the
/// part gate, read once where the component is made.
pub fn use_content() -> &'static ioa_core::content::Content {
    use_catalog().get_untracked().content()
}
