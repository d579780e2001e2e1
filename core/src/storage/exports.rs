//! When each plan was last exported from this browser, kept outside the plans (an export is not
//! an edit), so the library can say which plans have changes no file holds yet.

use super::layout::{plan_id_of_key, EXPORTS_KEY};
use super::{KeyValue, KvError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When a plan was last exported from this browser, and at which revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub at: u64,
    pub revision: u64,
}

/// Export records by plan id. They live outside the plans: exporting is not an edit, so it must
/// not change a plan's revision (which would make another open tab see a conflict).
pub fn export_records(kv: &dyn KeyValue) -> BTreeMap<String, ExportRecord> {
    kv.get(EXPORTS_KEY).ok().flatten().and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default()
}

/// Notes that these plans (id, revision) were exported at `now`. Records of plans that no longer
/// exist are dropped on the way.
pub fn record_export(kv: &dyn KeyValue, exported: &[(String, u64)], now: u64) -> Result<(), KvError> {
    let mut records = export_records(kv);
    for (id, revision) in exported {
        records.insert(id.clone(), ExportRecord { at: now, revision: *revision });
    }
    let existing: Vec<String> = kv.keys()?.iter().filter_map(|k| plan_id_of_key(k).map(str::to_string)).collect();
    records.retain(|id, _| existing.contains(id));
    kv.set(EXPORTS_KEY, &serde_json::to_string(&records).expect("records serialise"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn export_records_are_kept_apart_from_the_plan() {
        let kv = MemoryKv::new();
        let mut p = plan("a", "A", 1);
        save_plan(&kv, &mut p).unwrap();
        let before = kv.get(&plan_key("a")).unwrap();
        record_export(&kv, &[("a".into(), 1), ("gone".into(), 3)], 50).unwrap();
        assert_eq!(kv.get(&plan_key("a")).unwrap(), before, "exporting is not an edit");
        let records = export_records(&kv);
        assert_eq!(records.get("a"), Some(&ExportRecord { at: 50, revision: 1 }));
        assert!(!records.contains_key("gone"));
        kv.set(EXPORTS_KEY, "garbage").unwrap();
        assert!(export_records(&kv).is_empty());
    }
}
