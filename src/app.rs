//! The app shell: opens storage, provides app state, follows the URL fragment and shows a page.

use crate::app_update::{self, AppUpdate};
use crate::clock::now_ms;
use crate::components::banners::StorageBanners;
use crate::components::not_found::NotFoundPage;
use crate::components::part_unavailable::PartUnavailable;
use crate::components::shell::{Footer, Header, SkipLink};
use crate::components::update_banner::UpdateBanner;
use crate::i18n::txt;
use crate::library::HomePage;
use crate::pages::parts;
use crate::persistence::{self, Mode};
use crate::split::SplitLoaderError;
use crate::state::{AppState, KeepStorage, Notices};
use ioa_core::route::Route;
use ioa_core::storage::{self, MemoryKv};
use ioa_core::Lang;
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// Opens storage and lists the library from its index, falling back to memory so the app always
/// starts. `true` when the index cannot vouch for every stored plan: then [`check_library`] reads
/// them all, and until it has, the list is what the index says.
fn open_library() -> (Vec<ioa_core::library::PlanSummary>, Notices, bool) {
    let mode = persistence::init();
    let mut notices = Notices { memory_only: mode == Mode::MemoryOnly, ..Notices::default() };
    match crate::perf::measured("ioa-library-load", || persistence::with_store(storage::list_library)) {
        Ok(Ok(Some(plans))) => (plans, notices, false),
        Ok(Ok(None)) => (persistence::with_store(storage::read_index).unwrap_or_default(), notices, true),
        Ok(Err(_too_new)) => {
            // Leave the newer data untouched: this tab works in memory only.
            persistence::use_store(Rc::new(MemoryKv::new()), Mode::MemoryOnly);
            notices.layout_too_new = true;
            (vec![], notices, false)
        }
        Err(_) => (vec![], use_memory(notices), false),
    }
}

fn use_memory(mut notices: Notices) -> Notices {
    persistence::use_store(Rc::new(MemoryKv::new()), Mode::MemoryOnly);
    notices.memory_only = true;
    notices
}

/// Reads every stored plan (the code that does it comes as a part): unreadable ones are moved
/// aside and reported, older ones kept before their upgrade, and the index rewritten, so the next
/// start lists from it again. If the part cannot be fetched, the index's list stays.
fn check_library(state: AppState) {
    state.checking.set(true);
    leptos::task::spawn_local(async move {
        match crate::plan_files::check_library::check_library(now_ms()).await {
            Ok(Ok(Ok(report))) => {
                state.library.set(report.plans);
                state.notices.update(|n| {
                    n.quarantined = report.quarantined;
                    n.newer_plans = report.newer.len();
                });
            }
            Ok(Ok(Err(_too_new))) => {
                persistence::use_store(Rc::new(MemoryKv::new()), Mode::MemoryOnly);
                state.library.set(vec![]);
                state.notices.update(|n| n.layout_too_new = true);
            }
            Ok(Err(_)) => {
                state.library.set(vec![]);
                state.notices.update(|n| *n = use_memory(n.clone()));
            }
            Err(_) => {}
        }
        state.checking.set(false);
    });
}

#[component]
pub fn App() -> impl IntoView {
    let (plans, notices, needs_check) = open_library();
    // start() fell back to bokmål if the chosen language's texts could not be fetched.
    let lang =
        persistence::with_store(storage::load_lang).filter(|l| crate::catalog::texts().has(*l)).unwrap_or(Lang::Nb);
    let state = AppState {
        lang: RwSignal::new(lang),
        route: RwSignal::new(current_route()),
        library: RwSignal::new(plans),
        checking: RwSignal::new(false),
        notices: RwSignal::new(notices),
        announcement: RwSignal::new(String::new()),
        exports: RwSignal::new(persistence::with_store(storage::export_records)),
        keep_storage: RwSignal::new(KeepStorage::Unknown),
        update: RwSignal::new(AppUpdate::Current),
        catalog: RwSignal::new(crate::catalog::loaded()),
        persist_asked: StoredValue::new(false),
    };
    provide_context(state);
    if needs_check {
        check_library(state);
    }
    crate::transfer::check_keep_storage(state);
    app_update::follow(state.update);

    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    // Fragments that are not routes (e.g. "#main" from the skip link) leave the view alone.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if hash.is_empty() || hash == "#" || hash.starts_with("#/") {
            state.route.set(Route::parse(&hash));
        }
    });
    // Another tab changed the library: refresh the list (the open plan listens for itself).
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        let key = event.key();
        if key.is_none() || key.as_deref() == Some(storage::INDEX_KEY) {
            if let Some(plans) = persistence::with_store(storage::read_index) {
                state.library.set(plans);
            }
        }
        if key.is_none() || key.as_deref() == Some(storage::EXPORTS_KEY) {
            state.exports.set(persistence::with_store(storage::export_records));
        }
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
    });

    // Moving to another view puts focus on its heading, so screen readers announce it.
    let plan_id = Memo::new(move |_| state.route.with(|r| r.plan_id().map(str::to_string)));
    Effect::new(move |previous: Option<Route>| {
        let route = state.route.get();
        if previous.is_some_and(|p| p != route) {
            crate::focus::focus_next_frame("main h1");
        }
        route
    });

    // The library is in the main wasm; other views' code and the content may first have to be
    // downloaded (src/split.rs). Until they are in, the view says it is loading; when they
    // arrive, this runs again and makes the view as usual. A failed download offers to try again.
    let parts =
        Parts { arrived: RwSignal::new(None), unavailable: RwSignal::new(None), shown: StoredValue::new(false) };
    let page = move || {
        parts.arrived.track();
        parts.unavailable.track();
        let navigated = parts.shown.get_value();
        parts.shown.set_value(true);
        let part = move |view, code| part_view(state, parts, view, code, navigated);
        match plan_id.get() {
            Some(id) => part(Box::pin(parts::plan_scope::plan_scope(id)), Box::pin(parts::plan_scope::load())),
            None => match state.route.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::Facts => part(Box::pin(parts::facts::facts()), Box::pin(parts::facts::load())),
                Route::About => part(Box::pin(parts::about::about()), Box::pin(parts::about::load())),
                Route::Compare => part(Box::pin(parts::compare::compare()), Box::pin(parts::compare::load())),
                _ => view! { <NotFoundPage/> }.into_any(),
            },
        }
    };

    view! {
        <SkipLink/>
        <Header/>
        <div class="page">
            <UpdateBanner/>
            <StorageBanners/>
            <main id="main" tabindex="-1">{page}</main>
        </div>
        <Footer/>
        <div class="visually-hidden" role="status" aria-live="polite">
            {move || state.announcement.get()}
        </div>
    }
}

type Loading<T> = std::pin::Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// The code of the part `route`'s view is in (the same parts as `page` in `App`); `None` for the
/// views in the main wasm.
fn part_code(route: &Route) -> Option<Loading<()>> {
    if route.plan_id().is_some() {
        return Some(Box::pin(parts::plan_scope::load()));
    }
    match route {
        Route::Facts => Some(Box::pin(parts::facts::load())),
        Route::About => Some(Box::pin(parts::about::load())),
        Route::Compare => Some(Box::pin(parts::compare::load())),
        _ => None,
    }
}

/// Whether the view at the current URL is made from a part (and so is not complete at mount).
pub fn shows_part() -> bool {
    part_code(&current_route()).is_some()
}

/// Starts loading the code the first view will need, its part and the content reader, so it is
/// compiled while the app mounts instead of after. A failure is left to the view, which asks
/// again and says so.
pub fn load_first_part() {
    if let Some(code) = part_code(&current_route()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = futures::join!(code, crate::bundles::install_content::load());
        });
    }
}

/// What the page view knows of the parts on their way.
#[derive(Clone, Copy)]
struct Parts {
    /// The route whose part, stylesheets and content came in last: set, the view is made again.
    arrived: RwSignal<Option<Route>>,
    /// The route whose part could not be had.
    unavailable: RwSignal<Option<Route>>,
    /// Whether a view was shown before (the first view keeps the focus where it is).
    shown: StoredValue<bool>,
}

/// A view from a part: made at once, in the page's reactive scope as any view, when its code and
/// the content are in; otherwise both are fetched at once and the view is made when they are.
fn part_view(state: AppState, parts: Parts, view: Loading<AnyView>, code: Loading<()>, navigated: bool) -> AnyView {
    use futures::FutureExt;
    let route = state.route.get_untracked();
    if parts.unavailable.with_untracked(|r| r.as_ref() == Some(&route)) {
        let retry = Callback::new(move |_| parts.unavailable.set(None));
        return view! { <PartUnavailable retry/> }.into_any();
    }
    let lang = state.lang.get_untracked();
    let catalog = state.catalog.get_untracked().filter(|c| c.has(lang));
    if let Some(catalog) = catalog.filter(|_| crate::part_styles::loaded()) {
        // A part already loaded answers at once, its views under the content they read.
        crate::catalog::provide(state, catalog);
        if let Some(Ok(view)) = view.now_or_never() {
            crate::first_view_shown();
            return view;
        }
    }
    leptos::task::spawn_local(async move {
        let (content, code, styles) =
            futures::join!(crate::bundles::content_ready(state), code, crate::part_styles::ready());
        // Only for the view still asked for: making another view again would lose what it holds.
        let now = state.route.get_untracked();
        let same_view = match route.plan_id() {
            Some(id) => now.plan_id() == Some(id),
            None => now == route,
        };
        if same_view {
            if content.is_err() || code.is_err() || styles.is_err() {
                parts.unavailable.set(Some(route.clone()));
            }
            parts.arrived.set(Some(route));
            if navigated {
                crate::focus::focus_next_frame("main h1");
            }
        }
        // The view is made (or says its part could not be had): the offline copy may start.
        crate::first_view_shown();
    });
    view! { <p class="ds-paragraph" role="status">{txt("part.loading")}</p> }.into_any()
}
