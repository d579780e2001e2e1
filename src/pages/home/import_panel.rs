//! Import plan files (file button or drag and drop) and export all plans, with what happened
//! to each file. Plans whose id is already here wait for the user in the conflict dialog.

use super::conflict_dialog::ConflictDialog;
use crate::file_io;
use crate::i18n::{tr, trf, trf_owned, txt};
use crate::state::use_app;
use crate::components::keep_storage_note::KeepStorageNote;
use crate::transfer::{self, Conflict, FileOutcome};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One line of the import report, already in words.
#[derive(Clone, Debug, PartialEq)]
struct ReportLine {
    ok: bool,
    text: String,
}

fn outcome_line(outcome: &FileOutcome, lang: ioa_core::Lang) -> Option<ReportLine> {
    let line = match outcome {
        FileOutcome::Imported { titles, .. } if titles.is_empty() => return None,
        FileOutcome::Imported { file_name, titles } => ReportLine {
            ok: true,
            text: trf(lang, "import.done", &[("file", file_name), ("titles", &titles.join(", "))]),
        },
        FileOutcome::Refused { file_name, error } => ReportLine {
            ok: false,
            text: format!("{file_name}: {}", trf_owned(lang, error.message_key(), &error.args())),
        },
        FileOutcome::NotStored { file_name, error } => {
            let key = match error {
                ioa_core::storage::SaveError::QuotaExceeded => "import.error.quota",
                _ => "import.error.not_stored",
            };
            ReportLine { ok: false, text: trf(lang, key, &[("file", file_name)]) }
        }
    };
    Some(line)
}

/// A file handed to the import, read or refused by size before reading.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    Bytes { name: String, bytes: Vec<u8> },
    /// Refused before reading (too big, or empty).
    Refused(FileOutcome),
    Unreadable { name: String },
}

/// Reads files one after another (so the report keeps their order); a file over the limit is
/// not read at all.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<Incoming> {
    let mut read = Vec::new();
    for file in files {
        let name = file.name();
        if let Err(refused) = transfer::check_size(&name, file.size()) {
            read.push(Incoming::Refused(refused));
            continue;
        }
        read.push(match file_io::read_bytes(&file).await {
            Ok(bytes) => Incoming::Bytes { name, bytes },
            Err(_) => Incoming::Unreadable { name },
        });
    }
    read
}

/// Reads dropped or chosen files and hands them to the import.
pub fn read_into(files: Vec<web_sys::File>, incoming: RwSignal<Vec<Incoming>>) {
    leptos::task::spawn_local(async move {
        let read = read_files(files).await;
        incoming.set(read);
    });
}

/// True when a drag carries files (not text dragged into a form field).
fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| d.types().includes(&wasm_bindgen::JsValue::from_str("Files"), 0))
}

/// Drag-and-drop handlers for the area that accepts plan files: dragover, dragleave, drop.
/// Only file drags are taken; the drop stops here, so an inner and an outer area never both
/// read the same files.
pub fn drop_handlers(
    incoming: RwSignal<Vec<Incoming>>,
    dragging: RwSignal<bool>,
) -> (impl Fn(web_sys::DragEvent) + Copy, impl Fn(web_sys::DragEvent) + Copy, impl Fn(web_sys::DragEvent) + Copy) {
    let on_dragover = move |ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    };
    let on_dragleave = move |ev: web_sys::DragEvent| {
        // Leaving for a child element is not leaving the area.
        let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let area = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !matches!((&area, &inside), (Some(a), Some(i)) if a.contains(Some(i))) {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        read_into(file_io::files(ev.data_transfer().and_then(|d| d.files())), incoming);
    };
    (on_dragover, on_dragleave, on_drop)
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

    let take = move |item: Incoming| {
        let lang = app.lang.get_untracked();
        match item {
            Incoming::Bytes { name, bytes } => {
                let (outcome, waiting) = transfer::import_bytes(app, &name, &bytes);
                report.update(|r| r.extend(outcome_line(&outcome, lang)));
                if !waiting.is_empty() {
                    report.update(|r| r.push(ReportLine { ok: true, text: trf(lang, "import.waiting", &[("file", &name)]) }));
                    conflicts.update(|c| c.extend(waiting));
                }
            }
            Incoming::Refused(refused) => report.update(|r| r.extend(outcome_line(&refused, lang))),
            Incoming::Unreadable { name } => {
                report.update(|r| r.push(ReportLine { ok: false, text: trf(lang, "import.error.unreadable_file", &[("file", &name)]) }));
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
        for item in items {
            take(item);
        }
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
        let lang = app.lang.get_untracked();
        report.set(Vec::new());
        let line = match transfer::export_all(app) {
            Ok(count) => ReportLine { ok: true, text: trf(lang, "export.all_done", &[("count", &count.to_string())]) },
            Err(failure) => ReportLine { ok: false, text: failure.message(lang) },
        };
        export_message.set(Some(line));
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
                        <li class=if line.ok { "import-report__ok" } else { "import-report__error" }>
                            <span class="visually-hidden">{move || tr(app.lang.get(), if line.ok { "import.label_ok" } else { "import.label_error" })}</span>
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
        <ConflictDialog conflicts report_done=Callback::new(move |text: String| report.update(|r| r.push(ReportLine { ok: true, text })))/>
    }
}
