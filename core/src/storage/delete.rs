//! Deleting a plan with everything of it this browser holds, and undoing that while the user
//! is still offered "Undo".

use super::index::{indexed, update_index};
use super::layout::plan_key;
use super::{snapshots, KeyValue, KvError, SaveError};
use crate::library::{self, PlanSummary};

/// A deleted plan held in memory while "Undo" is offered: its text, its line in the index and
/// its earlier versions. Putting it back needs no plan reader: the text goes back as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletedPlan {
    pub raw: String,
    summary: Option<PlanSummary>,
    history: Vec<(String, String)>,
}

/// Deletes a plan with its earlier versions (so nothing of it stays behind in the browser) and
/// returns them, so the deletion can be undone.
pub fn delete_plan(kv: &dyn KeyValue, id: &str) -> Result<Option<DeletedPlan>, KvError> {
    let key = plan_key(id);
    let Some(raw) = kv.get(&key)? else { return Ok(None) };
    let summary = indexed(kv, id);
    kv.remove(&key)?;
    update_index(kv, |plans| plans.retain(|p| p.id != id));
    let mut history = Vec::new();
    for snapshot in snapshots::list(kv, id)? {
        if let Some(text) = kv.get(&snapshot.key)? {
            kv.remove(&snapshot.key)?;
            history.push((snapshot.key, text));
        }
    }
    Ok(Some(DeletedPlan { raw, summary, history }))
}

/// Puts back a plan removed by [`delete_plan`], with its earlier versions, and its line in the
/// index (a plan the index did not list is found by the next full check, [`super::load_library`]).
/// Returns that line.
pub fn undo_delete(kv: &dyn KeyValue, id: &str, deleted: &DeletedPlan) -> Result<Option<PlanSummary>, SaveError> {
    // Meanwhile a plan with this id may have come back (an import): never write over it.
    if kv.get(&plan_key(id))?.is_some() {
        return Err(SaveError::Other(format!("plan {id} exists again")));
    }
    kv.set(&plan_key(id), &deleted.raw)?;
    // Earlier versions are a bonus: one that no longer fits is not worth failing the undo.
    for (key, text) in &deleted.history {
        let _ = kv.set(key, text);
    }
    if let Some(summary) = &deleted.summary {
        update_index(kv, |plans| library::upsert(plans, summary.clone()));
    }
    Ok(deleted.summary.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn delete_and_undo() {
        let kv = MemoryKv::new();
        save_plan(&kv, &mut plan("a", "A", 1)).unwrap();
        save_plan(&kv, &mut plan("b", "B", 2)).unwrap();
        let mut a = load_plan(&kv, "a").unwrap().unwrap().unwrap();
        a.title = "A, later".into();
        save_plan(&kv, &mut a).unwrap();
        let _ = snapshots::take(
            &kv,
            "a",
            &kv.get(&plan_key("a")).unwrap().unwrap(),
            a.revision,
            snapshots::Reason::Save,
            3,
            &[],
        )
        .unwrap();
        let _ =
            snapshots::take(&kv, "b", &kv.get(&plan_key("b")).unwrap().unwrap(), 1, snapshots::Reason::Save, 3, &[])
                .unwrap();
        let history_of_a = snapshots::list(&kv, "a").unwrap();
        assert!(!history_of_a.is_empty());
        let _ = loaded(&kv); // writes the layout key, which is not the plan's
        let before: Vec<String> = kv.keys().unwrap();

        let deleted = delete_plan(&kv, "a").unwrap().unwrap();
        assert_eq!(loaded(&kv).plans.len(), 1);
        let left: Vec<String> = kv.keys().unwrap();
        assert!(left.iter().all(|k| !k.contains("/a/") && k != &plan_key("a")), "nothing of the plan stays: {left:?}");
        assert_eq!(snapshots::list(&kv, "b").unwrap().len(), 1, "other plans keep their versions");

        let summary = undo_delete(&kv, "a", &deleted).unwrap().expect("the index listed it");
        assert_eq!(summary.title, "A, later");
        assert_eq!(list_library(&kv).unwrap().unwrap().map(|l| l.len()), Some(2), "the index lists it again");
        assert_eq!(loaded(&kv).plans.len(), 2);
        assert_eq!(snapshots::list(&kv, "a").unwrap(), history_of_a, "undo brings the earlier versions back");
        let mut after = kv.keys().unwrap();
        let mut before = before;
        after.sort();
        before.sort();
        assert_eq!(after, before);
    }

    #[test]
    fn undo_of_a_delete_never_writes_over_a_plan_that_came_back() {
        let kv = MemoryKv::new();
        save_plan(&kv, &mut plan("a", "Old", 1)).unwrap();
        let deleted = delete_plan(&kv, "a").unwrap().unwrap();
        let _ = import_new(&kv, &mut [plan("a", "Imported", 2)]).unwrap();
        assert!(undo_delete(&kv, "a", &deleted).is_err());
        assert_eq!(load_plan(&kv, "a").unwrap().unwrap().unwrap().title, "Imported");
    }
}
