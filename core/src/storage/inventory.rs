//! What this app keeps in the browser, counted for the privacy page: every key of the layout,
//! and nothing of other sites' or apps' keys.

use super::layout::{PLAN_PREFIX, PREFIX, QUARANTINE_PREFIX};
use super::{snapshots, KeyValue, KvError};

/// What this app keeps in the browser, for the privacy page: counts and size of its own keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inventory {
    pub plans: usize,
    pub versions: usize,
    pub set_aside: usize,
    /// Keys and values in UTF-16 units, as browsers count localStorage (two bytes each).
    pub units: usize,
}

pub fn inventory(kv: &dyn KeyValue) -> Result<Inventory, KvError> {
    let mut found = Inventory::default();
    for key in kv.keys()?.iter().filter(|k| k.starts_with(PREFIX)) {
        if key.starts_with(PLAN_PREFIX) {
            found.plans += 1;
        } else if key.starts_with(QUARANTINE_PREFIX) {
            found.set_aside += 1;
        } else if snapshots::Snapshot::parse(key).is_some() {
            found.versions += 1;
        }
        let value = kv.get(key)?.unwrap_or_default();
        found.units += key.encode_utf16().count() + value.encode_utf16().count();
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn inventory_counts_only_this_apps_keys() {
        let kv = MemoryKv::new();
        assert_eq!(inventory(&kv).unwrap(), Inventory::default());
        save_plan(&kv, &mut plan("a", "Å", 1)).unwrap();
        let raw = kv.get(&plan_key("a")).unwrap().unwrap();
        let _ = snapshots::take(&kv, "a", &raw, 1, snapshots::Reason::Save, 2, &[]).unwrap();
        kv.set(&quarantine_key("b", 3), "{").unwrap();
        kv.set("someone-else", &"x".repeat(1000)).unwrap();
        let found = inventory(&kv).unwrap();
        assert_eq!((found.plans, found.versions, found.set_aside), (1, 1, 1));
        let expected: usize = kv
            .keys()
            .unwrap()
            .iter()
            .filter(|k| k.starts_with(PREFIX))
            .map(|k| k.encode_utf16().count() + kv.get(k).unwrap().unwrap().encode_utf16().count())
            .sum();
        assert_eq!(found.units, expected);
        assert!(found.units > raw.len() * 2, "the plan and its version both count");
    }
}
