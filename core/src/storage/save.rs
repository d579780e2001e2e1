//! Saving a plan as its next revision: the conflict check against another tab, the write that
//! must read back as written, the index line, and the snapshot a save keeps now and then.
//!
//! Full storage costs snapshots before it fails a save; what gave way is returned so a larger
//! operation that fails later ([`super::replace_plan`], [`super::import_new`]) can put it back.

use super::index::update_index;
use super::layout::plan_key;
use super::revision::stored_head;
use super::{snapshots, utf16_len, KeyValue, SaveError, SaveOutcome};
use crate::library::{self, PlanSummary};
use crate::plan::Plan;

/// Saves a plan as the next revision. Refuses when storage holds a revision other than the one
/// this copy was loaded at (another tab saved in between). On success `plan.revision` is the new
/// revision; on failure the plan is unchanged and storage still holds the previous value.
pub fn save_plan(kv: &dyn KeyValue, plan: &mut Plan) -> Result<SaveOutcome, SaveError> {
    let previous = stored_head(kv, &plan.id)?;
    if let Some(Some(stored)) = previous {
        if stored != plan.revision {
            return Err(SaveError::Conflict { stored_revision: stored });
        }
    }
    save_over(kv, plan, previous, plan.revision + 1, &[]).map(|(outcome, _)| outcome)
}

/// Saves without the revision check: for a plan that is new to storage, or when the user chose to
/// keep this tab's version over another tab's.
pub fn force_save_plan(kv: &dyn KeyValue, plan: &mut Plan) -> Result<SaveOutcome, SaveError> {
    force_save_protecting(kv, plan, &[]).map(|(outcome, _)| outcome)
}

pub(super) fn force_save_protecting(
    kv: &dyn KeyValue,
    plan: &mut Plan,
    protect: &[&str],
) -> Result<(SaveOutcome, snapshots::Removed), SaveError> {
    let previous = stored_head(kv, &plan.id)?;
    let next = previous.flatten().unwrap_or(0).max(plan.revision) + 1;
    save_over(kv, plan, previous, next, protect)
}

/// Writes the plan, then keeps the version it replaced as a snapshot when one is due. The
/// snapshot comes second: a full storage may cost a snapshot, never the save. Only a save that
/// is due a snapshot reads the stored version in full (every ten minutes, not on every save).
fn save_over(
    kv: &dyn KeyValue,
    plan: &mut Plan,
    previous: Option<Option<u64>>,
    revision: u64,
    protect: &[&str],
) -> Result<(SaveOutcome, snapshots::Removed), SaveError> {
    let replaced = match previous {
        Some(Some(old_revision)) if snapshots::due(kv, &plan.id, plan.updated_at).unwrap_or(false) => {
            kv.get(&plan_key(&plan.id)).ok().flatten().map(|raw| (raw, old_revision))
        }
        _ => None,
    };
    let written = write_plan_as(kv, plan, revision, protect)?;
    if let Some((raw, old_revision)) = replaced {
        // A snapshot that does not fit is skipped: older ones are not sacrificed for it.
        let _ = snapshots::take_if_fits(kv, &plan.id, &raw, old_revision, snapshots::Reason::Save, plan.updated_at);
    }
    Ok(written)
}

/// Writes the plan as `revision`, letting snapshots (not in `protect`) give way when storage is
/// full. Returns what was removed, so a caller whose larger operation fails can put it back.
pub(super) fn write_plan_as(
    kv: &dyn KeyValue,
    plan: &mut Plan,
    revision: u64,
    protect: &[&str],
) -> Result<(SaveOutcome, snapshots::Removed), SaveError> {
    let previous = plan.revision;
    plan.revision = revision;
    let json = serde_json::to_string(&*plan).expect("a plan always serialises");
    let key = plan_key(&plan.id);
    let mut confirmed = false;
    let write = || {
        confirmed = kv.set_confirmed(&key, &json)?;
        Ok(())
    };
    let removed = match snapshots::make_room(kv, write, protect) {
        Ok(removed) => removed,
        Err(e) => {
            plan.revision = previous;
            return Err(e.into());
        }
    };
    if !confirmed {
        plan.revision = previous;
        removed.put_back(kv);
        return Err(SaveError::NotConfirmed);
    }
    let summary = PlanSummary { units: utf16_len(&json) as u64, ..PlanSummary::from(&*plan) };
    update_index(kv, |plans| library::upsert(plans, summary));
    Ok((SaveOutcome { snapshots_dropped: removed.count() }, removed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::plan_from_json;
    use crate::plan::Answer;
    use crate::storage::index::Index;
    use crate::storage::testing::*;
    use crate::storage::*;

    /// Counts the reads of one key that bring the whole value into wasm.
    struct CountingKv {
        inner: MemoryKv,
        watched: String,
        full_reads: std::cell::Cell<usize>,
    }

    impl KeyValue for CountingKv {
        fn get(&self, key: &str) -> Result<Option<String>, KvError> {
            if key == self.watched {
                self.full_reads.set(self.full_reads.get() + 1);
            }
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), KvError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, KvError> {
            self.inner.keys()
        }
        // As the browser's store does: cut and compare without bringing the value over.
        fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, KvError> {
            self.inner.get_head(key, chars)
        }
        fn set_confirmed(&self, key: &str, value: &str) -> Result<bool, KvError> {
            self.inner.set_confirmed(key, value)
        }
    }

    struct LyingKv(MemoryKv);
    impl KeyValue for LyingKv {
        fn get(&self, key: &str) -> Result<Option<String>, KvError> {
            self.0.get(key).map(|v| v.map(|s| s.replace("A", "?")))
        }
        fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
            self.0.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), KvError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, KvError> {
            self.0.keys()
        }
    }

    #[test]
    fn save_then_load_lists_the_plan_and_writes_layout_and_index() {
        let kv = MemoryKv::new();
        let mut p = plan("a", "Nattilsyn", 1);
        save_plan(&kv, &mut p).unwrap();
        assert_eq!(p.revision, 1);
        let report = loaded(&kv);
        assert_eq!(report.plans.len(), 1);
        assert_eq!(report.plans[0].title, "Nattilsyn");
        assert_eq!(kv.get(LAYOUT_KEY).unwrap().as_deref(), Some("1"));
        let index: Index = serde_json::from_str(&kv.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(index.plans, report.plans);
        let back = load_plan(&kv, "a").unwrap().unwrap().unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn a_save_reads_the_stored_plan_in_full_only_when_a_snapshot_is_due() {
        let kv = CountingKv { inner: MemoryKv::new(), watched: plan_key("a"), full_reads: Default::default() };
        let mut p = plan("a", "Nattilsyn", 1);
        p.set_answer("x/y/z", Answer::Text("lang tekst ".repeat(5_000)), 1);
        save_plan(&kv, &mut p).unwrap();
        save_plan(&kv, &mut p).unwrap(); // the first snapshot is due: the version replaced is read
        assert_eq!(kv.full_reads.get(), 1);
        assert_eq!(snapshots::list(&kv, "a").unwrap().len(), 1);
        for minute in 1..5 {
            p.set_answer("x/y/z", Answer::Text(format!("endret {minute}")), 1 + minute * 60_000);
            save_plan(&kv, &mut p).unwrap();
        }
        assert_eq!(kv.full_reads.get(), 1, "saves within ten minutes read only the revision");
        assert_eq!(p.revision, 6);
        assert_eq!(stored_revision(&kv, "a").unwrap(), Some(6));
        // Another tab's save is still noticed from the first bytes.
        let mut theirs = load_plan(&kv.inner, "a").unwrap().unwrap().unwrap();
        save_plan(&kv.inner, &mut theirs).unwrap();
        assert_eq!(save_plan(&kv, &mut p), Err(SaveError::Conflict { stored_revision: 7 }));
        assert_eq!(kv.full_reads.get(), 1);
    }

    #[test]
    fn a_second_tab_cannot_overwrite_a_newer_revision() {
        let kv = MemoryKv::new();
        let mut tab_a = plan("a", "A", 1);
        save_plan(&kv, &mut tab_a).unwrap();
        let mut tab_b = load_plan(&kv, "a").unwrap().unwrap().unwrap();
        tab_b.set_answer("x/y/z", Answer::Text("B".into()), 2);
        save_plan(&kv, &mut tab_b).unwrap();
        tab_a.set_answer("x/y/z", Answer::Text("A".into()), 3);
        assert_eq!(save_plan(&kv, &mut tab_a), Err(SaveError::Conflict { stored_revision: 2 }));
        assert_eq!(tab_a.revision, 1, "refused save leaves the revision");
        let stored = load_plan(&kv, "a").unwrap().unwrap().unwrap();
        assert_eq!(stored.answer("x/y/z"), Some(&Answer::Text("B".into())));
        // Keeping this tab's version is an explicit choice.
        force_save_plan(&kv, &mut tab_a).unwrap();
        assert_eq!(tab_a.revision, 3);
    }

    #[test]
    fn full_storage_refuses_the_save_and_keeps_the_old_value() {
        let kv = MemoryKv::with_capacity(2_000);
        let mut p = plan("a", "A", 1);
        save_plan(&kv, &mut p).unwrap();
        let before = kv.get(&plan_key("a")).unwrap();
        p.set_answer("x/y/z", Answer::Text("x".repeat(5_000)), 2);
        assert_eq!(save_plan(&kv, &mut p), Err(SaveError::QuotaExceeded));
        assert_eq!(p.revision, 1);
        assert_eq!(kv.get(&plan_key("a")).unwrap(), before);
        assert_eq!(p.answer("x/y/z").map(|a| a.is_empty()), Some(false), "the typed text is kept in memory");
    }

    #[test]
    fn a_write_that_does_not_read_back_is_not_confirmed() {
        let kv = LyingKv(MemoryKv::new());
        let mut p = plan("a", "A", 1);
        assert_eq!(save_plan(&kv, &mut p), Err(SaveError::NotConfirmed));
        assert_eq!(p.revision, 0);
    }

    #[test]
    fn a_save_keeps_the_version_it_overwrites_at_most_every_ten_minutes() {
        let kv = MemoryKv::new();
        let mut p = plan("a", "A", 1);
        save_plan(&kv, &mut p).unwrap();
        assert!(snapshots::list(&kv, "a").unwrap().is_empty(), "a new plan has nothing to keep");
        for (i, at) in [2 * MIN, 3 * MIN, 4 * MIN, 13 * MIN, 14 * MIN].into_iter().enumerate() {
            p.set_answer("x/y/z", Answer::Text(format!("v{i}")), at);
            save_plan(&kv, &mut p).unwrap();
        }
        let revisions: Vec<u64> = snapshots::list(&kv, "a").unwrap().iter().map(|s| s.revision).collect();
        assert_eq!(revisions, [4, 1], "the first save after a quiet spell keeps what it overwrites");
        let kept = snapshots::read(&kv, &snapshots::list(&kv, "a").unwrap()[1].key).unwrap().unwrap();
        assert_eq!(plan_from_json(&kept).unwrap().revision, 1);
    }

    #[test]
    fn full_storage_costs_snapshots_never_a_plan() {
        let kv = MemoryKv::with_capacity(8_000);
        let mut other = plan("b", "B", 1);
        save_plan(&kv, &mut other).unwrap();
        let mut p = plan("a", "A", 1);
        for i in 0..4u64 {
            p.set_answer("x/y/z", Answer::Text(format!("{i}").repeat(1_000)), (i + 1) * 20 * MIN);
            save_plan(&kv, &mut p).unwrap();
        }
        assert_eq!(snapshots::list(&kv, "a").unwrap().len(), 3);
        p.set_answer("x/y/z", Answer::Text("9".repeat(4_000)), 200 * MIN);
        let outcome = save_plan(&kv, &mut p).unwrap();
        assert!(outcome.snapshots_dropped > 0, "{outcome:?}");
        assert_eq!(loaded(&kv).plans.len(), 2, "both plans are still there");
        assert_eq!(load_plan(&kv, "a").unwrap().unwrap().unwrap(), p);
    }
}
