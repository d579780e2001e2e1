//! KS's roadmap in this plan: what it is, benefit realisation across it, and the six phases
//! with their progress. The phases are worksheets; this page only lists them.

use crate::catalog::TextIn;
use crate::components::plan_header::PlanHeader;
use crate::components::rich_text::RichText;
use crate::components::source_link::ExternalLink;
use crate::components::status_tag::{progress_text, StatusTag};
use crate::i18n::{content_text, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::content::Phase;
use ioa_core::progress::tool_progress;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let roadmap = &content.roadmap;
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    Effect::new(move |_| set_title(roadmap.title.get(app.lang.get()), app.lang.get()));
    let crosswalk_href = Route::Crosswalk { plan: plan_id }.href();
    view! {
        <PlanHeader/>
        <h1 class="ds-heading" data-size="xl" tabindex="-1">{content_text(&roadmap.title)}</h1>
        <RichText text=Signal::derive(content_text(&roadmap.intro)) class="lead"/>
        <p class="ds-paragraph">
            <ExternalLink label=&roadmap.original.label url=roadmap.original.url.as_str()/>
        </p>
        <p class="ds-paragraph"><a class="ds-link" href=crosswalk_href>{txt("crosswalk.link")}</a></p>

        <section class="overview-section" aria-labelledby="phases-heading">
            <h2 id="phases-heading" class="ds-heading" data-size="md">{txt("roadmap.phases")}</h2>
            <ol class="task-list phase-list">
                {roadmap.phases.iter().map(|phase| view! { <PhaseTask phase/> }).collect_view()}
            </ol>
        </section>

        <BenefitsGuide/>
    }
}

#[component]
fn PhaseTask(phase: &'static Phase) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let tool = &phase.worksheet;
    let progress = Memo::new(move |_| session.plan.with(|p| tool_progress(tool, p)));
    let href = session.plan.with_untracked(|p| Route::Phase { plan: p.id.clone(), phase: tool.id.clone() }.href());
    let status_id = format!("status-{}", tool.id);
    view! {
        <li class="task-list__item" data-phase=tool.id.clone()>
            <div class="task-list__main">
                <h3 class="ds-heading" data-size="sm">
                    <a class="ds-link" href=href aria-describedby=status_id.clone()>
                        {move || trf(app.lang.get(), "roadmap.phase_title", &[("n", &phase.number.to_string()), ("title", tool.title.get(app.lang.get()))])}
                    </a>
                </h3>
                <p class="ds-paragraph" data-size="sm">{content_text(&tool.summary)}</p>
                <p class="ds-paragraph task-list__progress" data-size="sm">{move || progress_text(progress.get(), app.lang.get())}</p>
            </div>
            <StatusTag status=Signal::derive(move || progress.get().status) id=status_id class="task-list__status"/>
        </li>
    }
}

/// Benefit realisation runs through every phase: what it asks at each stage, and the
/// calculation aid per benefit type.
#[component]
fn BenefitsGuide() -> impl IntoView {
    let content = crate::catalog::use_content();
    let guide = &content.roadmap.benefits;
    let kinds = content
        .register(ioa_core::benefit::REGISTER)
        .and_then(|r| r.column("kind"))
        .map(|c| c.options.as_slice())
        .unwrap_or(&[]);
    view! {
        <section class="overview-section ds-card benefits-guide" data-variant="tinted" aria-labelledby="benefits-heading">
            <h2 id="benefits-heading" class="ds-heading" data-size="md">{content_text(&guide.title)}</h2>
            <RichText text=Signal::derive(content_text(&guide.intro))/>
            <h3 class="ds-heading" data-size="xs">{txt("roadmap.benefit_types")}</h3>
            <dl class="benefit-types">
                {kinds
                    .iter()
                    .filter_map(|kind| guide.types.get(&kind.id).map(|text| (kind, text)))
                    .map(|(kind, text)| view! {
                        <dt>{content_text(&kind.label)}</dt>
                        <dd><RichText text=Signal::derive(content_text(text))/></dd>
                    })
                    .collect_view()}
            </dl>
            <p class="ds-paragraph"><ExternalLink label=&guide.original.label url=guide.original.url.as_str()/></p>
        </section>
    }
}
