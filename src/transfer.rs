//! Plans out to files and back: export (one plan or all), import with its outcomes, and the
//! browser's promise to keep storage. The file format and every check live in
//! `ioa_core::plan_file`; the storage rules in `ioa_core::storage`.

use crate::clock::{file_stamp, new_plan_id, now_ms};
use crate::file_io;
use crate::i18n::tr;
use crate::persistence;
use crate::plan_files;
use crate::state::{AppState, KeepStorage};
use ioa_core::catalog::Catalog;
use ioa_core::library::{self, PlanSummary};
use ioa_core::plan::Plan;
use ioa_core::plan_file::{self, ExportError, FileError};
use ioa_core::storage::{self, SaveError};
use ioa_core::Lang;
use leptos::prelude::*;

/// Changes since the last export after which the plan quietly suggests a new one.
pub const EXPORT_REMINDER_AFTER: u64 = 25;

fn meta(lang: Lang) -> (String, u64, Lang) {
    (crate::app_version().to_string(), now_ms(), lang)
}

/// Why an export offered no file.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportFailure {
    /// The file did not read back as the same plan (or was too big); nothing was offered.
    File(ExportError),
    /// The browser would not start the download.
    Download,
    /// A plan could not be read from storage (for "export all").
    Unreadable,
    /// The file writer, or the content the file is checked against, could not be fetched.
    NotLoaded,
}

impl ExportFailure {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportFailure::File(e) => crate::i18n::trf_owned(lang, e.message_key(), &e.args()),
            ExportFailure::Download => tr(lang, "export.error.download").to_string(),
            ExportFailure::Unreadable => tr(lang, "export.error.unreadable").to_string(),
            ExportFailure::NotLoaded => tr(lang, "export.error.not_loaded").to_string(),
        }
    }
}

/// The content the file reader checks plans against, fetched if need be (the reader's own code
/// comes with the call into `plan_files`).
async fn files_ready(app: AppState) -> Result<Catalog, ExportFailure> {
    crate::bundles::content_ready(app).await.map_err(|_| ExportFailure::NotLoaded)
}

/// Exports one plan as it is now (the caller passes what is on screen) and records it.
pub async fn export_plan(app: AppState, plan: Plan) -> Result<(), ExportFailure> {
    let cat = files_ready(app).await?;
    let (version, at, lang) = meta(app.lang.get_untracked());
    let text = plan_files::export_plan::export_plan(cat, plan.clone(), version, at, lang)
        .await
        .map_err(|_| ExportFailure::NotLoaded)?
        .map_err(ExportFailure::File)?;
    let name = plan_file::file_name(tr(lang, "export.file_prefix"), &plan.title, &file_stamp());
    file_io::download(&name, &text, file_io::JSON_MIME).map_err(|_| ExportFailure::Download)?;
    record(app, &[(plan.id.clone(), plan.revision)], at);
    Ok(())
}

/// Exports a stored plan (from the library, where no plan is open); returns its title.
pub async fn export_stored(app: AppState, id: String) -> Result<String, ExportFailure> {
    let mut found = plan_files::load_plans::load_plans(vec![id]).await.map_err(|_| ExportFailure::NotLoaded)?;
    let Some(Some(Ok(plan))) = found.pop() else { return Err(ExportFailure::Unreadable) };
    let title = plan.title.clone();
    export_plan(app, plan).await.map(|()| title)
}

/// Exports every readable plan into one file (for moving to a new computer).
pub async fn export_all(app: AppState) -> Result<usize, ExportFailure> {
    let cat = files_ready(app).await?;
    let ids: Vec<String> = app.library.with_untracked(|plans| plans.iter().map(|p| p.id.clone()).collect());
    let found = plan_files::load_plans::load_plans(ids).await.map_err(|_| ExportFailure::NotLoaded)?;
    let plans: Vec<Plan> = found
        .into_iter()
        .map(|plan| match plan {
            Some(Ok(plan)) => Ok(plan),
            _ => Err(ExportFailure::Unreadable),
        })
        .collect::<Result<_, _>>()?;
    let (version, at, lang) = meta(app.lang.get_untracked());
    let exported: Vec<(String, u64)> = plans.iter().map(|p| (p.id.clone(), p.revision)).collect();
    let count = plans.len();
    let text = plan_files::export_all::export_all(cat, plans, version, at, lang)
        .await
        .map_err(|_| ExportFailure::NotLoaded)?
        .map_err(ExportFailure::File)?;
    let name = plan_file::file_name(tr(lang, "export.all_file_prefix"), "", &file_stamp());
    file_io::download(&name, &text, file_io::JSON_MIME).map_err(|_| ExportFailure::Download)?;
    record(app, &exported, at);
    Ok(count)
}

fn record(app: AppState, exported: &[(String, u64)], at: u64) {
    // A record that cannot be written costs only the "last exported" line.
    let _ = persistence::with_store(|kv| storage::record_export(kv, exported, at));
    app.exports.set(persistence::with_store(storage::export_records));
}

/// A plan in a file whose id is already in this browser: the user decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub file_name: String,
    pub incoming: Plan,
    pub existing: Plan,
}

/// What happened to one file.
#[derive(Clone, Debug, PartialEq)]
pub enum FileOutcome {
    /// These plans are now in the library.
    Imported { file_name: String, titles: Vec<String> },
    /// Refused; nothing was stored.
    Refused { file_name: String, error: FileError },
    /// Read, but storage could not take it; nothing was stored.
    NotStored { file_name: String, error: SaveError },
    /// The file reader could not be fetched; nothing was read.
    NotLoaded { file_name: String },
}

/// Reads one file's bytes and stores its plans that are new here. Plans whose id exists come
/// back as conflicts for the user to decide on; nothing of them is stored yet.
pub async fn import_bytes(app: AppState, file_name: &str, bytes: Vec<u8>) -> (FileOutcome, Vec<Conflict>) {
    let read = match files_ready(app).await {
        Ok(cat) => plan_files::read::read(cat, bytes).await,
        Err(_) => return (FileOutcome::NotLoaded { file_name: file_name.to_string() }, vec![]),
    };
    let file = match read {
        Ok(Ok(file)) => file,
        Ok(Err(error)) => return (FileOutcome::Refused { file_name: file_name.to_string(), error }, vec![]),
        Err(_) => return (FileOutcome::NotLoaded { file_name: file_name.to_string() }, vec![]),
    };
    let mut fresh = Vec::new();
    let mut conflicts = Vec::new();
    let ids = file.plans.iter().map(|p| p.id.clone()).collect();
    let Ok(here) = plan_files::load_plans::load_plans(ids).await else {
        return (FileOutcome::NotLoaded { file_name: file_name.to_string() }, vec![]);
    };
    for (incoming, existing) in file.plans.into_iter().zip(here) {
        match existing {
            Some(Ok(existing)) => conflicts.push(Conflict { file_name: file_name.to_string(), incoming, existing }),
            // An unreadable plan under that id stays where it is; the import becomes a copy.
            Some(Err(_)) => fresh.push(as_copy(incoming, app.lang.get_untracked())),
            None => fresh.push(incoming),
        }
    }
    let Ok(stored) = plan_files::import_new::import_new(fresh).await else {
        return (FileOutcome::NotLoaded { file_name: file_name.to_string() }, vec![]);
    };
    match stored {
        Ok((added, outcome)) => {
            crate::state::note_snapshots_dropped(app, outcome.snapshots_dropped);
            let titles = added.iter().map(|s| s.title.clone()).collect();
            add_to_library(app, added);
            (FileOutcome::Imported { file_name: file_name.to_string(), titles }, conflicts)
        }
        Err(error) => (FileOutcome::NotStored { file_name: file_name.to_string(), error }, vec![]),
    }
}

fn as_copy(mut plan: Plan, lang: Lang) -> Plan {
    plan.id = new_plan_id();
    plan.title = library::copy_title_suffix(&plan.title, tr(lang, "import_result.copy_suffix"));
    plan
}

/// The part that stores plans could not be fetched: nothing was stored.
fn not_loaded(_: crate::split::SplitLoaderError) -> SaveError {
    SaveError::Unavailable
}

/// Conflict: keep both; the import becomes a new plan marked as an imported copy.
pub async fn keep_both(app: AppState, conflict: Conflict) -> Result<PlanSummary, SaveError> {
    let copy = vec![as_copy(conflict.incoming, app.lang.get_untracked())];
    let (added, outcome) = plan_files::import_new::import_new(copy).await.map_err(not_loaded)??;
    crate::state::note_snapshots_dropped(app, outcome.snapshots_dropped);
    let summary = added[0].clone();
    add_to_library(app, added);
    Ok(summary)
}

/// Conflict: the file's plan replaces the one here, which is kept as a snapshot first.
pub async fn replace(app: AppState, conflict: Conflict) -> Result<PlanSummary, SaveError> {
    let (summary, outcome) = plan_files::replace::replace(conflict.incoming, now_ms()).await.map_err(not_loaded)??;
    crate::state::note_snapshots_dropped(app, outcome.snapshots_dropped);
    add_to_library(app, vec![summary.clone()]);
    Ok(summary)
}

fn add_to_library(app: AppState, added: Vec<PlanSummary>) {
    app.library.update(|plans| {
        for summary in added {
            library::upsert(plans, summary);
        }
    });
}

/// After the first real edit, asks the browser once per page to keep storage, and shows the answer.
pub fn ask_to_keep_storage(app: AppState) {
    if app.persist_asked.get_value() || app.keep_storage.get_untracked() == KeepStorage::Kept {
        return;
    }
    app.persist_asked.set_value(true);
    leptos::task::spawn_local(async move {
        let answer = persistence::ask_to_persist().await;
        app.keep_storage.set(KeepStorage::from_answer(answer));
    });
}

/// Reads, without asking, whether the browser keeps storage (at start-up).
pub fn check_keep_storage(app: AppState) {
    leptos::task::spawn_local(async move {
        let answer = persistence::is_persisted().await;
        app.keep_storage.set(KeepStorage::from_answer(answer));
    });
}
