//! Everything under `#/plan/<id>`: loads the plan once, provides its [`Session`], flushes saves
//! when the page is hidden or left, and follows changes made in other tabs.

use crate::components::not_found::NotFoundPage;
use crate::i18n::{tr, txt};
use crate::pages::{
    crosswalk::CrosswalkPage,
    decision::DecisionPage,
    document::DocumentPage,
    overview::OverviewPage,
    phase::PhasePage,
    plan_document::PlanDocumentPage,
    roadmap::RoadmapPage,
    step::{StepPage, ToolLanding},
    versions::VersionsPage,
};
use crate::persistence;
use crate::session::Session;
use crate::state::use_app;
use ioa_core::route::Route;
use ioa_core::storage;
use leptos::prelude::*;

#[component]
pub fn PlanScope(id: String) -> impl IntoView {
    let app = use_app();
    let loaded = persistence::with_store(|kv| storage::open_plan(kv, &id, crate::clock::now_ms()));
    match loaded {
        Ok(Some(Ok(plan))) => {
            let session = Session::new(plan, app.library);
            provide_context(session);
            watch_page_lifecycle(session, id);
            view! { <PlanPages/> }.into_any()
        }
        Ok(Some(Err(error))) => view! {
            <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("plan.unreadable.title")}</h1>
            <p class="ds-paragraph">{move || tr(app.lang.get(), error.message_key())}</p>
            <p class="ds-paragraph"><a class="ds-link" href=Route::Home.href()>{txt("common.to_library")}</a></p>
        }
        .into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}

/// Saves before the page goes away or out of sight, and takes in other tabs' saves.
fn watch_page_lifecycle(session: Session, id: String) {
    let hide = window_event_listener(leptos::ev::pagehide, move |_| session.flush());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            session.flush();
        }
    });
    let other_tab = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref().and_then(storage::plan_id_of_key) == Some(id.as_str()) {
            session.external_change(event.new_value());
        }
    });
    on_cleanup(move || {
        session.flush();
        hide.remove();
        visibility.remove();
        other_tab.remove();
    });
}

#[component]
fn PlanPages() -> impl IntoView {
    let app = use_app();
    move || match app.route.get() {
        Route::Plan { .. } => view! { <OverviewPage/> }.into_any(),
        Route::Step { tool, step, .. } => view! { <StepPage tool step/> }.into_any(),
        Route::Tool { tool, .. } => view! { <ToolLanding tool/> }.into_any(),
        Route::Document { tool, .. } => view! { <DocumentPage tool/> }.into_any(),
        Route::PlanDocument { .. } => view! { <PlanDocumentPage/> }.into_any(),
        Route::Decision { .. } => view! { <DecisionPage/> }.into_any(),
        Route::Versions { .. } => view! { <VersionsPage/> }.into_any(),
        Route::Roadmap { .. } => view! { <RoadmapPage/> }.into_any(),
        Route::Phase { phase, .. } => view! { <PhasePage phase/> }.into_any(),
        Route::Crosswalk { .. } => view! { <CrosswalkPage/> }.into_any(),
        Route::Home | Route::Facts | Route::About | Route::Compare | Route::NotFound => {
            view! { <NotFoundPage/> }.into_any()
        }
    }
}
