//! Breadcrumbs, the save indicator and "Export as file" at the top of every plan page.

use crate::catalog::TextIn;
use crate::components::export_button::ExportButton;
use crate::components::save_status::SaveIndicator;
use crate::i18n::txt;
use crate::session::use_session;
use ioa_core::route::Route;
use leptos::prelude::*;

/// A breadcrumb above the plan itself: a text and where it leads.
pub struct Crumb {
    pub label: Signal<String>,
    pub href: String,
}

impl Crumb {
    /// Back to the roadmap, above a phase and its steps.
    pub fn roadmap(plan_id: String) -> Crumb {
        let lang = crate::state::use_app().lang;
        let content = crate::catalog::use_content();
        Crumb {
            label: Signal::derive(move || content.roadmap.title.get(lang.get()).to_string()),
            href: Route::Roadmap { plan: plan_id }.href(),
        }
    }
}

#[component]
pub fn PlanHeader(#[prop(default = vec![])] crumbs: Vec<Crumb>) -> impl IntoView {
    let session = use_session();
    let plan_href = session.plan.with_untracked(|p| Route::Plan { plan: p.id.clone() }.href());
    let title = move || session.plan.with(|p| p.title.clone());
    view! {
        <div class="plan-header">
            <nav class="breadcrumbs" aria-label=txt("nav.breadcrumbs")>
                <ol>
                    <li><a class="ds-link" href=Route::Home.href()>{txt("nav.library")}</a></li>
                    <li><a class="ds-link" href=plan_href>{title}</a></li>
                    {crumbs
                        .into_iter()
                        .map(|c| view! { <li><a class="ds-link" href=c.href>{move || c.label.get()}</a></li> })
                        .collect_view()}
                </ol>
            </nav>
            <div class="plan-header__actions">
                <SaveIndicator/>
                <ExportButton variant="secondary" size="sm"/>
            </div>
        </div>
    }
}
