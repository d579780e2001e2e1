//! The decision helper: questions with "don't know yet", a result that explains itself and
//! updates at once, the thresholds that apply, and the route the team actually chooses.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::amount_input::AmountInput;
use crate::components::choices::Choices;
use crate::components::legal_rule::LegalRule;
use crate::components::plan_header::PlanHeader;
use crate::components::rich_text::RichText;
use crate::components::shared_note::SharedNote;
use crate::components::source_link::SourceLink;
use crate::components::value_regime::{RegimeNoteView, StaleValueNote};
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::content::Question;
use ioa_core::decision::{
    effective, outcome, set_answer, set_value, shared_key, Outcome, Reason, Route as RouteChoice, CONTRACT_TYPE_KEY,
    VALUE_KEY,
};
use ioa_core::format::format_date;
use ioa_core::legal::{checked_on, fill};
use ioa_core::route::Route;
use ioa_core::Answer;
use leptos::prelude::*;

#[component]
pub fn DecisionPage() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let text = cat.get_untracked().decision();
    Effect::new(move |_| set_title(text.title.get(app.lang.get()), app.lang.get()));
    // One result for the summary at the top and the panel beside the questions.
    let session = use_session();
    let today = today_iso();
    let result = Memo::new(move |_| session.plan.with(|p| outcome(p, &today)));
    view! {
        <PlanHeader/>
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{content_text(&text.title)}</h1>
        <RichText text=Signal::derive(content_text(&text.intro)) class="lead"/>
        <ResultSummary result/>
        <div class="ds-alert disclaimer" data-color="info">
            <p class="ds-paragraph">{content_text(&text.disclaimer)}</p>
        </div>
        <details class="ds-details concepts">
            <summary>{txt("decision.concepts")}</summary>
            <div>
                {text.concepts.iter().map(|(id, t)| view! {
                    <h2 class="ds-heading" data-size="2xs">{move || tr(app.lang.get(), if id == "innovation-friendly" { "decision.concept.friendly" } else { "decision.concept.innovation" })}</h2>
                    <RichText text=Signal::derive(content_text(t))/>
                }).collect_view()}
            </div>
        </details>
        <div class="decision-layout">
            <form class="decision-questions" on:submit=|ev| ev.prevent_default() novalidate>
                {text.questions.iter().map(|q| view! { <QuestionField question=q/> }).collect_view()}
                <ValueField/>
            </form>
            <div class="decision-result-column">
                <ResultPanel result/>
                <ChosenRoute/>
            </div>
        </div>
    }
}

/// Near the top, so nobody scrolls past every question to find them: the result in one line
/// and the route the team has chosen, each with a way down to where it is explained or chosen.
/// The choice itself stays after the result: a team reads why before it chooses.
#[component]
fn ResultSummary(result: Memo<Outcome>) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let text = cat.get_untracked().decision();
    let headline = Memo::new(move |_| result.with(|o| o.headline));
    let chosen = Memo::new(move |_| {
        session.plan.with(|p| p.decision.chosen_route.clone().filter(|c| RouteChoice::from_id(c).is_some()))
    });
    view! {
        <div class="ds-card decision-summary" data-variant="tinted">
            <p class="ds-paragraph" aria-live="polite">
                <strong>{txt("decision.summary")}" "</strong>
                <span class="decision-summary__headline" data-headline=move || headline.get().id()>
                    {move || text.headline(headline.get()).map(|h| h.title.get(app.lang.get()).to_string())}
                </span>
                " "
                <a class="ds-link" href="#result-heading" on:click=jump("result-heading")>{txt("decision.summary_link")}</a>
            </p>
            <p class="ds-paragraph">
                <strong>{txt("decision.chosen.route")}": "</strong>
                <span class="decision-summary__chosen" data-route=move || chosen.get().unwrap_or_default()>
                    {move || {
                        let lang = app.lang.get();
                        chosen.get().map_or_else(|| tr(lang, "decision.chosen.none").to_string(), |c| cat.get().route_title(&c, lang).to_string())
                    }}
                </span>
                " "
                <a class="ds-link decision-summary__choose" href="#chosen-heading" on:click=jump("chosen-heading")>
                    {move || tr(app.lang.get(), if chosen.get().is_some() { "decision.summary_change" } else { "decision.summary_choose" })}
                </a>
            </p>
        </div>
    }
}

/// A link's click that scrolls to the heading `id` and focuses it, without changing the
/// fragment (the app routes on it).
fn jump(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) + Copy {
    move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(h) = document().get_element_by_id(id) {
            h.scroll_into_view();
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                let _ = h.focus();
            }
        }
    }
}

#[component]
fn QuestionField(question: &'static Question) -> impl IntoView {
    let session = use_session();
    let qid = question.id.as_str();
    let answer = Memo::new(move |_| session.plan.with(|p| effective(p).answers.get(qid).cloned()));
    let name = format!("q-{qid}");
    let why_id = format!("{name}-why");
    let why_ref = why_id.clone();
    let selected = Signal::derive(move || answer.with(|a| a.iter().cloned().collect::<Vec<_>>()));
    let on_change = Callback::new(move |(option, _): (&'static str, bool)| {
        session.edit(move |plan, now| set_answer(plan, qid, option, now))
    });
    let options = question.options.iter().map(|o| (o.id.as_str(), &o.label)).collect::<Vec<_>>();
    view! {
        <fieldset class="ds-fieldset decision-question" aria-describedby=why_ref>
            <legend class="ds-label">{content_text(&question.text)}</legend>
            <p class="ds-paragraph field-help" data-size="sm" id=why_id>{content_text(&question.why)}</p>
            {shared_key(qid).map(|key| view! { <SharedNote key=key.to_string()/> })}
            <Choices name options selected on_change/>
        </fieldset>
    }
}

#[component]
fn ValueField() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let session = use_session();
    let text = cat.get_untracked().decision();
    let eff = Memo::new(move |_| {
        session.plan.with(|p| {
            let e = effective(p);
            (e.value, e.contract_type)
        })
    });
    let on_value = Callback::new(move |v: Option<u64>| session.edit(move |plan, now| set_value(plan, v, now)));
    let on_type = Callback::new(move |(id, _): (&'static str, bool)| {
        session.edit(move |plan, now| plan.set_answer(CONTRACT_TYPE_KEY, Answer::Choice(id.to_string()), now))
    });
    let contract_type = Signal::derive(move || eff.with(|e| e.1.iter().cloned().collect::<Vec<_>>()));
    let types = text.value_question.contract_types.iter().map(|o| (o.id.as_str(), &o.label)).collect::<Vec<_>>();
    view! {
        <fieldset class="ds-fieldset decision-question" aria-describedby="q-value-why">
            <legend class="ds-label">{content_text(&text.value_question.text)}</legend>
            <p class="ds-paragraph field-help" data-size="sm" id="q-value-why">{content_text(&text.value_question.why)}</p>
            <SharedNote key=VALUE_KEY.to_string()/>
            <div class="ds-field">
                <label class="ds-label" for="q-value">{content_text(&text.value_question.amount_label)}</label>
                <AmountInput id="q-value".to_string() described_by="q-value-why".to_string() draft_key=VALUE_KEY.to_string()
                    value=Signal::derive(move || eff.with(|e| e.0)) on_change=on_value/>
            </div>
            <fieldset class="ds-fieldset">
                <legend class="ds-label" data-size="sm">{content_text(&text.value_question.contract_type_label)}</legend>
                <Choices name="q-contract".to_string() options=types selected=contract_type on_change=on_type/>
            </fieldset>
        </fieldset>
    }
}

#[component]
fn ResultPanel(result: Memo<Outcome>) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let text = cat.get_untracked().decision();
    let today = today_iso();
    let reason_view = move |r: &Reason, lang| {
        let eff = result.with_untracked(|o| o.effective.clone());
        let basis = r
            .basis
            .iter()
            .filter_map(|q| {
                let answer = eff.answers.get(*q).map(String::as_str).unwrap_or("unknown");
                let question = text.question(q)?;
                let option = text.option_label(q, answer).map(|o| o.get(lang).to_string()).unwrap_or_default();
                Some(format!("{} {}", question.text.get(lang), option))
            })
            .collect::<Vec<_>>();
        view! {
            <li>
                {cat.get().reason_text(r.id, lang).to_string()}
                <span class="reason-basis">{trf(lang, "decision.based_on", &[("answers", &basis.join("; "))])}</span>
            </li>
        }
    };
    let checked = checked_on(&cat.get(), &today);
    view! {
        <section class="ds-card decision-result" data-variant="tinted" aria-labelledby="result-heading" aria-live="polite">
            <h2 id="result-heading" class="ds-heading" data-size="md" tabindex="-1">{txt("decision.result")}</h2>
            <StaleValueNote/>
            {move || {
                let lang = app.lang.get();
                let Outcome { effective: eff, assessment, recommendation: rec, first_view: note, headline } = result.get();
                let route = text.headline(headline);
                let regime_text = cat.get().regime_text(&assessment, eff.value, &today, lang);
                let notes = cat.get().regime_notes(&assessment, lang);
                view! {
                    <p class="decision-result__route" data-route=rec.route.id() data-headline=headline.id() data-regime=rec.regime.id()>
                        <strong>{route.map(|r| r.title.get(lang).to_string())}</strong>
                    </p>
                    <RichText text=Signal::stored(route.map(|r| r.summary.get(lang)).unwrap_or(""))/>
                    <h3 class="ds-heading" data-size="xs">{tr(lang, "decision.why")}</h3>
                    <ul class="ds-list reasons">
                        {rec.reasons.iter().chain(note.iter()).map(|r| reason_view(r, lang)).collect_view()}
                    </ul>
                    {(!rec.procedures.is_empty()).then(|| view! {
                        <h3 class="ds-heading" data-size="xs">{tr(lang, "decision.procedures")}</h3>
                        <ul class="procedure-list">
                            {rec.fits().into_iter().filter_map(|(p, fit)| Some((text.procedure(p.id())?, fit))).map(|(p, fit)| view! {
                                <li class="procedure" data-procedure=p.id.clone() data-fit=fit>
                                    <h4 class="ds-heading" data-size="2xs">{p.title.get(lang).to_string()}</h4>
                                    <p class="ds-paragraph" data-size="sm">{p.fits.get(lang).to_string()}</p>
                                    <p class="ds-paragraph procedure__fit" data-size="sm">
                                        // Each text opens with the value it is about ("At this value …").
                                        {fill(&cat.get(), text.procedure_fits.get(fit).map_or("", |t| t.get(lang)), &today, lang)}
                                    </p>
                                    <p class="ds-paragraph" data-size="sm"><strong>{tr(lang, "decision.condition")}</strong>" "{p.condition.get(lang).to_string()}</p>
                                    <p class="ds-paragraph" data-size="sm"><SourceLink source=&p.source/></p>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    {(!rec.notes.is_empty()).then(|| view! {
                        <h3 class="ds-heading" data-size="xs">{tr(lang, "decision.notes")}</h3>
                        <ul class="ds-list">{rec.notes.iter().map(|r| reason_view(r, lang)).collect_view()}</ul>
                    })}
                    <h3 class="ds-heading" data-size="xs">{tr(lang, "decision.regulations")}</h3>
                    <p class="ds-paragraph regime-text" data-size="sm">{regime_text}</p>
                    {notes.into_iter().map(|n| view! { <RegimeNoteView note=n/> }).collect_view()}
                    <h3 class="ds-heading" data-size="xs">{tr(lang, "decision.rules")}</h3>
                    <div class="rule-list">
                        {rec.rules().into_iter().filter_map(|id| cat.get_untracked().rule(id)).map(|r| view! { <LegalRule rule=r heading_level=4/> }).collect_view()}
                    </div>
                }
            }}
            <p class="ds-paragraph facts-checked" data-size="sm">
                {move || { let lang = app.lang.get(); trf(lang, "facts.checked_on", &[("date", &format_date(&checked, lang))]) }}" "
                <a class="ds-link" href=Route::Facts.href()>{txt("footer.facts_link")}</a>
            </p>
        </section>
    }
}

#[component]
fn ChosenRoute() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let chosen = Memo::new(move |_| session.plan.with(|p| p.decision.chosen_route.clone().unwrap_or_default()));
    let reason = Memo::new(move |_| session.plan.with(|p| p.decision.chosen_reason.clone()));
    view! {
        <section class="ds-card chosen-route" aria-labelledby="chosen-heading">
            <h2 id="chosen-heading" class="ds-heading" data-size="sm" tabindex="-1">{txt("decision.chosen.title")}</h2>
            <p class="ds-paragraph field-help" data-size="sm">{txt("decision.chosen.help")}</p>
            // Radio buttons, not a select: the routes' names are long and differ only at the end,
            // and a select cuts them so two routes look the same.
            <fieldset class="ds-fieldset">
                <legend class="ds-label">{txt("decision.chosen.route")}</legend>
                <div class="choice-list">
                    {std::iter::once("").chain(RouteChoice::ALL.into_iter().map(|r| r.id())).map(|id| {
                        let input_id = if id.is_empty() { "chosen-route-none".to_string() } else { format!("chosen-route-{id}") };
                        let label = move || {
                            let lang = app.lang.get();
                            if id.is_empty() { tr(lang, "decision.chosen.none").to_string() } else { cat.get().route_title(id, lang).to_string() }
                        };
                        view! {
                            <div class="ds-field choice">
                                <input class="ds-input" type="radio" name="chosen-route" id=input_id.clone() value=id
                                    prop:checked=move || chosen.get() == id
                                    on:change=move |_| session.edit(move |plan, now| {
                                        plan.decision.chosen_route = RouteChoice::from_id(id).map(|r| r.id().to_string());
                                        plan.touch(now);
                                    })/>
                                <label class="ds-label" data-weight="regular" for=input_id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="ds-field">
                <label class="ds-label" for="chosen-reason">{txt("decision.chosen.reason")}</label>
                <textarea id="chosen-reason" class="ds-input" autocomplete="off" rows="4" prop:value=move || reason.get()
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        session.edit(move |plan, now| {
                            plan.decision.chosen_reason = v;
                            plan.touch(now);
                        });
                    }></textarea>
            </div>
        </section>
    }
}
