//! The document a tool ends in, rendered from the answers in the interface language (or the
//! language the user chose for this document). Printable; every value is shown as text, and
//! what is missing is named. A part used on its own (the invitation) can be printed alone and
//! copied as plain text.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::document_body::{self, built, items, paragraphs, Level};
use crate::components::document_language::DocumentLanguage;
use crate::components::not_found::NotFoundPage;
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::i18n::{tr, trf, trn, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::content::Tool;
use ioa_core::documents::decision::route_section;
use ioa_core::documents::tool::{build, Section};
use ioa_core::format::format_date;
use ioa_core::legal::checked_on;
use ioa_core::route::Route;
use ioa_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Marks `<html>` and the part being printed while a single part is printed (see print.css).
const PRINT_PART: &str = "data-print-part";

#[component]
pub fn DocumentPage(tool: String) -> impl IntoView {
    let content = crate::catalog::use_content();
    match content.tool(&tool) {
        Some(tool) => view! { <DocumentView tool/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
fn DocumentView(tool: &'static Tool) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    // The language chosen for this document, if any; otherwise it follows the interface.
    let chosen = Memo::new(move |_| session.plan.with(|p| p.document_languages.get(&tool.id).copied()));
    // A language whose texts are still on their way shows the interface language meanwhile.
    let lang = Memo::new(move |_| chosen.get().map_or_else(|| app.lang.get(), |l| crate::bundles::usable(app, l)));
    let doc = Memo::new(move |_| session.plan.with(|p| build(&cat.get(), tool, p, lang.get())));
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
    let set_language = move |language: Option<Lang>| {
        session.edit(move |plan, now| plan.set_document_language(&tool.id, language, now));
    };

    view! {
        <PlanHeader crumbs/>
        <div class="document-tools no-print">
            <DocumentLanguage chosen on_choose=Callback::new(set_language)/>
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
                {move || {
                    let intro = doc.with(|d| d.intro.clone());
                    built("document__intro", move |el| paragraphs(el, &intro))
                }}
                <Show when=move || doc.with(|d| d.missing > 0)>
                    <p class="ds-paragraph document__missing-count no-print">
                        {move || trn(lang.get(), "document.missing_count", doc.with(|d| d.missing), &[])}
                    </p>
                </Show>
            </header>
            {move || {
                let lang = lang.get();
                doc.get()
                    .sections
                    .into_iter()
                    .map(|section| render_section(&cat.get(), section, lang))
                    .collect_view()
            }}
            {(tool.id == "startup").then_some(move || {
                 let lang = lang.get();
                session.plan.with(|p| render_section(&cat.get(), route_section(&cat.get(), p, &today_iso(), lang), lang))
            })}
            <footer class="document__footer">
                 <p class="ds-paragraph" data-size="sm">
                    {move || { let lang = lang.get(); trf(lang, "document.facts_checked", &[("date", &format_date(&checked_on(&cat.get(), &today_iso()), lang))]) }}
                </p>
            </footer>
        </article>
    }
}

fn render_section(cat: &ioa_core::catalog::Catalog, section: Section, lang: Lang) -> AnyView {
    let missing = tr(lang, "document.missing");
    if !section.standalone {
        return built("document__part", move |el| {
            document_body::append(el, &document_body::section(&section, missing, Level::H2))
        })
        .into_any();
    }
    let part = NodeRef::<leptos::html::Section>::new();
    let body = NodeRef::<leptos::html::Div>::new();
    let text = section.plain_text(cat, lang);
    let heading = section.heading.clone();
    body.on_load(move |div| {
        div.set_text_content(None); // a re-render may reuse the element
        items(&div, &section.items, missing, Level::H2);
    });
    view! {
        <section class="document__section document__section--standalone" node_ref=part>
            <h2 class="ds-heading" data-size="md">{heading}</h2>
            <PartActions part body text/>
            <div class="document__part-text" node_ref=body></div>
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
            let copied = crate::clipboard::write(&text).await;
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
