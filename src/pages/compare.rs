//! The learning network's view: plan files from several municipalities side by side, for a
//! facilitator preparing a meeting. Files are read with the same reader as the import, held in
//! memory only, and never written to storage: closing the page forgets them.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::document_body::{append, attr, built, element, item_body, scroll_region};
use crate::file_drop::{drop_handlers, read_into, Incoming};
use crate::file_io;
use crate::i18n::{tr, trf, trf_owned, trn, txt};
use crate::state::use_app;
use crate::title::title_from;
use ioa_core::documents::comparison::{self, Row};
use ioa_core::plan::Plan;
use ioa_core::plan_file::{self, FileError};
use ioa_core::Lang;
use leptos::prelude::*;

/// A file the user opened here, read or refused.
#[derive(Clone, Debug, PartialEq)]
struct OpenFile {
    name: String,
    read: Result<Vec<Plan>, Refusal>,
}

#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    File(FileError),
    Unreadable,
}

impl Refusal {
    fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::File(e) => trf_owned(lang, e.message_key(), &e.args()),
            Refusal::Unreadable => tr(lang, "compare.unreadable").to_string(),
        }
    }
}

fn open(cat: &ioa_core::catalog::Catalog, item: Incoming) -> OpenFile {
    match item {
        Incoming::Bytes { name, bytes } => {
            let read = plan_file::read_file(cat, &bytes).map(|file| file.plans).map_err(Refusal::File);
            OpenFile { name, read }
        }
        Incoming::Refused { name, error } => OpenFile { name, read: Err(Refusal::File(error)) },
        Incoming::Unreadable { name } => OpenFile { name, read: Err(Refusal::Unreadable) },
    }
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    title_from("compare.title");
    let files: RwSignal<Vec<OpenFile>> = RwSignal::new(Vec::new());
    let incoming: RwSignal<Vec<Incoming>> = RwSignal::new(Vec::new());
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let items = incoming.get();
        if items.is_empty() {
            return;
        }
        incoming.set(Vec::new());
        files.update(|f| f.extend(items.into_iter().map(|item| open(&cat.get_untracked(), item))));
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    });
    let (on_dragover, on_dragleave, on_drop) = drop_handlers(incoming, dragging);
    let choose = move |_| {
        if let Some(input) = input.get_untracked() {
            input.click();
        }
    };
    let on_change = move |_| read_into(file_io::files(input.get_untracked().and_then(|i| i.files())), incoming);
    // Every plan of every file that was read, with the file it came from, in the order opened.
    let plans = Memo::new(move |_| {
        files.with(|f| {
            f.iter()
                .filter_map(|file| file.read.as_ref().ok().map(|plans| (file.name.clone(), plans.clone())))
                .flat_map(|(name, plans)| plans.into_iter().map(move |p| (name.clone(), p)))
                .collect::<Vec<(String, Plan)>>()
        })
    });
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <h1 class="ds-heading" data-size="xl" tabindex="-1">{txt("compare.title")}</h1>
        <p class="ds-paragraph compare__intro">{txt("compare.intro")}</p>
        <section class="ds-card compare__files no-print" aria-labelledby="compare-files-heading"
            on:dragover=on_dragover on:dragleave=on_dragleave on:drop=on_drop>
            <h2 id="compare-files-heading" class="ds-heading" data-size="sm">{txt("compare.files")}</h2>
            <div class="drop-zone" class:drop-zone--active=move || dragging.get()>
                <input type="file" id="compare-file" accept=".json,application/json" multiple hidden node_ref=input on:change=on_change/>
                <button type="button" class="ds-button" data-variant="primary" on:click=choose>{txt("compare.choose")}</button>
                <p class="ds-paragraph" data-size="sm">{txt("compare.drop_hint")}</p>
            </div>
            <div role="status" class="import-report">
                <ul class="ds-list">
                    {move || {
                        let lang = app.lang.get();
                        files.get().into_iter().enumerate().map(|(index, file)| {
                            let (ok, text) = match &file.read {
                                Ok(plans) => (true, trn(lang, "compare.file_ok", plans.len(), &[("file", &file.name)])),
                                Err(refusal) => (false, trf(lang, "compare.file_error", &[("file", &file.name), ("reason", &refusal.message(lang))])),
                            };
                            let close = trf(lang, "compare.remove", &[("title", &file.name)]);
                            view! {
                                <li class=if ok { "import-report__ok" } else { "import-report__error" }>
                                    <span class="visually-hidden">{tr(lang, if ok { "compare.label_ok" } else { "compare.label_error" })}" "</span>
                                    {text}" "
                                    <button type="button" class="ds-button" data-variant="tertiary" data-size="sm"
                                        on:click=move |_| files.update(|f| { if index < f.len() { f.remove(index); } })>{close}</button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </div>
            <Show when=move || !files.with(Vec::is_empty)>
                <div class="button-row">
                    <button type="button" class="ds-button" data-variant="secondary" on:click=print>{txt("compare.print")}</button>
                    <button type="button" class="ds-button" data-variant="tertiary" on:click=move |_| files.set(Vec::new())>{txt("compare.clear")}</button>
                </div>
            </Show>
        </section>
        <Show when=move || !plans.with(Vec::is_empty)
            fallback=|| view! { <p class="ds-paragraph compare__empty">{txt("compare.empty")}</p> }>
            <Overview plans/>
            <StepSideBySide plans/>
        </Show>
    }
}

#[component]
fn Overview(plans: Memo<Vec<(String, Plan)>>) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let rows = Memo::new(move |_| {
        let lang = app.lang.get();
        plans.with(|p| {
            comparison::overview(&cat.get(), &p.iter().map(|(_, plan)| plan).collect::<Vec<_>>(), &today_iso(), lang)
        })
    });
    view! {
        <section class="compare__section" aria-labelledby="compare-overview-heading">
            <h2 id="compare-overview-heading" class="ds-heading" data-size="md">{txt("compare.overview")}</h2>
            {move || comparison_table(plans.get(), rows.get(), app.lang.get(), "compare.table_label")}
        </section>
    }
}

/// One step of every plan side by side, chosen from the tools' and phases' steps.
#[component]
fn StepSideBySide(plans: Memo<Vec<(String, Plan)>>) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let content = crate::catalog::use_content();
    let app = use_app();
    // The select's value, `tool/step`; empty until a step is chosen.
    let chosen: RwSignal<String> = RwSignal::new(String::new());
    let step = move || {
        let key = chosen.get();
        let (tool_id, step_id) = key.split_once('/')?;
        let tool = content.tool(tool_id)?;
        Some((tool, tool.step(step_id)?))
    };
    let options = move || {
        let lang = app.lang.get();
        content
            .worksheets()
            .map(|tool| {
                view! {
                    <optgroup label=tool.title.get(lang)>
                        {tool.steps.iter().map(|step| {
                            let value = format!("{}/{}", tool.id, step.id);
                            view! { <option value=value>{step.title.get(lang)}</option> }
                        }).collect_view()}
                    </optgroup>
                }
            })
            .collect_view()
    };
    view! {
        <section class="compare__section" aria-labelledby="compare-step-heading">
            <h2 id="compare-step-heading" class="ds-heading" data-size="md">{txt("compare.step_title")}</h2>
            <p class="ds-paragraph no-print">{txt("compare.step_intro")}</p>
            <div class="ds-field compare__step-select no-print">
                <label class="ds-label" for="compare-step">{txt("compare.step_select")}</label>
                <select id="compare-step" class="ds-input" prop:value=move || chosen.get()
                    on:change:target=move |ev| chosen.set(ev.target().value())>
                    <option value="">{txt("compare.step_none")}</option>
                    {options}
                </select>
            </div>
            {move || step().map(|(tool, step)| {
                let lang = app.lang.get();
                let rows = plans.with(|p| comparison::step(&cat.get(), tool, &step.id, &p.iter().map(|(_, plan)| plan).collect::<Vec<_>>(), lang));
                view! {
                    <h3 class="ds-heading compare__step-heading" data-size="sm">{format!("{}: {}", tool.title.get(lang), step.title.get(lang))}</h3>
                    {comparison_table(plans.get(), rows, lang, "compare.step_title")}
                }
            })}
        </section>
    }
}

/// A table with a column per plan (headed by its title and file) and a row per thing compared.
fn comparison_table(plans: Vec<(String, Plan)>, rows: Vec<Row>, lang: Lang, label_key: &'static str) -> impl IntoView {
    let missing = tr(lang, "document.missing");
    built("compare__table-wrap", move |el| {
        let region = scroll_region("table-scroll compare__scroll", tr(lang, label_key));
        let table = element("table", "ds-table compare__table", None);
        attr(&table, "data-border", "true");
        let head = element("tr", "", None);
        let what = element("th", "", Some(tr(lang, "compare.what")));
        attr(&what, "scope", "col");
        append(&head, &what);
        for (i, (file, plan)) in plans.iter().enumerate() {
            let th = element("th", "", None);
            attr(&th, "scope", "col");
            append(
                &th,
                &element(
                    "span",
                    "compare__plan-number",
                    Some(&trf(lang, "compare.plan_column", &[("n", &(i + 1).to_string())])),
                ),
            );
            append(&th, &element("span", "compare__plan-title", Some(&plan.title)));
            append(&th, &element("span", "compare__plan-file", Some(file)));
            append(&head, &th);
        }
        let thead = element("thead", "", None);
        append(&thead, &head);
        append(&table, &thead);
        let tbody = element("tbody", "", None);
        for row in &rows {
            let tr_el = element("tr", "", None);
            let th = element("th", "", Some(&row.label));
            attr(&th, "scope", "row");
            append(&tr_el, &th);
            for cell in &row.cells {
                let td = element("td", "", None);
                item_body(&td, cell, missing);
                append(&tr_el, &td);
            }
            append(&tbody, &tr_el);
        }
        append(&table, &tbody);
        append(&region, &table);
        append(el, &region);
    })
}
