//! A plan's front page: the task list of tools and the innovation route.

use crate::title::set_title;
use crate::components::plan_header::PlanHeader;
use crate::i18n::{content_text, plan_meta, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::content::{content, Tool};
use crate::clock::today_iso;
use ioa_core::decision::{outcome, Route as RouteChoice};
use ioa_core::decision_text::decision_text;
use ioa_core::progress::{next_step, tool_progress, Status};
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    Effect::new(move |_| set_title(&session.plan.with(|p| p.title.clone()), app.lang.get()));
    let meta = move || {
        let lang = app.lang.get();
        session.plan.with(|p| plan_meta(&p.organisation, &p.case_number, lang))
    };
    view! {
        <PlanHeader/>
        <h1 class="ds-heading plan-title" data-size="xl" tabindex="-1">{move || session.plan.with(|p| p.title.clone())}</h1>
        <p class="ds-paragraph plan-meta">{meta}</p>

        <section class="overview-section" aria-labelledby="tools-heading">
            <h2 id="tools-heading" class="ds-heading" data-size="md">{txt("overview.tools.title")}</h2>
            <p class="ds-paragraph">{txt("overview.tools.intro")}</p>
            <ol class="task-list">
                {content().tools.iter().map(|tool| view! { <ToolTask tool/> }).collect_view()}
            </ol>
        </section>

        <RouteSummary/>
    }
}

#[component]
fn ToolTask(tool: &'static Tool) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    let progress = Memo::new(move |_| session.plan.with(|p| tool_progress(tool, p)));
    let next_href = {
        let plan_id = plan_id.clone();
        move || {
            session.plan.with(|p| {
                let step = next_step(tool, p).map(|s| s.id.clone()).unwrap_or_default();
                Route::Step { plan: plan_id.clone(), tool: tool.id.clone(), step }.href()
            })
        }
    };
    let doc_href = Route::Document { plan: plan_id, tool: tool.id.clone() }.href();
    let status_id = format!("status-{}", tool.id);
    let color = move || match progress.get().status {
        Status::Done => "success",
        Status::InProgress => "info",
        Status::NotStarted => "neutral",
    };
    view! {
        <li class="task-list__item">
            <div class="task-list__main">
                <h3 class="ds-heading" data-size="sm">
                    <a class="ds-link" href=next_href aria-describedby=status_id.clone()>{content_text(&tool.title)}</a>
                </h3>
                <p class="ds-paragraph" data-size="sm">{content_text(&tool.summary)}</p>
                <p class="ds-paragraph task-list__progress" data-size="sm">
                    {move || {
                        let p = progress.get();
                        trf(app.lang.get(), "overview.steps_done", &[("done", &p.steps_done.to_string()), ("total", &p.steps_total.to_string())])
                    }}
                </p>
                <a class="ds-link" href=doc_href>
                    {move || trf(app.lang.get(), "overview.read_document", &[("document", tool.document.title.get(app.lang.get()))])}
                </a>
            </div>
            <span class="ds-tag task-list__status" data-color=color id=status_id>
                {move || tr(app.lang.get(), progress.get().status.label_key())}
            </span>
        </li>
    }
}

/// The decision helper's current recommendation, and the team's own choice.
#[component]
fn RouteSummary() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let text = decision_text();
    let recommended = Memo::new(move |_| session.plan.with(|p| outcome(p, &today_iso()).recommendation.route));
    let chosen = Memo::new(move |_| session.plan.with(|p| p.decision.chosen_route.clone()));
    let href = session.plan.with_untracked(|p| Route::Decision { plan: p.id.clone() }.href());
    let route_title = move |id: &str| text.route_title(id, app.lang.get()).to_string();
    view! {
        <section class="overview-section ds-card route-summary" data-variant="tinted" aria-labelledby="route-heading">
            <h2 id="route-heading" class="ds-heading" data-size="md">{txt("overview.route.title")}</h2>
            <p class="ds-paragraph">
                <strong>{txt("overview.route.recommended")}</strong>
                " "
                {move || route_title(recommended.get().id())}
            </p>
            {move || {
                chosen
                    .get()
                    .filter(|c| RouteChoice::from_id(c).is_some())
                    .map(|c| {
                        view! {
                            <p class="ds-paragraph">
                                <strong>{txt("overview.route.chosen")}</strong>
                                " "
                                {route_title(&c)}
                            </p>
                        }
                    })
            }}
            <a class="ds-button" data-variant="secondary" href=href>{txt("overview.route.open")}</a>
        </section>
    }
}
