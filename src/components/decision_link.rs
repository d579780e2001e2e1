//! In the start-up tool's route step: what the decision helper recommends from the answers so
//! far, the route the team has chosen there, and the way to it, where the team forms its first
//! view of the route.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::i18n::txt;
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::decision::{outcome, Route as RouteChoice};
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn DecisionLink() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let text = cat.get_untracked().decision();
    let today = today_iso();
    let recommended = Memo::new(move |_| session.plan.with(|p| outcome(p, &today).headline));
    let chosen = Memo::new(move |_| {
        session.plan.with(|p| p.decision.chosen_route.clone().filter(|c| RouteChoice::from_id(c).is_some()))
    });
    let href = session.plan.with_untracked(|p| Route::Decision { plan: p.id.clone() }.href());
    view! {
        <div class="ds-card decision-link" data-variant="tinted">
            <p class="ds-paragraph" data-size="sm">
                <strong>{txt("overview.route.recommended")}</strong>" "
                {move || text.headline(recommended.get()).map(|h| h.title.get(app.lang.get()).to_string())}
            </p>
            {move || chosen.get().map(|c| view! {
                <p class="ds-paragraph" data-size="sm">
                    <strong>{txt("overview.route.chosen")}</strong>" "{cat.get().route_title(&c, app.lang.get()).to_string()}
                </p>
            })}
            <p class="ds-paragraph" data-size="sm"><a class="ds-link" href=href>{txt("overview.route.open")}</a></p>
        </div>
    }
}
