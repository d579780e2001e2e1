//! The whole plan as one document for the case file: shown as a page that prints (or saves as
//! PDF) cleanly, and offered as Markdown and as a Word file. All three come from the core's
//! `plan_document::build`; this page only renders and hands out files.

use crate::clock::{file_stamp, today_iso, utc_offset_minutes};
use crate::components::document_body::{append, attr, built, element, heading, paragraphs, section, Level};
use crate::components::document_language::DocumentLanguage;
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::i18n::{tr, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use crate::{clipboard, file_io, print_footer};
use ioa_core::documents::plan::{build, Made, PlanDocument};
use ioa_core::plan::WholeDocument;
use ioa_core::plan_file::file_name_as;
use ioa_core::route::Route;
use ioa_core::Lang;
use leptos::prelude::*;

#[component]
pub fn PlanDocumentPage() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    // Chosen here for this reading only; the plan is not changed by looking at its document.
    let chosen: RwSignal<Option<Lang>> = RwSignal::new(None);
    let lang = Memo::new(move |_| chosen.get().map_or_else(|| app.lang.get(), |l| crate::bundles::usable(app, l)));
    let doc = Memo::new(move |_| {
        session.plan.with(|p| {
            let made = Made {
                today: &today_iso(),
                app_version: crate::app_version(),
                utc_offset_minutes: utc_offset_minutes(p.updated_at),
            };
            build(&cat.get(), p, lang.get(), made)
        })
    });
    Effect::new(move |_| set_title(&doc.with(|d| format!("{} – {}", d.title, d.kind)), app.lang.get()));
    // The plan's title in the printed page's footer, beside the page number (see print.css).
    Effect::new(move |_| print_footer::set(&doc.with(|d| d.title.clone())));
    on_cleanup(print_footer::clear);
    let crumbs = vec![Crumb {
        label: Signal::derive(move || tr(app.lang.get(), "plan_document.crumb").to_string()),
        href: Route::PlanDocument { plan: plan_id }.href(),
    }];
    let status: RwSignal<Option<(&'static str, bool)>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let name = move |ext: &str| {
        let prefix = tr(lang.get_untracked(), "plan_document.file_prefix");
        doc.with_untracked(|d| file_name_as(prefix, &d.title, &file_stamp(), ext))
    };
    let markdown = move || doc.with_untracked(ioa_core::documents::markdown::render);
    let print = move |_| {
        let _ = window().print();
    };
    let download_md = move |_| {
        let ok = file_io::download(&name("md"), &markdown(), file_io::MARKDOWN_MIME).is_ok();
        status.set(Some(if ok { ("plan_document.md_done", false) } else { ("plan_document.download_failed", true) }));
    };
    let copy_md = move |_| {
        status.set(None);
        let text = markdown();
        leptos::task::spawn_local(async move {
            let copied = clipboard::write(&text).await;
            status.set(Some(if copied {
                ("plan_document.copied", false)
            } else {
                ("plan_document.copy_failed", true)
            }));
        });
    };
    let download_docx = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        status.set(Some(("plan_document.docx_busy", false)));
        let file = name("docx");
        let document: PlanDocument = doc.get_untracked();
        leptos::task::spawn_local(async move {
            let result = crate::word_file::word_file(&document).await;
            busy.set(false);
            status.set(Some(match result {
                Ok(bytes) if file_io::download_bytes(&file, &bytes, file_io::DOCX_MIME).is_ok() => {
                    ("plan_document.docx_done", false)
                }
                Ok(_) => ("plan_document.download_failed", true),
                Err(error) => {
                    leptos::logging::warn!("Word file: {error}");
                    ("plan_document.docx_failed", true)
                }
            }));
        });
    };

    view! {
        <PlanHeader crumbs/>
        <div class="document-tools no-print">
            <DocumentLanguage chosen on_choose=Callback::new(move |l| chosen.set(l))/>
            <div class="button-row">
                <button type="button" class="ds-button" data-variant="primary" on:click=print>{txt("document.print")}</button>
                <button type="button" class="ds-button" data-variant="secondary" on:click=download_docx aria-disabled=move || busy.get().to_string()>
                    {txt("plan_document.docx")}
                </button>
                <button type="button" class="ds-button" data-variant="secondary" on:click=download_md>{txt("plan_document.md")}</button>
                <button type="button" class="ds-button" data-variant="secondary" on:click=copy_md>{txt("plan_document.copy_md")}</button>
            </div>
        </div>
        <p class="ds-paragraph no-print" data-size="sm">{txt("plan_document.formats_note")}</p>
        <DocumentChoices/>
        <p class="ds-paragraph no-print plan-document__status" data-size="sm" role="status">
            {move || status.get().filter(|(_, error)| !error).map(|(key, _)| tr(app.lang.get(), key))}
        </p>
        <div class="no-print" role="alert">
            {move || status.get().filter(|(_, error)| *error).map(|(key, _)| view! {
                <p class="ds-validation-message" data-color="danger">{tr(app.lang.get(), key)}</p>
            })}
        </div>
        {move || doc.with(|d| view_document(d.clone(), false))}
    }
}

/// What the document leaves out: unanswered parts, and internal information about people (a
/// case file is open to public access). Kept in the plan, so the next reading is the same.
#[component]
fn DocumentChoices() -> impl IntoView {
    let session = use_session();
    let choice = Memo::new(move |_| session.plan.with(|p| p.whole_document));
    let set = move |change: fn(&mut WholeDocument, bool), on: bool| {
        let mut next = choice.get_untracked();
        change(&mut next, on);
        session.edit(move |plan, now| plan.set_whole_document(next, now));
    };
    view! {
        <fieldset class="ds-fieldset document-choices no-print">
            <legend class="ds-label">{txt("plan_document.choices.legend")}</legend>
            <div class="choice-list">
                <div class="ds-field choice">
                    <input class="ds-input" type="checkbox" id="leave-out-unanswered"
                        prop:checked=move || choice.get().leave_out_unanswered
                        on:change:target=move |ev| set(|c, on| c.leave_out_unanswered = on, ev.target().checked())/>
                    <label class="ds-label" data-weight="regular" for="leave-out-unanswered">{txt("plan_document.choices.unanswered")}</label>
                </div>
                <div class="ds-field choice">
                    <input class="ds-input" type="checkbox" id="leave-out-internal" aria-describedby="leave-out-internal-note"
                        prop:checked=move || choice.get().leave_out_internal
                        on:change:target=move |ev| set(|c, on| c.leave_out_internal = on, ev.target().checked())/>
                    <label class="ds-label" data-weight="regular" for="leave-out-internal">{txt("plan_document.choices.internal")}</label>
                </div>
            </div>
            <p class="ds-paragraph document-choices__note" data-size="sm" id="leave-out-internal-note">{txt("plan_document.choices.internal_note")}</p>
            <p class="ds-paragraph document-choices__note" data-size="sm">{txt("plan_document.choices.kept")}</p>
        </fieldset>
    }
}

/// The document itself, as printed. The chapters are built by the document renderer; the title
/// block is the page's heading, unless the document is `nested` in a page with its own (an
/// earlier version looked at).
pub(crate) fn view_document(doc: PlanDocument, nested: bool) -> impl IntoView {
    let PlanDocument { lang, title, kind, meta, chapters, footer, missing_text, .. } = doc;
    let title = if nested {
        view! { <p class="ds-heading plan-document__title" data-size="xl">{title}</p> }.into_any()
    } else {
        view! { <h1 class="ds-heading" data-size="xl" tabindex="-1">{title}</h1> }.into_any()
    };
    view! {
        <article class="document plan-document" lang=lang.code()>
            <header class="document__header">
                <p class="ds-paragraph plan-document__kind">{kind}</p>
                {title}
                <dl class="document__meta">
                    {meta.into_iter().map(|m| view! { <div><dt>{m.label}</dt><dd>{m.value}</dd></div> }).collect_view()}
                </dl>
            </header>
            {built("plan-document__chapters", move |el| {
                for chapter in &chapters {
                    let part = element("section", "plan-document__chapter", None);
                    attr(&part, "id", &format!("chapter-{}", chapter.id));
                    attr(&part, "aria-labelledby", &format!("chapter-{}-heading", chapter.id));
                    let h = heading("h2", "lg", &chapter.heading);
                    attr(&h, "id", &format!("chapter-{}-heading", chapter.id));
                    append(&part, &h);
                    let intro = element("div", "document__intro", None);
                    paragraphs(&intro, &chapter.intro);
                    append(&part, &intro);
                    for s in &chapter.sections {
                        append(&part, &section(s, &missing_text, Level::H3));
                    }
                    append(el, &part);
                }
            })}
            <footer class="document__footer">
                <p class="ds-paragraph" data-size="sm">{footer}</p>
            </footer>
        </article>
    }
}
