//! What the library does to stored plans outside an open plan: rename, duplicate, delete and its
//! undo, discard a plan moved aside, and put the open plan back to an earlier version. The views
//! call these and show the outcome; the storage calls, the library list and the announcements
//! are kept here, beside `transfer.rs` (files) and `session.rs` (the open plan). Errors are
//! locale keys.

use crate::clock::{format_timestamp, new_plan_id, now_ms};
use crate::i18n::{tr, trf};
use crate::persistence;
use crate::plan_files;
use crate::session::Session;
use crate::state::AppState;
use ioa_core::library::{self, PlanSummary};
use ioa_core::storage::{self, DeletedPlan, SaveError};
use leptos::prelude::*;

/// Changes a stored plan's title, organisation and case number, and its card in the library.
pub async fn rename(
    app: AppState,
    id: String,
    title: String,
    organisation: String,
    case_number: String,
) -> Result<(), &'static str> {
    let renamed = plan_files::rename::rename(id, title, organisation, case_number, now_ms()).await;
    let updated = renamed.unwrap_or(Err("library.error.rename_failed"))?;
    app.library.update(|plans| library::upsert(plans, updated));
    Ok(())
}

/// Stores a copy of the plan `id` under a new id, titled with the copy prefix, and says so.
pub async fn duplicate(app: AppState, id: String) -> Result<(), &'static str> {
    let lang = app.lang.get_untracked();
    let prefix = tr(lang, "library.copy_prefix").to_string();
    let copy = plan_files::duplicate::duplicate(id, prefix, new_plan_id(), now_ms()).await.ok().flatten();
    let copy = copy.ok_or("library.error.duplicate_failed")?;
    app.announcement.set(trf(lang, "library.duplicated", &[("title", &copy.title)]));
    app.library.update(|plans| library::upsert(plans, copy));
    Ok(())
}

/// Deletes a plan and says so; what comes back can put it back (see [`undo_delete`]).
pub fn delete(app: AppState, summary: &PlanSummary) -> Result<Option<DeletedPlan>, &'static str> {
    let removed = persistence::with_store(|kv| storage::delete_plan(kv, &summary.id))
        .map_err(|_| "library.error.delete_failed")?;
    app.library.update(|plans| plans.retain(|p| p.id != summary.id));
    let lang = app.lang.get_untracked();
    app.announcement.set(trf(lang, "library.deleted", &[("title", &summary.title)]));
    Ok(removed)
}

/// Puts a plan just deleted back, and says so.
pub fn undo_delete(app: AppState, summary: PlanSummary, plan: &DeletedPlan) -> Result<(), &'static str> {
    let restored = persistence::with_store(|kv| storage::undo_delete(kv, &summary.id, plan))
        .map_err(|_| "library.error.undo_failed")?;
    let title = summary.title.clone();
    app.library.update(|plans| library::upsert(plans, restored.unwrap_or(summary)));
    let lang = app.lang.get_untracked();
    app.announcement.set(trf(lang, "library.restored", &[("title", &title)]));
    Ok(())
}

/// Forgets a stored plan that could not be read (kept aside under `key`).
pub fn discard_quarantined(key: &str) -> Result<(), &'static str> {
    persistence::with_store(|kv| storage::discard_quarantined(kv, key)).map_err(|_| "recovery.error.discard")
}

/// Puts the open plan back to the snapshot at `key` (taken at `taken_at`), and says so with
/// `done_key`. The plan as it was is kept as a snapshot first: its key comes back, for "Undo".
pub fn restore_version(
    app: AppState,
    session: Session,
    key: &str,
    taken_at: u64,
    done_key: &'static str,
) -> Result<String, &'static str> {
    // Pending edits are saved first, so the snapshot taken before the restore holds them;
    // if they cannot be saved (full storage, another tab), nothing is restored.
    session.flush();
    if session.has_unsaved() {
        return Err("versions.error.unsaved");
    }
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    match persistence::with_store(|kv| storage::restore_snapshot(kv, &plan_id, key, now_ms())) {
        Ok((plan, undo_key, outcome)) => {
            crate::state::note_snapshots_dropped(app, outcome.snapshots_dropped);
            session.adopt(plan);
            let lang = app.lang.get_untracked();
            app.announcement.set(trf(lang, done_key, &[("time", &format_timestamp(taken_at, lang))]));
            Ok(undo_key)
        }
        Err(SaveError::QuotaExceeded) => Err("versions.error.quota"),
        Err(_) => Err("versions.error.failed"),
    }
}
