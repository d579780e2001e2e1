//! One phase of the roadmap: its purpose, where it stands in benefit realisation, the methods
//! KS names, questions to discuss, what it should produce, and its steps with status, owner and
//! target date. The steps themselves open in the worksheet engine.

use crate::catalog::TextIn;
use crate::components::not_found::NotFoundPage;
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::components::rich_text::RichText;
use crate::components::source_link::ExternalLink;
use crate::components::status_tag::{progress_text, StatusTag};
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::content::{step_key, Phase, Step};
use ioa_core::format::format_date;
use ioa_core::progress::{step_status, tool_progress};
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn PhasePage(phase: String) -> impl IntoView {
    let content = crate::catalog::use_content();
    match content.phase(&phase) {
        Some(phase) => view! { <PhaseView phase/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
fn PhaseView(phase: &'static Phase) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let tool = &phase.worksheet;
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    let heading = move || {
        trf(
            app.lang.get(),
            "roadmap.phase_title",
            &[("n", &phase.number.to_string()), ("title", tool.title.get(app.lang.get()))],
        )
    };
    Effect::new(move |_| set_title(&heading(), app.lang.get()));
    let progress = Memo::new(move |_| session.plan.with(|p| tool_progress(tool, p)));
    let stage = content.roadmap.benefits.stages.get(phase.benefit_stage);
    let doc_href = Route::Document { plan: plan_id.clone(), tool: tool.id.clone() }.href();
    let neighbour = |offset: isize| {
        let phases = &content.roadmap.phases;
        let at = phases.iter().position(|p| p.worksheet.id == tool.id)? as isize + offset;
        phases
            .get(usize::try_from(at).ok()?)
            .map(|p| (Route::Phase { plan: plan_id.clone(), phase: p.worksheet.id.clone() }.href(), p))
    };
    let (previous, next) = (neighbour(-1), neighbour(1));
    view! {
        <PlanHeader crumbs=vec![Crumb::roadmap(plan_id.clone())]/>
        <h1 class="ds-heading" data-size="xl" tabindex="-1">{heading}</h1>
        <p class="ds-paragraph phase-progress">
            <StatusTag status=Signal::derive(move || progress.get().status)/>
            " "
            {move || progress_text(progress.get(), app.lang.get())}
        </p>
        <RichText text=Signal::derive(content_text(&tool.intro)) class="lead"/>
        <p class="ds-paragraph"><ExternalLink label=&tool.original.label url=tool.original.url.as_str()/></p>

        <section class="overview-section" aria-labelledby="phase-steps-heading">
            <h2 id="phase-steps-heading" class="ds-heading" data-size="md">{txt("roadmap.steps")}</h2>
            <p class="ds-paragraph">{txt("roadmap.any_order")}</p>
            <ol class="task-list">
                {tool.steps.iter().map(|step| view! { <PhaseStep phase step/> }).collect_view()}
                <li class="task-list__item">
                    <div class="task-list__main">
                        <h3 class="ds-heading" data-size="sm"><a class="ds-link" href=doc_href>{content_text(&tool.document.title)}</a></h3>
                        <p class="ds-paragraph" data-size="sm">{content_text(&tool.document.intro)}</p>
                    </div>
                </li>
            </ol>
        </section>

        <div class="phase-facts">
            <section class="ds-card" data-variant="tinted" aria-labelledby="phase-benefits-heading">
                <h2 id="phase-benefits-heading" class="ds-heading" data-size="xs">{content_text(&content.roadmap.benefits.title)}</h2>
                <RichText text=Signal::derive(content_text(stage))/>
            </section>
            <section class="ds-card" aria-labelledby="phase-methods-heading">
                <h2 id="phase-methods-heading" class="ds-heading" data-size="xs">{txt("roadmap.methods")}</h2>
                <ul class="ds-list">
                    {phase.methods.iter().map(|m| view! {
                        <li>
                            <strong>{content_text(&m.name)}</strong>": "{content_text(&m.note)}
                            {m.proposal.then(|| view! { " " <span class="ds-tag method-proposal" data-color="warning">{txt("roadmap.proposal_method")}</span> })}
                            {m.url.as_ref().map(|url| view! { " " <ExternalLink label=&m.name url=url.as_str()/> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="ds-card" aria-labelledby="phase-questions-heading">
                <h2 id="phase-questions-heading" class="ds-heading" data-size="xs">{txt("roadmap.questions")}</h2>
                <ul class="ds-list">{phase.questions.iter().map(|q| view! { <li>{content_text(q)}</li> }).collect_view()}</ul>
            </section>
            <section class="ds-card" aria-labelledby="phase-outputs-heading">
                <h2 id="phase-outputs-heading" class="ds-heading" data-size="xs">{txt("roadmap.outputs")}</h2>
                <ul class="ds-list">{phase.outputs.iter().map(|o| view! { <li>{content_text(o)}</li> }).collect_view()}</ul>
            </section>
        </div>

        <nav class="step-pager" aria-label=txt("roadmap.pager")>
            {previous.map(|(href, p)| view! {
                <a class="ds-button" data-variant="secondary" href=href rel="prev">
                    <span class="step-pager__label"><span aria-hidden="true">"← "</span>{txt("roadmap.previous_phase")}</span>
                    <span class="step-pager__title">{content_text(&p.worksheet.title)}</span>
                </a>
            })}
            {next.map(|(href, p)| view! {
                <a class="ds-button" data-variant="secondary" href=href rel="next">
                    <span class="step-pager__label">{txt("roadmap.next_phase")}<span aria-hidden="true">" →"</span></span>
                    <span class="step-pager__title">{content_text(&p.worksheet.title)}</span>
                </a>
            })}
        </nav>
    }
}

/// A step in the phase's list: title, our-proposal mark, status, owner and target date.
#[component]
fn PhaseStep(phase: &'static Phase, step: &'static Step) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let tool = &phase.worksheet;
    let key = step_key(&tool.id, &step.id);
    let href = session
        .plan
        .with_untracked(|p| Route::Step { plan: p.id.clone(), tool: tool.id.clone(), step: step.id.clone() }.href());
    let status = Memo::new(move |_| session.plan.with(|p| step_status(tool, step, p)));
    let record = Memo::new(move |_| session.plan.with(|p| p.step(&key).cloned().unwrap_or_default()));
    let status_id = format!("status-{}-{}", tool.id, step.id);
    let details = move || {
        let lang = app.lang.get();
        let r = record.get();
        let mut parts = Vec::new();
        if !r.owner.trim().is_empty() {
            parts.push(trf(lang, "roadmap.owner", &[("owner", r.owner.trim())]));
        }
        if !r.due.is_empty() {
            parts.push(trf(lang, "roadmap.due", &[("date", &format_date(&r.due, lang))]));
        }
        if !r.reason.trim().is_empty() && status.get() == ioa_core::progress::Status::NotRelevant {
            parts.push(trf(lang, "roadmap.reason", &[("reason", r.reason.trim())]));
        }
        parts.join(" · ")
    };
    view! {
        <li class="task-list__item">
            <div class="task-list__main">
                <h3 class="ds-heading" data-size="sm">
                    <a class="ds-link" href=href aria-describedby=status_id.clone()>{content_text(&step.title)}</a>
                </h3>
                <p class="ds-paragraph" data-size="sm">
                    {step.proposal.then(|| view! { <span class="ds-tag step-proposal" data-color="warning">{move || tr(app.lang.get(), "roadmap.proposal_step")}</span>" " })}
                    {content_text(&step.purpose)}
                </p>
                <p class="ds-paragraph task-list__progress" data-size="sm">{details}</p>
            </div>
            <StatusTag status=status id=status_id class="task-list__status"/>
        </li>
    }
}
