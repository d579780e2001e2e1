//! Links to a place in the plan (a tool, a phase, one step, the decision helper) with its
//! status: used by the dashboard, the roadmap and the crosswalk alike.

use crate::catalog::TextIn;
use crate::components::status_tag::StatusTag;
use crate::i18n::tr;
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::content::{step_key, Content, Tool};
use ioa_core::guide::{Place, Waypoint};
use ioa_core::progress::{next_step, step_status, tool_progress, Status};
use ioa_core::route::Route;
use ioa_core::Lang;
use ioa_core::Plan;
use leptos::prelude::*;

/// Where a whole worksheet opens: a phase at its phase page, a tool at the step to continue with.
pub fn worksheet_href(content: &Content, plan: &Plan, tool: &Tool) -> String {
    let plan_id = plan.id.clone();
    if content.phase(&tool.id).is_some() {
        return Route::Phase { plan: plan_id, phase: tool.id.clone() }.href();
    }
    let step = next_step(tool, plan).map(|s| s.id.clone()).unwrap_or_default();
    Route::Step { plan: plan_id, tool: tool.id.clone(), step }.href()
}

pub fn place_href(content: &Content, plan: &Plan, place: Place) -> String {
    match place {
        Place::Worksheet(tool) => worksheet_href(content, plan, tool),
        Place::Step(tool, step) => {
            Route::Step { plan: plan.id.clone(), tool: tool.id.clone(), step: step.id.clone() }.href()
        }
        Place::Decision => Route::Decision { plan: plan.id.clone() }.href(),
    }
}

pub fn place_title(place: Place, lang: Lang) -> String {
    match place {
        Place::Worksheet(tool) => tool.title.get(lang).to_string(),
        Place::Step(tool, step) => format!("{}: {}", tool.title.get(lang), step.title.get(lang)),
        Place::Decision => tr(lang, "guide.decision").to_string(),
    }
}

pub fn place_status(plan: &Plan, place: Place) -> Status {
    match place {
        Place::Worksheet(tool) => tool_progress(tool, plan).status,
        Place::Step(tool, step) => step_status(tool, step, plan),
        Place::Decision => Waypoint::Decision.status(plan),
    }
}

pub fn waypoint_place(waypoint: Waypoint) -> Place {
    match waypoint {
        Waypoint::Worksheet(tool) => Place::Worksheet(tool),
        Waypoint::Decision => Place::Decision,
    }
}

/// A link to the place and its status tag, the tag named as the link's description.
#[component]
pub fn PlaceLink(place: Place, #[prop(optional, into)] id_prefix: String) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let href = Memo::new(move |_| session.plan.with(|p| place_href(content, p, place)));
    let status = Memo::new(move |_| session.plan.with(|p| place_status(p, place)));
    let tag_id = format!("{id_prefix}{}", place_dom_id(place));
    let title = move || place_title(place, app.lang.get());
    view! {
        <span class="place-link">
            <a class="ds-link" href=move || href.get() aria-describedby=tag_id.clone()>{title}</a>
            " "
            <StatusTag status=status id=tag_id/>
        </span>
    }
}

/// A DOM id for a place: `place-needs`, `place-insight-interviews`, `place-decision`.
pub fn place_dom_id(place: Place) -> String {
    match place {
        Place::Worksheet(tool) => format!("place-{}", tool.id),
        Place::Step(tool, step) => format!("place-{}", step_key(&tool.id, &step.id).replace('/', "-")),
        Place::Decision => "place-decision".into(),
    }
}
