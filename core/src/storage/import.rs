//! Storing the plans of an imported file as new plans, all or none: a file half imported would
//! leave the user unsure what they have.

use super::index::indexed;
use super::layout::{plan_key, INDEX_KEY};
use super::save::write_plan_as;
use super::{snapshots, KeyValue, SaveError, SaveOutcome};
use crate::library::PlanSummary;
use crate::plan::Plan;

/// Stores plans read from a file as new plans, all or none: when one cannot be written, the
/// ones already written are removed, the index text and any snapshots that gave way are put
/// back. Plans whose id is taken must be handled first (keep both or replace); finding one here
/// is an error and writes nothing.
pub fn import_new(kv: &dyn KeyValue, plans: &mut [Plan]) -> Result<(Vec<PlanSummary>, SaveOutcome), SaveError> {
    for plan in plans.iter() {
        if kv.get(&plan_key(&plan.id))?.is_some() {
            return Err(SaveError::Other(format!("plan {} exists", plan.id)));
        }
    }
    let index_before = kv.get(INDEX_KEY)?;
    let mut written: Vec<PlanSummary> = Vec::new();
    let mut removed = snapshots::Removed::default();
    for plan in plans.iter_mut() {
        let revision = plan.revision.max(1);
        match write_plan_as(kv, plan, revision, &[]) {
            Ok((_, more)) => removed.extend(more),
            Err(e) => {
                for id in written.iter().map(|s| s.id.as_str()).chain([plan.id.as_str()]) {
                    let _ = kv.remove(&plan_key(id));
                }
                match &index_before {
                    Some(raw) => {
                        let _ = kv.set(INDEX_KEY, raw);
                    }
                    None => {
                        let _ = kv.remove(INDEX_KEY);
                    }
                }
                removed.put_back(kv);
                return Err(e);
            }
        }
        written.push(indexed(kv, &plan.id).unwrap_or_else(|| PlanSummary::from(&*plan)));
    }
    let outcome = SaveOutcome { snapshots_dropped: removed.count() };
    Ok((written, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Answer;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn an_import_is_all_or_nothing() {
        let kv = MemoryKv::with_capacity(6_000);
        save_plan(&kv, &mut plan("old", "Old", 1)).unwrap();
        let keys_before = kv.keys().unwrap();
        let index_before = kv.get(INDEX_KEY).unwrap();
        let mut big = plan("c", "C", 1);
        big.set_answer("x/y/z", Answer::Text("c".repeat(5_000)), 1);
        let mut files = vec![plan("a", "A", 1), plan("b", "B", 1), big];
        assert_eq!(import_new(&kv, &mut files), Err(SaveError::QuotaExceeded));
        assert_eq!(kv.keys().unwrap(), keys_before);
        assert_eq!(kv.get(INDEX_KEY).unwrap(), index_before);
        // A taken id is refused before anything is written.
        assert!(import_new(&kv, &mut [plan("x", "X", 1), plan("old", "Other", 1)]).is_err());
        assert_eq!(kv.keys().unwrap(), keys_before);
        let mut fits = vec![plan("a", "A", 1), plan("b", "B", 1)];
        fits[0].revision = 7;
        let (added, _) = import_new(&kv, &mut fits).unwrap();
        assert_eq!(added.len(), 2);
        assert_eq!(load_plan(&kv, "a").unwrap().unwrap().unwrap().revision, 7, "the file's revision is kept");
    }

    #[test]
    fn a_failed_import_or_replace_costs_no_history() {
        let (kv, _) = store_with_history(3_200);
        let before = dump(&kv);
        let mut too_big = plan("b", "B", 1);
        too_big.set_answer("x/y/z", Answer::Text("b".repeat(3_000)), 1);
        assert_eq!(
            import_new(&kv, &mut [plan("c", "C", 1), too_big.clone()]).map(|_| ()),
            Err(SaveError::QuotaExceeded)
        );
        assert_eq!(dump(&kv), before, "import: every key and value as before, snapshots included");
        too_big.id = "a".into();
        assert_eq!(replace_plan(&kv, too_big, 50 * MIN).map(|_| ()), Err(SaveError::QuotaExceeded));
        assert_eq!(dump(&kv), before, "replace: as before");
    }
}
