//! An open plan: its reactive state and autosave.
//!
//! Edits update the in-memory plan at once; saving is coalesced off the typing path (at most
//! [`SAVE_DELAY_MS`] after the last edit, and no later than [`MAX_WAIT_MS`] after the first
//! unsaved one) and flushed when the page is hidden or left. A failed save keeps the plan in
//! memory and says so; the next edit or "Try again" retries.
//!
//! A keystroke ([`Session::edit_typing`]) changes the plan without waking its readers: the field
//! typed in shows the change itself, and everything else that reads the plan (step status,
//! progress, the menu, other rows) catches up once typing pauses ([`TYPING_PAUSE_MS`]). Waking
//! every reader on every keystroke made a keystroke's cost grow with the plan.

use crate::clock::now_ms;
use crate::perf::measured;
use crate::persistence::{self, Mode};
use ioa_core::library::{self, PlanSummary};
use ioa_core::migrate::plan_from_json;
use ioa_core::plan::Plan;
use ioa_core::storage::{self, SaveError, SaveOutcome};
use leptos::prelude::*;
use std::time::Duration;

pub const SAVE_DELAY_MS: u64 = 400;
pub const MAX_WAIT_MS: u64 = 2_000;
/// The longest a due save waits for the browser to be idle.
pub const IDLE_DEADLINE_MS: u32 = 1_000;
/// How long typing must pause before the rest of the page shows what was typed.
pub const TYPING_PAUSE_MS: u64 = 250;

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is stored (at this time).
    Saved { at: u64 },
    /// Changes wait for the next save.
    Pending,
    /// Storage refused the save; the plan is only in this tab.
    Failed(SaveError),
    /// Another tab saved a newer version; this tab does not overwrite it without asking.
    Conflict,
}

/// Handles for one open plan. `Copy`; provided through context to the plan's pages.
#[derive(Clone, Copy)]
pub struct Session {
    pub plan: RwSignal<Plan>,
    pub status: RwSignal<SaveStatus>,
    /// The library list, kept in step with what is saved.
    library: RwSignal<Vec<PlanSummary>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Set while the plan holds typed changes its readers have not been told about.
    catch_up_timer: StoredValue<Option<TimeoutHandle>>,
    first_unsaved_at: StoredValue<Option<u64>>,
    app: Option<crate::state::AppState>,
}

impl Session {
    pub fn new(plan: Plan, library: RwSignal<Vec<PlanSummary>>) -> Session {
        Session {
            library,
            status: RwSignal::new(SaveStatus::Saved { at: plan.updated_at }),
            plan: RwSignal::new(plan),
            timer: StoredValue::new(None),
            catch_up_timer: StoredValue::new(None),
            first_unsaved_at: StoredValue::new(None),
            app: use_context::<crate::state::AppState>(),
        }
    }

    /// Changes the plan, tells every reader, and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut Plan, u64)) {
        let now = now_ms();
        self.cancel_catch_up();
        self.plan.update(|plan| change(plan, now));
        self.after_edit(now);
    }

    /// A keystroke's change: the plan changes at once (a save or a reload one second later has
    /// it), but only the caller's own signals show it now; every other reader of the plan is
    /// told when typing pauses, or at once by [`Session::catch_up`].
    pub fn edit_typing(&self, change: impl FnOnce(&mut Plan, u64)) {
        let now = now_ms();
        self.plan.update_untracked(|plan| change(plan, now));
        if let Some(handle) = self.catch_up_timer.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.catch_up(), Duration::from_millis(TYPING_PAUSE_MS)).ok();
        self.catch_up_timer.set_value(handle);
        self.after_edit(now);
    }

    /// Tells the plan's readers about typed changes they have not seen (a handler that reads a
    /// memo over the plan calls this first).
    pub fn catch_up(&self) {
        if self.cancel_catch_up() {
            // `try_`: the plan's page may be gone by the time typing paused.
            let _ = self.plan.try_update(|_| ());
        }
    }

    /// Drops a pending catch-up; true if there was one.
    fn cancel_catch_up(&self) -> bool {
        match self.catch_up_timer.try_get_value().flatten() {
            Some(handle) => {
                handle.clear();
                let _ = self.catch_up_timer.try_set_value(None);
                true
            }
            None => false,
        }
    }

    fn after_edit(&self, now: u64) {
        if let Some(app) = self.app {
            crate::transfer::ask_to_keep_storage(app);
        }
        let status = self.status.get_untracked();
        if status != SaveStatus::Conflict {
            // Set only when it changes: a set wakes the save indicator even with the same value.
            if !matches!(status, SaveStatus::Failed(_) | SaveStatus::Pending) {
                self.status.set(SaveStatus::Pending);
            }
            self.schedule(now);
        }
    }

    fn schedule(&self, now: u64) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let first = self.first_unsaved_at.get_value().unwrap_or(now);
        self.first_unsaved_at.set_value(Some(first));
        let wait = SAVE_DELAY_MS.min((first + MAX_WAIT_MS).saturating_sub(now));
        let this = *self;
        // Then wait for an idle moment: the save (serialise, write, read back, snapshots) takes
        // 15-25 ms on a big plan and must not land between a key and its frame.
        let handle = set_timeout_with_handle(
            move || crate::idle::when_idle(IDLE_DEADLINE_MS, move || this.flush()),
            Duration::from_millis(wait),
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// True while there are edits not yet in storage.
    pub fn has_unsaved(&self) -> bool {
        !matches!(self.status.try_get_untracked(), Some(SaveStatus::Saved { .. }) | None)
    }

    /// Saves now if anything is unsaved (and no conflict waits for the user).
    pub fn flush(&self) {
        if let Some(handle) = self.timer.try_get_value().flatten() {
            handle.clear();
        }
        let _ = self.timer.try_set_value(None);
        match self.status.try_get_untracked() {
            Some(SaveStatus::Pending | SaveStatus::Failed(_)) => {}
            _ => return,
        }
        let result = measured("ioa-save", || {
            self.plan.try_update_untracked(|plan| persistence::with_store(|kv| storage::save_plan(kv, plan)))
        });
        let Some(result) = result else { return };
        self.after_save(result);
    }

    fn after_save(&self, result: Result<SaveOutcome, SaveError>) {
        match result {
            Ok(outcome) => {
                // Saves run from timers and listeners, which have no context: use the handle.
                if let Some(app) = self.app {
                    crate::state::note_snapshots_dropped(app, outcome.snapshots_dropped);
                }
                self.first_unsaved_at.set_value(None);
                self.status.set(SaveStatus::Saved { at: now_ms() });
                let summary = self.plan.with_untracked(|p| PlanSummary::from(p));
                self.library.update(|plans| library::upsert(plans, summary));
            }
            Err(SaveError::Conflict { .. }) => self.status.set(SaveStatus::Conflict),
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Another tab stored a new version of this plan. Take it if this tab has nothing unsaved;
    /// otherwise ask the user.
    pub fn external_change(&self, raw: Option<String>) {
        let Some(Ok(theirs)) = raw.map(|r| plan_from_json(&r)) else { return };
        if theirs.revision == self.plan.with_untracked(|p| p.revision) {
            return; // our own save, echoed
        }
        if self.has_unsaved() {
            self.status.set(SaveStatus::Conflict);
        } else {
            self.cancel_catch_up();
            self.plan.set(theirs);
        }
    }

    /// Conflict: keep this tab's version over the other tab's.
    pub fn keep_mine(&self) {
        let result =
            self.plan.try_update_untracked(|plan| persistence::with_store(|kv| storage::force_save_plan(kv, plan)));
        if let Some(result) = result {
            self.after_save(result);
        }
    }

    /// Conflict: drop this tab's edits and show the stored version.
    pub fn load_stored(&self) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        if let Ok(Some(Ok(plan))) = persistence::with_store(|kv| storage::load_plan(kv, &id)) {
            self.adopt(plan);
        }
    }

    /// Conflict: store this tab's version as a new plan, then show the stored original.
    /// Returns the copy's id.
    pub fn save_mine_as_copy(&self, title: String) -> Result<String, SaveError> {
        let mut copy = self.plan.with_untracked(|p| p.duplicate(crate::clock::new_plan_id(), title, now_ms()));
        persistence::with_store(|kv| storage::force_save_plan(kv, &mut copy))?;
        self.library.update(|plans| library::upsert(plans, (&copy).into()));
        self.load_stored();
        Ok(copy.id)
    }

    /// Shows `plan` as stored now (after a restore, or the stored version chosen over this
    /// tab's edits), with nothing pending.
    pub fn adopt(&self, plan: Plan) {
        self.cancel_catch_up();
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.first_unsaved_at.set_value(None);
        let summary = PlanSummary::from(&plan);
        self.plan.set(plan);
        self.status.set(SaveStatus::Saved { at: now_ms() });
        self.library.update(|plans| library::upsert(plans, summary));
    }

    pub fn memory_only(&self) -> bool {
        persistence::mode() == Mode::MemoryOnly
    }
}

/// A memo of one value inside the plan. On every plan change it compares in place and clones
/// only when this value changed, so a big plan costs a lookup per field per keystroke, not a copy.
pub fn plan_value<T>(session: Session, read: impl Fn(&Plan) -> Option<&T> + Send + Sync + 'static) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new_owning(move |previous: Option<Option<T>>| {
        session.plan.with(|plan| {
            let current = read(plan);
            match previous {
                Some(previous) if previous.as_ref() == current => (previous, false),
                _ => (current.cloned(), true),
            }
        })
    })
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
