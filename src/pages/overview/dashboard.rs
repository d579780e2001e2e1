//! The top of a plan's front page: what to do next and why, progress across LUP's tools, the
//! roadmap and the decision, steps past their target date, and when the plan last changed.

use crate::catalog::TextIn;
use crate::clock::{format_timestamp, today_iso};
use crate::components::place_link::{place_href, place_title, waypoint_place, PlaceLink};
use crate::components::status_tag::StatusTag;
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::content::Tool;
use ioa_core::format::format_date;
use ioa_core::guide::{next_suggestion, spine, suggested_spine, Place, Waypoint};
use ioa_core::plan::Spine;
use ioa_core::progress::{overdue, tool_progress};
use ioa_core::route::Route;
use leptos::prelude::*;

/// (worksheets settled, worksheets, steps settled, steps) over a set of worksheets: done or
/// skipped on purpose, as the next-step rule counts them.
fn totals<'a>(tools: impl Iterator<Item = &'a Tool>, plan: &ioa_core::Plan) -> [usize; 4] {
    tools.fold([0; 4], |[done, all, steps_done, steps], tool| {
        let p = tool_progress(tool, plan);
        [done + usize::from(p.status.is_settled()), all + 1, steps_done + p.settled(), steps + p.steps_total]
    })
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    let current_spine = Memo::new(move |_| session.plan.with(|p| spine(p, &today_iso())));
    let chosen = Memo::new(move |_| session.plan.with(|p| p.spine.is_some()));
    // The suggestion as (link, title, reason): a memo of the words, so the button is rebuilt
    // only when they change, not on every edit (focus on it survives a save from another tab).
    let suggestion = Memo::new(move |_| {
        let lang = app.lang.get();
        session.plan.with(|plan| {
            next_suggestion(content, plan, current_spine.get(), &today_iso()).map(|s| {
                let target = waypoint_place(s.waypoint);
                // Open the step to continue with, when the stop is a worksheet.
                let opens = match (s.waypoint, s.step) {
                    (Waypoint::Worksheet(tool), Some(step)) => Place::Step(tool, step),
                    _ => target,
                };
                let (href, title) = (place_href(content, plan, opens), place_title(opens, lang));
                let (key, previous) = s.reason_key(plan);
                let previous = previous.map(|w| place_title(waypoint_place(w), lang)).unwrap_or_default();
                (href, title, trf(lang, key, &[("previous", &previous), ("target", &place_title(target, lang))]))
            })
        })
    });
    let spine_title = move |s: Spine| {
        let cw = &content.crosswalk.spines;
        match s {
            Spine::Roadmap => &cw.roadmap.title,
            Spine::Lup => &cw.lup.title,
        }
        .get(app.lang.get())
        .to_string()
    };
    let next = move || {
        match suggestion.get() {
        None => view! { <p class="ds-paragraph" id="next-reason">{move || tr(app.lang.get(), "guide.all_done")}</p> }.into_any(),
        Some((href, title, reason)) => view! {
            <p class="ds-paragraph next-step__link">
                <a class="ds-button" data-variant="primary" href=href aria-describedby="next-reason" id="next-step">{title}</a>
            </p>
            <p class="ds-paragraph" id="next-reason">{reason}</p>
        }
        .into_any(),
     }
    };
    let late = Memo::new(move |_| session.plan.with(|p| overdue(content, p, &today_iso())));
    let lup = Memo::new(move |_| session.plan.with(|p| totals(content.tools.iter(), p)));
    let roadmap =
        Memo::new(move |_| session.plan.with(|p| totals(content.roadmap.phases.iter().map(|ph| &ph.worksheet), p)));
    let decision = Memo::new(move |_| session.plan.with(|p| Waypoint::Decision.status(p)));
    let changed = move || session.plan.with(|p| format_timestamp(p.updated_at, app.lang.get()));
    let crosswalk_href = Route::Crosswalk { plan: plan_id.clone() }.href();
    let roadmap_href = Route::Roadmap { plan: plan_id.clone() }.href();
    let decision_href = Route::Decision { plan: plan_id }.href();
    let line = move |key: &'static str, t: [usize; 4]| {
        trf(
            app.lang.get(),
            key,
            &[
                ("done", &t[0].to_string()),
                ("total", &t[1].to_string()),
                ("steps_done", &t[2].to_string()),
                ("steps", &t[3].to_string()),
            ],
        )
    };
    view! {
        <section class="overview-section ds-card dashboard" aria-labelledby="dashboard-heading">
            <h2 id="dashboard-heading" class="ds-heading" data-size="md">{txt("dashboard.title")}</h2>
            <div class="next-step">
                <h3 class="ds-heading" data-size="xs">{txt("dashboard.next")}</h3>
                {next}
                <p class="ds-paragraph" data-size="sm" id="dashboard-spine">
                    {move || {
                        let lang = app.lang.get();
                        let key = if chosen.get() { "dashboard.spine_chosen" } else { "dashboard.spine_suggested" };
                        trf(lang, key, &[("spine", &spine_title(current_spine.get()))])
                    }}
                    " "
                    {move || (!chosen.get()).then(|| session.plan.with(|p| tr(app.lang.get(), suggested_spine(p, &today_iso()).1.message_key())))}
                    " "
                    <a class="ds-link" href=crosswalk_href>{txt("crosswalk.link")}</a>
                </p>
            </div>
            <ul class="dashboard__progress ds-list">
                <li>{move || line("dashboard.progress_lup", lup.get())}</li>
                <li>
                    <a class="ds-link" href=roadmap_href>{move || line("dashboard.progress_roadmap", roadmap.get())}</a>
                </li>
                <li>
                    <a class="ds-link" href=decision_href aria-describedby="dashboard-decision-status">{txt("guide.decision")}</a>
                    " "
                    <StatusTag status=decision id="dashboard-decision-status".to_string()/>
                </li>
            </ul>
            {move || {
                let late = late.get();
                (!late.is_empty()).then(|| {
                    let lang = app.lang.get();
                    view! {
                        <div class="ds-alert dashboard__late" data-color="warning">
                            <h3 class="ds-heading" data-size="xs">{tr(lang, "dashboard.overdue")}</h3>
                            <ul class="ds-list">
                                {late.into_iter().map(|o| view! {
                                    <li>
                                        <PlaceLink place=Place::Step(o.tool, o.step) id_prefix="late-"/>
                                        " – "{trf(lang, "roadmap.due", &[("date", &format_date(&o.due, lang))])}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                })
            }}
            <p class="ds-paragraph" data-size="sm">{move || trf(app.lang.get(), "dashboard.changed", &[("time", &changed())])}</p>
        </section>
        <RoadmapTasks/>
    }
}

/// The six phases in brief, linking to each phase page.
#[component]
fn RoadmapTasks() -> impl IntoView {
    let content = crate::catalog::use_content();
    let session = use_session();
    let roadmap = &content.roadmap;
    let href = session.plan.with_untracked(|p| Route::Roadmap { plan: p.id.clone() }.href());
    view! {
        <section class="overview-section" aria-labelledby="roadmap-heading">
            <h2 id="roadmap-heading" class="ds-heading" data-size="md">{content_text(&roadmap.title)}</h2>
            <p class="ds-paragraph">{content_text(&roadmap.summary)}</p>
            <ol class="phase-strip">
                {roadmap.phases.iter().map(|phase| view! {
                    <li><PlaceLink place=Place::Worksheet(&phase.worksheet) id_prefix="strip-"/></li>
                }).collect_view()}
            </ol>
            <a class="ds-button" data-variant="secondary" href=href>{txt("roadmap.open")}</a>
        </section>
    }
}
