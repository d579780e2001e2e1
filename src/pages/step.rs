//! One step of a worksheet: purpose, guidance, fields, "done" and back/next. Steps can be
//! visited in any order; the side list shows where you are and what is done.

use crate::catalog::TextIn;
use crate::components::button::{ButtonLink, Variant};
use crate::components::legal_rule::LegalRule;
use crate::components::not_found::NotFoundPage;
use crate::components::plan_header::PlanHeader;
use crate::components::rich_text::RichText;
use crate::components::source_link::ExternalLink;
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use crate::worksheet::{FieldEditor, StepRecordEditor};
use ioa_core::content::{step_key, Step, Tool};
use ioa_core::progress::{automatic_status, next_step, step_status};
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn StepPage(tool: String, step: String) -> impl IntoView {
    let content = crate::catalog::use_content();
    let Some(tool) = content.tool(&tool) else { return view! { <NotFoundPage/> }.into_any() };
    let Some(index) = tool.step_index(&step) else { return view! { <NotFoundPage/> }.into_any() };
    view! { <StepView tool index/> }.into_any()
}

/// `#/plan/<id>/<tool>`, a link without a step: a tool opens at its next step (the first not done
/// or skipped), a roadmap phase at its page, as `#/plan/<id>/roadmap/<phase>` does.
#[component]
pub fn ToolLanding(tool: String) -> impl IntoView {
    let content = crate::catalog::use_content();
    let session = use_session();
    let plan = session.plan.with_untracked(|p| p.id.clone());
    let target = if content.phase(&tool).is_some() {
        Some(Route::Phase { plan, phase: tool })
    } else {
        content.tool(&tool).and_then(|t| {
            let step = session.plan.with_untracked(|p| next_step(t, p))?;
            Some(Route::Step { plan, tool: t.id.clone(), step: step.id.clone() })
        })
    };
    match target {
        Some(route) => {
            Effect::new(move |_| crate::state::redirect(&route));
            ().into_any()
        }
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
fn StepView(tool: &'static Tool, index: usize) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let step: &'static Step = &tool.steps[index];
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    Effect::new(move |_| {
        let lang = app.lang.get();
        set_title(&format!("{} – {}", step.title.get(lang), tool.title.get(lang)), lang);
    });

    let done_key = step_key(&tool.id, &step.id);
    let status = Memo::new(move |_| session.plan.with(|p| step_status(tool, step, p)));
    let automatic = Memo::new(move |_| session.plan.with(|p| automatic_status(tool, step, p)));
    let phase = content.phase(&tool.id);
    // A phase's steps sit under the roadmap and the phase page; a tool's under its first step.
    let mut crumbs = Vec::new();
    if phase.is_some() {
        crumbs.push(crate::components::plan_header::Crumb::roadmap(plan_id.clone()));
    }
    crumbs.push(crate::components::plan_header::Crumb {
        label: Signal::derive(move || tool.title.get(app.lang.get()).to_string()),
        href: match phase {
            Some(_) => Route::Phase { plan: plan_id.clone(), phase: tool.id.clone() }.href(),
            None => step_href(&plan_id, tool, &tool.steps[0]),
        },
    });

    view! {
        <PlanHeader crumbs/>
        <div class="step-layout">
            <StepNav tool index plan_id=plan_id.clone()/>

            <article class="step-main">
                <p class="ds-paragraph step-count" data-size="sm">
                    {move || trf(app.lang.get(), "step.count", &[("n", &(index + 1).to_string()), ("total", &tool.steps.len().to_string())])}
                </p>
                <h1 class="ds-heading" data-size="lg" tabindex="-1">{content_text(&step.title)}</h1>
                {step.proposal.then(|| view! {
                    <p class="ds-tag step-proposal" data-color="warning">{txt("roadmap.proposal_step")}</p>
                })}
                <RichText text=Signal::derive(content_text(&step.purpose)) class="step-purpose"/>

                <details class="ds-details about-tool">
                    <summary>{move || trf(app.lang.get(), if phase.is_some() { "roadmap.about_phase" } else { "step.about_tool" }, &[("tool", tool.title.get(app.lang.get()))])}</summary>
                    <div>
                        <RichText text=Signal::derive(content_text(&tool.intro))/>
                        <p class="ds-paragraph">
                            <ExternalLink label=&tool.original.label url=tool.original.url.as_str()/>
                        </p>
                    </div>
                </details>

                <section class="guidance" aria-labelledby="guidance-heading">
                    <h2 id="guidance-heading" class="ds-heading" data-size="xs">{txt("step.guidance")}</h2>
                    <RichText text=Signal::derive(content_text(&step.guidance))/>
                </section>

                <StepAsides step/>

                <form class="worksheet" on:submit=|ev| ev.prevent_default() novalidate>
                    {step.fields.iter().map(|field| view! { <FieldEditor tool=&tool.id step=&step.id field/> }).collect_view()}
                </form>

                <StepRecordEditor key=done_key shown=status automatic=automatic/>

                <StepPager tool index plan_id/>
            </article>
        </div>
    }
}

/// A step's address in this plan.
fn step_href(plan_id: &str, tool: &Tool, step: &Step) -> String {
    Route::Step { plan: plan_id.to_string(), tool: tool.id.clone(), step: step.id.clone() }.href()
}

/// The tool's steps with their status, and its document: beside the step on wide screens.
#[component]
fn StepNav(tool: &'static Tool, index: usize, plan_id: String) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let step: &'static Step = &tool.steps[index];
    let doc_href = Route::Document { plan: plan_id.clone(), tool: tool.id.clone() }.href();
    view! {
        <nav class="step-nav" aria-labelledby="step-nav-heading">
            // Open beside the step on wide screens; folded above it on narrow ones, so the
            // step itself is not pushed below eight links.
            <details class="step-nav__details" open=wide_screen()>
            <summary>
                <h2 id="step-nav-heading" class="ds-heading" data-size="2xs">{content_text(&tool.title)}</h2>
                // Folded on a phone, the menu still says where you are.
                <span class="step-nav__current">
                    {move || {
                        let lang = app.lang.get();
                        trf(lang, "step.menu_current", &[
                            ("n", &(index + 1).to_string()),
                            ("total", &tool.steps.len().to_string()),
                            ("title", step.title.get(lang)),
                        ])
                    }}
                </span>
            </summary>
            <ol class="step-nav__list">
                {tool
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let status = Memo::new(move |_| session.plan.with(|p| step_status(tool, s, p)));
                        let current = i == index;
                        view! {
                            <li class="step-nav__item" data-status=move || status.get().id()>
                                <a class="ds-link" href=step_href(&plan_id, tool, s) aria-current=current.then_some("step")>
                                    <span class="step-nav__number" aria-hidden="true">{i + 1}</span>
                                    <span>{content_text(&s.title)}</span>
                                    <span class="visually-hidden">
                                        {move || format!(" ({})", tr(app.lang.get(), status.get().label_key()))}
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="step-nav__item step-nav__item--document">
                    <a class="ds-link" href=doc_href>{content_text(&tool.document.title)}</a>
                </li>
            </ol>
            </details>
        </nav>
    }
}

/// The step's legal rules and its service-design note, when it has them.
#[component]
fn StepAsides(step: &'static Step) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    view! {
        {(!step.rules.is_empty()).then(|| view! {
            <aside class="ds-card step-rules" aria-labelledby="rules-heading">
                <h2 id="rules-heading" class="ds-heading" data-size="xs">{txt("facts.rule_box")}</h2>
                {step.rules.iter().filter_map(|id| cat.get_untracked().rule(id)).map(|r| view! { <LegalRule rule=r/> }).collect_view()}
                <p class="ds-paragraph" data-size="sm"><a class="ds-link" href=Route::Facts.href()>{txt("footer.facts_link")}</a></p>
            </aside>
        })}

        {step.service_design.as_ref().map(|sd| view! {
            <aside class="ds-card service-design" data-variant="tinted" aria-labelledby="sd-heading">
                <h2 id="sd-heading" class="ds-heading" data-size="xs">{txt("step.service_design")}</h2>
                <RichText text=Signal::derive(content_text(sd))/>
            </aside>
        })}
    }
}

/// Back to the previous step and on to the next, or, after the last, to the tool's document.
#[component]
fn StepPager(tool: &'static Tool, index: usize, plan_id: String) -> impl IntoView {
    let previous = index.checked_sub(1).map(|i| &tool.steps[i]);
    let next = tool.steps.get(index + 1);
    let (next_href, next_label, next_title) = match next {
        Some(s) => (step_href(&plan_id, tool, s), "step.next", &s.title),
        None => (
            Route::Document { plan: plan_id.clone(), tool: tool.id.clone() }.href(),
            "step.to_document",
            &tool.document.title,
        ),
    };
    view! {
        <nav class="step-pager" aria-label=txt("step.pager")>
            {previous.map(|s| view! {
                <ButtonLink href=step_href(&plan_id, tool, s) rel=Some("prev")>
                    <span class="step-pager__label"><span aria-hidden="true">"← "</span>{txt("step.previous")}</span>
                    <span class="step-pager__title">{content_text(&s.title)}</span>
                </ButtonLink>
            })}
            <ButtonLink variant=Variant::Primary href=next_href rel=next.is_some().then_some("next")>
                <span class="step-pager__label">{txt(next_label)}<span aria-hidden="true">" →"</span></span>
                <span class="step-pager__title">{content_text(next_title)}</span>
            </ButtonLink>
        </nav>
    }
}

fn wide_screen() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w >= 896.0)
}
