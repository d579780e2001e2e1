//! Import plan files (file button or drag and drop) and export all plans, with what happened
//! to each file. Plans whose id is already here wait for the user in the conflict dialog.

use super::conflict_dialog::ConflictDialog;
use crate::components::keep_storage_note::KeepStorageNote;
use crate::file_drop::{read_into, Incoming};
use crate::file_io;
use crate::i18n::{tr, trf, trf_owned, trn, txt};
use crate::state::use_app;
use crate::transfer::{self, Conflict, FileOutcome};
use leptos::prelude::*;

/// How a line of the import report ended: done, refused, or waiting for the user's choice.
#[derive(Clone, Copy, Debug, PartialEq)]
enum LineState {
    Done,
    Failed,
    /// Plans from this file wait in the conflict dialog; the line gives way to what the user
    /// chose once none is left.
    Waiting,
}

impl LineState {
    fn label_key(self) -> &'static str {
        match self {
            LineState::Done => "import.label_ok",
            LineState::Failed => "import.label_error",
            LineState::Waiting => "import.label_waiting",
        }
    }
    fn class(self) -> &'static str {
        match self {
            LineState::Done => "import-report__ok",
            LineState::Failed => "import-report__error",
            LineState::Waiting => "import-report__waiting",
        }
    }
}

/// One line of the import report, already in words.
#[derive(Clone, Debug, PartialEq)]
struct ReportLine {
    state: LineState,
    text: String,
    /// The file a waiting line is about.
    file: Option<String>,
}

impl ReportLine {
    fn new(ok: bool, text: String) -> Self {
        ReportLine { state: if ok { LineState::Done } else { LineState::Failed }, text, file: None }
    }
}

fn outcome_line(outcome: &FileOutcome, lang: ioa_core::Lang) -> Option<ReportLine> {
    let line = match outcome {
        FileOutcome::Imported { titles, .. } if titles.is_empty() => return None,
        FileOutcome::Imported { file_name, titles } => ReportLine::new(
            true,
            trf(lang, "import_result.done", &[("file", file_name), ("titles", &titles.join(", "))]),
        ),
        FileOutcome::Refused { file_name, error } => {
            ReportLine::new(false, format!("{file_name}: {}", trf_owned(lang, error.message_key(), &error.args())))
        }
        FileOutcome::NotStored { file_name, error } => {
            let key = match error {
                ioa_core::storage::SaveError::QuotaExceeded => "import_result.quota",
                _ => "import_result.not_stored",
            };
            ReportLine::new(false, trf(lang, key, &[("file", file_name)]))
        }
        FileOutcome::NotLoaded { file_name } => {
            ReportLine::new(false, trf(lang, "import.error.not_loaded", &[("file", file_name)]))
        }
    };
    Some(line)
}

#[component]
pub fn ImportPanel(
    /// Files to import, from this panel, a drop anywhere on the library, or the recovery view.
    incoming: RwSignal<Vec<Incoming>>,
    dragging: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let report: RwSignal<Vec<ReportLine>> = RwSignal::new(Vec::new());
    let conflicts: RwSignal<Vec<Conflict>> = RwSignal::new(Vec::new());
    let export_message: RwSignal<Option<ReportLine>> = RwSignal::new(None);
    let input = NodeRef::<leptos::html::Input>::new();

    let take = move |item: Incoming| async move {
        let lang = app.lang.get_untracked();
        match item {
            Incoming::Bytes { name, bytes } => {
                let (outcome, waiting) = transfer::import_bytes(app, &name, bytes).await;
                report.update(|r| r.extend(outcome_line(&outcome, lang)));
                if !waiting.is_empty() {
                    report.update(|r| {
                        r.push(ReportLine {
                            state: LineState::Waiting,
                            text: trf(lang, "import_result.waiting", &[("file", &name)]),
                            file: Some(name.clone()),
                        })
                    });
                    conflicts.update(|c| c.extend(waiting));
                }
            }
            Incoming::Refused { name, error } => {
                // A file's error texts travel with the content (core's PART_TEXTS), which every
                // other file here waits for anyway; a file refused by its size alone waits too.
                let _ = crate::bundles::content_ready(app).await;
                report.update(|r| r.extend(outcome_line(&FileOutcome::Refused { file_name: name, error }, lang)))
            }
            Incoming::Unreadable { name } => {
                report.update(|r| {
                    r.push(ReportLine::new(false, trf(lang, "import.error.unreadable_file", &[("file", &name)])))
                });
            }
        }
    };

    Effect::new(move |_| {
        let items = incoming.get();
        if items.is_empty() {
            return;
        }
        incoming.set(Vec::new());
        report.set(Vec::new());
        export_message.set(None);
        // One after another, so the report keeps the files' order.
        leptos::task::spawn_local(async move {
            for item in items {
                take(item).await;
            }
        });
        if let Some(input) = input.get_untracked() {
            input.set_value(""); // choosing the same file again is a new import
        }
    });

    let choose = move |_| {
        if let Some(input) = input.get_untracked() {
            input.click();
        }
    };
    let on_change = move |_| read_into(file_io::files(input.get_untracked().and_then(|i| i.files())), incoming);

    let export_all = move |_| {
        report.set(Vec::new());
        leptos::task::spawn_local(async move {
            let lang = app.lang.get_untracked();
            let line = match transfer::export_all(app).await {
                Ok(count) => ReportLine::new(true, trn(lang, "export_result.all_done", count, &[])),
                Err(failure) => ReportLine::new(false, failure.message(lang)),
            };
            export_message.set(Some(line));
        });
    };

    view! {
        <section class="ds-card transfer" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading" class="ds-heading" data-size="sm">{txt("import.title")}</h2>
            <p class="ds-paragraph" data-size="sm">{txt("import.intro")}</p>
            <div class="drop-zone" class:drop-zone--active=move || dragging.get()>
                <input
                    type="file"
                    id="import-file"
                    accept=".json,application/json"
                    multiple
                    hidden
                    node_ref=input
                    on:change=on_change
                />
                <button type="button" class="ds-button" data-variant="secondary" on:click=choose>
                    {txt("import.choose")}
                </button>
                <p class="ds-paragraph" data-size="sm">{txt("import.drop_hint")}</p>
            </div>
            <div role="status" class="import-report">
                <ul class="ds-list">
                    {move || report.get().into_iter().map(|line| view! {
                        <li class=line.state.class()>
                            <span class="visually-hidden">{move || tr(app.lang.get(), line.state.label_key())}</span>
                            {line.text}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <Show when=move || !app.library.with(Vec::is_empty)>
                <button type="button" class="ds-button" data-variant="tertiary" on:click=export_all>
                    {txt("export.all")}
                </button>
            </Show>
            <p role="status" class="ds-paragraph" data-size="sm">{move || export_message.get().map(|l| l.text)}</p>
            <KeepStorageNote/>
        </section>
        <ConflictDialog conflicts report_done=Callback::new(move |(file, text): (String, String)| {
            // What was chosen goes where the file's waiting line is; that line stays (below it)
            // only while more plans from the file wait.
            let still_waiting = conflicts.with_untracked(|c| c.iter().any(|x| x.file_name == file));
            report.update(|r| {
                let done = ReportLine::new(true, text);
                match r.iter().position(|l| l.state == LineState::Waiting && l.file.as_deref() == Some(file.as_str())) {
                    Some(i) if still_waiting => r.insert(i, done),
                    Some(i) => r[i] = done,
                    None => r.push(done),
                }
            })
        })/>
    }
}
