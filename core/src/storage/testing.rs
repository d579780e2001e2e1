//! Plans and stores the storage tests share.

use super::*;
use crate::library::PlanSummary;
use crate::plan::{Answer, NewPlan, Plan};

pub(super) fn plan(id: &str, title: &str, now: u64) -> Plan {
    Plan::new(id, NewPlan { title: title.into(), ..Default::default() }, now).unwrap()
}

pub(super) fn loaded(kv: &MemoryKv) -> LoadReport {
    load_library(kv, 100).unwrap().unwrap()
}

pub(super) fn listed(kv: &MemoryKv) -> Option<Vec<PlanSummary>> {
    list_library(kv).unwrap().unwrap()
}

pub(super) const MIN: u64 = 60_000;

/// Every key and value, to prove an operation that failed changed nothing.
pub(super) fn dump(kv: &MemoryKv) -> Vec<(String, Option<String>)> {
    kv.keys().unwrap().into_iter().map(|k| (k.clone(), kv.get(&k).unwrap())).collect()
}

/// A store holding plan "a" with two earlier versions, nearly full.
pub(super) fn store_with_history(capacity: usize) -> (MemoryKv, Plan) {
    let kv = MemoryKv::with_capacity(capacity);
    let mut p = plan("a", "A", 1);
    for (i, at) in [1, 20 * MIN, 40 * MIN].into_iter().enumerate() {
        p.set_answer("x/y/z", Answer::Text(format!("{i}").repeat(400)), at);
        save_plan(&kv, &mut p).unwrap();
    }
    assert_eq!(snapshots::list(&kv, "a").unwrap().len(), 2);
    (kv, p)
}
