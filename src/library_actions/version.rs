//! Put the open plan back to an earlier version (the versions page's "Restore" and its "Undo").

use crate::clock::{format_timestamp, now_ms};
use crate::i18n::trf;
use crate::persistence;
use crate::session::Session;
use crate::state::AppState;
use ioa_core::storage::{self, SaveError};
use leptos::prelude::*;

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
