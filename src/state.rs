//! App-wide state shared through context: language, current view, the plan library and notices.

use ioa_core::catalog::Catalog;
use ioa_core::library::PlanSummary;
use ioa_core::route::Route;
use ioa_core::storage::{ExportRecord, Quarantined};
use ioa_core::Lang;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Problems found when storage was opened, shown as banners until dismissed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    /// Storage cannot be used: nothing is kept after the tab closes.
    pub memory_only: bool,
    /// Storage holds data from a newer app version; this tab works in memory to leave it intact.
    pub layout_too_new: bool,
    /// A language's texts could not be fetched (the choice did not take effect).
    pub bundle_failed: Option<Lang>,
    /// Plans saved by a newer app version, left untouched and not listed.
    pub newer_plans: usize,
    /// Plans that could not be read this time and were moved aside.
    pub quarantined: Vec<Quarantined>,
    /// Earlier versions removed to make room for a save (storage is nearly full).
    pub snapshots_dropped: usize,
}

/// What the browser has said about keeping this site's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepStorage {
    /// Not known yet (the browser answers asynchronously).
    Unknown,
    /// The browser promised not to clear plans to free space.
    Kept,
    /// The browser may clear plans when space runs low.
    MayClear,
    /// This browser cannot say.
    CannotTell,
}

impl KeepStorage {
    pub fn from_answer(answer: Option<bool>) -> KeepStorage {
        match answer {
            Some(true) => KeepStorage::Kept,
            Some(false) => KeepStorage::MayClear,
            None => KeepStorage::CannotTell,
        }
    }

    /// Locale key of the plain-words explanation (`None` while unknown).
    pub fn message_key(self) -> Option<&'static str> {
        match self {
            KeepStorage::Unknown => None,
            KeepStorage::Kept => Some("keep.kept"),
            KeepStorage::MayClear => Some("keep.may_clear"),
            KeepStorage::CannotTell => Some("keep.cannot_tell"),
        }
    }
}

/// Handles to app-wide signals. `Copy`, so components take it by value.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub library: RwSignal<Vec<PlanSummary>>,
    /// Set while every stored plan is read because the index could not vouch for them.
    pub checking: RwSignal<bool>,
    pub notices: RwSignal<Notices>,
    /// A short message for the live region (e.g. "Plan deleted"), read out by screen readers.
    pub announcement: RwSignal<String>,
    /// When each plan was last exported from this browser.
    pub exports: RwSignal<BTreeMap<String, ExportRecord>>,
    pub keep_storage: RwSignal<KeepStorage>,
    /// Whether a newer build of the app is waiting or already runs in another tab.
    pub update: RwSignal<crate::app_update::AppUpdate>,
    /// The content and texts of the languages loaded so far, once the first content is in.
    pub catalog: RwSignal<Option<Catalog>>,
    /// Set once the browser was asked to keep storage on this page.
    pub persist_asked: StoredValue<bool>,
}

/// Storage was so full that earlier versions gave way: say so until dismissed.
pub fn note_snapshots_dropped(app: AppState, count: usize) {
    if count > 0 {
        app.notices.update(|n| n.snapshots_dropped += count);
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Navigates by changing the URL fragment; the `hashchange` listener updates the route.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(route.href().trim_start_matches('#'));
}

/// Like [`navigate`], but in place of the current history entry, so Back skips the link that
/// led here.
pub fn redirect(route: &Route) {
    let _ = window().location().replace(&route.href());
}
