//! Writing over a stored plan with another version of it (an imported file, or an earlier
//! version from the history): the stored one is kept as a snapshot first, both or neither, so
//! the user can always go back.

use super::revision::stored;
use super::save::force_save_protecting;
use super::{snapshots, KeyValue, SaveError, SaveOutcome};
use crate::migrate::plan_from_json;
use crate::plan::Plan;

/// Puts an earlier version back: the plan as it is now is kept as a snapshot first (so the
/// restore can be undone), then the snapshot's plan is saved as the next revision. Returns the
/// restored plan, the key of the snapshot that undoes it, and what storage had to give up. On
/// failure storage is as it was.
pub fn restore_snapshot(
    kv: &dyn KeyValue,
    id: &str,
    snapshot_key: &str,
    now: u64,
) -> Result<(Plan, String, SaveOutcome), SaveError> {
    let raw = snapshots::read(kv, snapshot_key)?.ok_or_else(|| SaveError::Other("no such snapshot".into()))?;
    let mut plan = plan_from_json(&raw).map_err(|e| SaveError::Other(format!("{e:?}")))?;
    plan.id = id.to_string();
    plan.touch(now);
    let (undo, outcome) = save_after_snapshot(kv, &mut plan, snapshots::Reason::BeforeRestore, now, &[snapshot_key])?;
    Ok((plan, undo.unwrap_or_default(), outcome))
}

/// Saves `incoming` over the stored plan with the same id, after keeping the stored one as a
/// snapshot. Returns the saved plan, the snapshot's key and what storage had to give up. On
/// failure storage is as it was.
pub fn replace_plan(
    kv: &dyn KeyValue,
    mut incoming: Plan,
    now: u64,
) -> Result<(Plan, Option<String>, SaveOutcome), SaveError> {
    incoming.touch(now);
    let (kept, outcome) = save_after_snapshot(kv, &mut incoming, snapshots::Reason::BeforeReplace, now, &[])?;
    Ok((incoming, kept, outcome))
}

/// Keeps the stored version of `plan` as a snapshot, then saves `plan` over it; both or neither.
/// Snapshots in `protect` and the one just taken never give way for room.
fn save_after_snapshot(
    kv: &dyn KeyValue,
    plan: &mut Plan,
    reason: snapshots::Reason,
    now: u64,
    protect: &[&str],
) -> Result<(Option<String>, SaveOutcome), SaveError> {
    let (kept, mut removed) = match stored(kv, &plan.id)? {
        Some((raw, revision)) => {
            let (key, removed) = snapshots::take(kv, &plan.id, &raw, revision.unwrap_or(0), reason, now, protect)?;
            (Some(key), removed)
        }
        None => (None, snapshots::Removed::default()),
    };
    let mut protected = protect.to_vec();
    protected.extend(kept.as_deref());
    match force_save_protecting(kv, plan, &protected) {
        Ok((_, more)) => {
            removed.extend(more);
            Ok((kept, SaveOutcome { snapshots_dropped: removed.count() }))
        }
        Err(e) => {
            if let Some(key) = &kept {
                let _ = kv.remove(key);
            }
            removed.put_back(kv);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::plan_from_json;
    use crate::plan::Answer;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn a_restore_is_undone_by_the_snapshot_it_takes() {
        let kv = MemoryKv::new();
        let mut p = plan("a", "A", 1);
        p.set_answer("x/y/z", Answer::Text("first".into()), 1);
        save_plan(&kv, &mut p).unwrap();
        p.set_answer("x/y/z", Answer::Text("second".into()), 20 * MIN);
        save_plan(&kv, &mut p).unwrap();
        let first = snapshots::list(&kv, "a").unwrap()[0].key.clone();
        let (restored, undo, _) = restore_snapshot(&kv, "a", &first, 30 * MIN).unwrap();
        assert_eq!(restored.answer("x/y/z"), Some(&Answer::Text("first".into())));
        assert_eq!(restored.revision, 3, "a restore is a new revision, so other tabs see it");
        assert_eq!(load_plan(&kv, "a").unwrap().unwrap().unwrap(), restored);
        let (back, _, _) = restore_snapshot(&kv, "a", &undo, 31 * MIN).unwrap();
        assert_eq!(back.answer("x/y/z"), Some(&Answer::Text("second".into())));
        assert_eq!(back.revision, 4);
    }

    #[test]
    fn replacing_keeps_the_replaced_plan_as_a_snapshot() {
        let kv = MemoryKv::new();
        let mut mine = plan("a", "Mine", 1);
        save_plan(&kv, &mut mine).unwrap();
        let theirs = plan("a", "Theirs", 5);
        let (saved, kept, _) = replace_plan(&kv, theirs, 9).unwrap();
        assert_eq!(saved.title, "Theirs");
        assert_eq!(saved.revision, 2);
        let kept = snapshots::read(&kv, &kept.unwrap()).unwrap().unwrap();
        assert_eq!(plan_from_json(&kept).unwrap().title, "Mine");
        assert_eq!(loaded(&kv).plans.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Theirs"]);
    }

    #[test]
    fn a_replace_that_cannot_keep_the_old_plan_changes_nothing() {
        let mut mine = plan("a", "Mine", 1);
        mine.set_answer("x/y/z", Answer::Text("m".repeat(1_500)), 1);
        let kv = MemoryKv::with_capacity(3_400);
        save_plan(&kv, &mut mine).unwrap();
        let before = kv.get(&plan_key("a")).unwrap();
        assert_eq!(replace_plan(&kv, plan("a", "Theirs", 5), 9).map(|_| ()), Err(SaveError::QuotaExceeded));
        assert_eq!(kv.get(&plan_key("a")).unwrap(), before);
    }

    #[test]
    fn a_restore_keeps_its_source_and_undo_even_when_storage_is_full() {
        let (kv, _) = store_with_history(3_600);
        let oldest = snapshots::list(&kv, "a").unwrap().last().unwrap().key.clone();
        let (restored, undo, _) = restore_snapshot(&kv, "a", &oldest, 50 * MIN).unwrap();
        assert_eq!(restored.answer("x/y/z"), Some(&Answer::Text("0".repeat(400))));
        assert!(snapshots::read(&kv, &undo).unwrap().is_some(), "the undo snapshot exists");
        let (back, _, _) = restore_snapshot(&kv, "a", &undo, 51 * MIN).unwrap();
        assert_eq!(back.answer("x/y/z"), Some(&Answer::Text("2".repeat(400))));
    }
}
