//! The document a tool ends in, rendered from the answers in the interface language (or the
//! language the user chose for this document). Printable; every value is shown as text, and
//! what is missing is named. A part used on its own (the invitation) can be printed alone and
//! copied as plain text.

use crate::title::set_title;
use crate::clock::today_iso;
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::i18n::{tr, trf, txt};
use crate::components::not_found::NotFoundPage;
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::content::{content, ColumnKind, Tool};
use ioa_core::decision::outcome;
use ioa_core::legal::{amount_text, checked_on};
use ioa_core::decision_text::decision_text;
use ioa_core::document::{build, format_date, keeps_whole, Item, Section};
use ioa_core::route::Route;
use ioa_core::text::{blocks, Block};
use ioa_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Marks `<html>` and the part being printed while a single part is printed (see print.css).
const PRINT_PART: &str = "data-print-part";

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
    // The language chosen for this document, if any; otherwise it follows the interface.
    let chosen = Memo::new(move |_| session.plan.with(|p| p.document_languages.get(&tool.id).copied()));
    // A language whose texts are still on their way shows the interface language meanwhile.
    let lang = Memo::new(move |_| chosen.get().map_or_else(|| app.lang.get(), |l| crate::bundles::usable(app, l)));
    let doc = Memo::new(move |_| session.plan.with(|p| build(content(), tool, p, lang.get())));
    Effect::new(move |_| set_title(&doc.with(|d| d.title.clone()), app.lang.get()));
    let crumbs = vec![Crumb {
        label: Signal::derive(move || tool.title.get(app.lang.get()).to_string()),
        href: Route::Step { plan: plan_id.clone(), tool: tool.id.clone(), step: tool.steps[0].id.clone() }.href(),
    }];
    let print = move |_| {
        end_part_print();
        let _ = window().print();
    };
    let after_print = window_event_listener_untyped("afterprint", move |_| end_part_print());
    on_cleanup(move || {
        after_print.remove();
        end_part_print();
    });
    let set_language = move |code: String| {
        let language = Lang::from_code(&code);
        session.edit(move |plan, now| plan.set_document_language(&tool.id, language, now));
    };
    let follow = move || trf(app.lang.get(), "document.language_follow", &[("language", app.lang.get().native_name())]);

    view! {
        <PlanHeader crumbs/>
        <div class="document-tools no-print">
            <div class="ds-field document-language">
                <label class="ds-label" for="doc-language">{txt("document.language")}</label>
                <select id="doc-language" class="ds-input" prop:value=move || chosen.get().map_or(FOLLOW, Lang::code)
                    on:change:target=move |ev| set_language(ev.target().value())>
                    <option value=FOLLOW>{follow}</option>
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
                    .map(|section| render_section(section, lang))
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

/// The value of the language select that makes the document follow the interface language.
const FOLLOW: &str = "follow";

fn render_section(section: Section, lang: Lang) -> AnyView {
    if !section.standalone {
        return view! {
            <section class="document__section">
                <h2 class="ds-heading" data-size="md">{section.heading}</h2>
                {section.items.into_iter().map(|item| render_item(item, lang)).collect_view()}
            </section>
        }
        .into_any();
    }
    let part = NodeRef::<leptos::html::Section>::new();
    let body = NodeRef::<leptos::html::Div>::new();
    let text = section.plain_text(lang);
    view! {
        <section class="document__section document__section--standalone" node_ref=part>
            <h2 class="ds-heading" data-size="md">{section.heading}</h2>
            <PartActions part body text/>
            <div class="document__part-text" node_ref=body>
                {section.items.into_iter().map(|item| render_item(item, lang)).collect_view()}
            </div>
        </section>
    }
    .into_any()
}

/// Print only this part, or copy it as plain text. Buttons and messages are in the interface
/// language (like the rest of the page around the document).
#[component]
fn PartActions(part: NodeRef<leptos::html::Section>, body: NodeRef<leptos::html::Div>, text: String) -> impl IntoView {
    let app = use_app();
    let status: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let print = move |_| {
        let (Some(section), Some(root)) = (part.get_untracked(), document().document_element()) else { return };
        end_part_print();
        let _ = root.set_attribute(PRINT_PART, "");
        let _ = section.set_attribute(PRINT_PART, "");
        // The marks are removed on `afterprint` (the print dialog may not block, e.g. on phones).
        let _ = window().print();
    };
    let copy = move |_| {
        let text = text.clone();
        status.set(None);
        leptos::task::spawn_local(async move {
            let copied = match write_clipboard(&text) {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            };
            if copied {
                status.set(Some("document.section.copied"));
            } else {
                // Refused or not available (e.g. not a secure context): select it for Ctrl+C.
                if let (Some(body), Ok(Some(selection))) = (body.get_untracked(), window().get_selection()) {
                    let _ = selection.select_all_children(&body);
                }
                status.set(Some("document.section.copy_failed"));
            }
        });
    };
    view! {
        <div class="document__part-actions no-print">
            <p class="ds-paragraph" data-size="sm">{txt("document.section.note")}</p>
            <div class="button-row">
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=print>{txt("document.section.print")}</button>
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=copy>{txt("document.section.copy")}</button>
            </div>
            <p class="ds-paragraph document__part-status" data-size="sm" role="status">
                {move || status.get().map(|key| tr(app.lang.get(), key))}
            </p>
        </div>
    }
}

/// Starts `navigator.clipboard.writeText(text)`; `None` when the browser has no clipboard API
/// here or refuses at once.
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Ends printing a single part: the whole document prints again.
fn end_part_print() {
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute(PRINT_PART);
    }
    if let Ok(marked) = document().query_selector_all(&format!(".document [{PRINT_PART}]")) {
        for i in 0..marked.length() {
            if let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.remove_attribute(PRINT_PART);
            }
        }
    }
}

/// The class a column's header and cells get: short values (dates, amounts, short choices) keep
/// a column just as wide as they need and stay on one line; long text takes the largest share
/// of the rest; other text wraps between words.
fn column_class(kind: ColumnKind, whole: bool, header: bool) -> &'static str {
    match (whole, header) {
        (true, true) => "fit",
        (true, false) => "nowrap",
        (false, true) if kind == ColumnKind::LongText => "grow",
        (false, _) => "",
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
        Item::Table { label, headers, kinds, rows } => {
            let whole: Vec<bool> = kinds
                .iter()
                .enumerate()
                .map(|(i, k)| keeps_whole(*k, rows.iter().map(|r| r.get(i).map_or("", String::as_str))))
                .collect();
            view! {
                <div class="document__item">
                    <h3 class="ds-heading" data-size="xs">{label.clone()}</h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                        <table class="ds-table document__table stacked-table" data-border="true">
                            <thead><tr>
                                {headers.iter().zip(kinds.iter().zip(&whole)).map(|(h, (k, w))| view! { <th scope="col" class=column_class(*k, *w, true)>{h.clone()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let cells = r.into_iter().zip(headers.iter().zip(kinds.iter().zip(&whole))).map(|(c, (h, (k, w)))| view! {
                                        <td class=column_class(*k, *w, false) data-label=h.clone()>{c}</td>
                                    }).collect_view();
                                    view! { <tr>{cells}</tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            }
            .into_any()
        }
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
