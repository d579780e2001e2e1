//! The document a tool ends in, rendered from the answers in the plan's language. Printable;
//! every value is shown as text, and what is missing is named.

use crate::title::set_title;
use crate::clock::today_iso;
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::i18n::{tr, trf, txt};
use crate::pages::not_found::NotFoundPage;
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::content::{content, Tool};
use ioa_core::decision::outcome;
use ioa_core::legal::{amount_text, checked_on};
use ioa_core::decision_text::decision_text;
use ioa_core::document::{build, format_date, Item};
use ioa_core::route::Route;
use ioa_core::text::{blocks, Block};
use ioa_core::Lang;
use leptos::prelude::*;

#[component]
pub fn DocumentPage(tool: String) -> impl IntoView {
    match content().tool(&tool) {
        Some(tool) => view! { <DocumentView tool/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

/// Plain text with paragraphs kept (answers are typed text, never markup).
fn paragraphs(text: &str) -> impl IntoView {
    blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(p) => view! { <p class="ds-paragraph">{p.to_string()}</p> }.into_any(),
            Block::Bullets(items) => view! {
                <ul class="ds-list">{items.into_iter().map(|i| view! { <li>{i.to_string()}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}

#[component]
fn DocumentView(tool: &'static Tool) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    let lang = Memo::new(move |_| session.plan.with(|p| p.language));
    let doc = Memo::new(move |_| session.plan.with(|p| build(content(), tool, p, p.language)));
    Effect::new(move |_| set_title(&doc.with(|d| d.title.clone()), app.lang.get()));
    let crumbs = vec![Crumb {
        label: Signal::derive(move || tool.title.get(app.lang.get()).to_string()),
        href: Route::Step { plan: plan_id.clone(), tool: tool.id.clone(), step: tool.steps[0].id.clone() }.href(),
    }];
    let print = move |_| {
        let _ = window().print();
    };
    let set_language = move |code: String| {
        if let Some(language) = Lang::from_code(&code) {
            session.edit(move |plan, now| {
                plan.language = language;
                plan.touch(now);
            });
        }
    };

    view! {
        <PlanHeader crumbs/>
        <div class="document-tools no-print">
            <div class="ds-field document-language">
                <label class="ds-label" for="doc-language">{txt("document.language")}</label>
                <select id="doc-language" class="ds-input" prop:value=move || lang.get().code()
                    on:change:target=move |ev| set_language(ev.target().value())>
                    {Lang::ALL.into_iter().map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="ds-button" data-variant="secondary" on:click=print>{txt("document.print")}</button>
        </div>
        <p class="ds-paragraph no-print" data-size="sm">{txt("document.print_note")}</p>
        <article class="document" lang=move || lang.get().code()>
            <header class="document__header">
                <h1 class="ds-heading" data-size="xl" tabindex="-1">{move || doc.with(|d| d.title.clone())}</h1>
                <dl class="document__meta">
                    <div><dt>{move || tr(lang.get(), "document.plan")}</dt><dd>{move || session.plan.with(|p| p.title.clone())}</dd></div>
                    <Show when=move || session.plan.with(|p| !p.organisation.is_empty())>
                        <div><dt>{move || tr(lang.get(), "document.organisation")}</dt><dd>{move || session.plan.with(|p| p.organisation.clone())}</dd></div>
                    </Show>
                    <Show when=move || session.plan.with(|p| !p.case_number.is_empty())>
                        <div><dt>{move || tr(lang.get(), "document.case_number")}</dt><dd>{move || session.plan.with(|p| p.case_number.clone())}</dd></div>
                    </Show>
                    <div><dt>{move || tr(lang.get(), "document.date")}</dt><dd>{move || format_date(&today_iso(), lang.get())}</dd></div>
                </dl>
                <div class="document__intro">{move || paragraphs(&doc.with(|d| d.intro.clone()))}</div>
                <Show when=move || doc.with(|d| d.missing > 0)>
                    <p class="ds-paragraph document__missing-count no-print">
                        {move || trf(lang.get(), "document.missing_count", &[("count", &doc.with(|d| d.missing).to_string())])}
                    </p>
                </Show>
            </header>
            {move || {
                let lang = lang.get();
                doc.get()
                    .sections
                    .into_iter()
                    .map(|section| view! {
                        <section class="document__section">
                            <h2 class="ds-heading" data-size="md">{section.heading}</h2>
                            {section.items.into_iter().map(|item| render_item(item, lang)).collect_view()}
                        </section>
                    })
                    .collect_view()
            }}
            {(tool.id == "startup").then(|| view! { <RouteSection lang/> })}
            <footer class="document__footer">
                <p class="ds-paragraph" data-size="sm">
                    {move || { let lang = lang.get(); trf(lang, "document.facts_checked", &[("date", &format_date(&checked_on(&today_iso()), lang))]) }}
                </p>
            </footer>
        </article>
    }
}

fn render_item(item: Item, lang: Lang) -> AnyView {
    match item {
        Item::Text { label, text } => view! {
            <div class="document__item"><h3 class="ds-heading" data-size="xs">{label}</h3>{paragraphs(&text)}</div>
        }
        .into_any(),
        Item::List { label, items } => view! {
            <div class="document__item">
                <h3 class="ds-heading" data-size="xs">{label}</h3>
                <ul class="ds-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        Item::Table { label, headers, rows } => view! {
            <div class="document__item">
                <h3 class="ds-heading" data-size="xs">{label.clone()}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                    <table class="ds-table document__table" data-border="true">
                        <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        }
        .into_any(),
        Item::Missing { label } => view! {
            <div class="document__item document__item--missing">
                <h3 class="ds-heading" data-size="xs">{label}</h3>
                <p class="ds-paragraph missing">{tr(lang, "document.missing")}</p>
            </div>
        }
        .into_any(),
    }
}

/// The decision helper's result in the start-up memo.
#[component]
fn RouteSection(lang: Memo<Lang>) -> impl IntoView {
    let session = use_session();
    let text = decision_text();
    let today = today_iso();
    let result = Memo::new({
        let today = today.clone();
        move |_| session.plan.with(|p| (outcome(p, &today), p.decision.chosen_route.clone(), p.decision.chosen_reason.clone()))
    });
    view! {
        <section class="document__section">
            <h2 class="ds-heading" data-size="md">{move || tr(lang.get(), "document.route.heading")}</h2>
            {move || {
                let lang = lang.get();
                let (out, chosen, reason) = result.get();
                let (rec, note) = (&out.recommendation, &out.first_view);
                let title = |id: &str| text.route_title(id, lang).to_string();
                let regime = text.regime_text(&out.assessment, out.effective.value, &today, lang);
                let notes = text.regime_notes(&out.assessment, lang);
                let figures = out.assessment.bounds().into_iter().filter_map(|s| {
                    let f = s.figure()?;
                    let name = ioa_core::thresholds::figures().series(&f.id)?.name.get(lang);
                    Some(format!("{name}: {} ({}: {})", amount_text(s, lang), f.source().label.get(lang), f.source().url))
                }).collect::<Vec<_>>();
                view! {
                    <div class="document__item">
                        <h3 class="ds-heading" data-size="xs">{tr(lang, "document.route.recommended")}</h3>
                        <p class="ds-paragraph">{text.headline(out.headline).map(|h| h.title.get(lang).to_string())}</p>
                        <ul class="ds-list">
                            {rec.reasons.iter().chain(note.iter()).map(|r| view! {
                                <li>{text.reason_text(r.id, lang).to_string()}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                    <div class="document__item">
                        <h3 class="ds-heading" data-size="xs">{tr(lang, "document.route.regime")}</h3>
                        <p class="ds-paragraph">{regime}</p>
                        {notes.into_iter().map(|n| view! { <p class="ds-paragraph">{n.text}</p> }).collect_view()}
                        {(!figures.is_empty()).then(|| view! {
                            <p class="ds-paragraph"><strong>{tr(lang, "document.route.figures")}</strong></p>
                            <ul class="ds-list">{figures.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                        })}
                    </div>
                    <div class="document__item">
                        <h3 class="ds-heading" data-size="xs">{tr(lang, "document.route.chosen")}</h3>
                        {match chosen {
                            Some(c) => view! { <p class="ds-paragraph">{title(&c)}</p>{paragraphs(&reason)} }.into_any(),
                            None => view! { <p class="ds-paragraph missing">{tr(lang, "document.missing")}</p> }.into_any(),
                        }}
                    </div>
                }
            }}
        </section>
    }
}
