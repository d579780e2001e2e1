//! The library index: one key with every plan's summary, so a start lists the library without
//! reading (and upgrading) every plan.
//!
//! The index is a cache. It is rebuilt from the plan keys whenever the full check
//! ([`super::load_library`]) finds it disagrees, and it lists the library on its own only while
//! it vouches for every stored plan.

use super::layout::{check_layout, plan_id_of_key, plan_key, LayoutTooNew, INDEX_KEY, LAYOUT_VERSION};
use super::{KeyValue, KvError};
use crate::library::{self, PlanSummary};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub(super) struct Index {
    pub(super) layout: u32,
    pub(super) plans: Vec<PlanSummary>,
}

/// Lists the library from the index alone when the index vouches for every stored plan: the
/// same plans, each in this app's schema and of the length the index recorded when it was
/// written. `Ok(Ok(None))` means it cannot vouch (a plan added, removed or changed behind the
/// index's back, an older schema to upgrade, an index from before the check existed): then
/// [`super::load_library`] must read every plan. Listing this way keeps the plan reader and the
/// upgrade chain out of the code a start needs, and a start does not read every plan in full.
pub fn list_library(kv: &dyn KeyValue) -> Result<Result<Option<Vec<PlanSummary>>, LayoutTooNew>, KvError> {
    if let Err(too_new) = check_layout(kv)? {
        return Ok(Err(too_new));
    }
    let mut stored: Vec<String> = kv.keys()?.iter().filter_map(|k| plan_id_of_key(k).map(str::to_string)).collect();
    let index = kv.get(INDEX_KEY)?.and_then(|raw| serde_json::from_str::<Index>(&raw).ok());
    let Some(Index { plans: mut listed, .. }) = index else {
        // No index: nothing to list if nothing is stored (a first visit).
        return Ok(Ok(stored.is_empty().then(Vec::new)));
    };
    let mut ids: Vec<&str> = listed.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    stored.sort_unstable();
    if ids != stored {
        return Ok(Ok(None));
    }
    for plan in &listed {
        if plan.schema != crate::plan::SCHEMA_VERSION || plan.units == 0 {
            return Ok(Ok(None));
        }
        if kv.units(&plan_key(&plan.id))? != Some(plan.units as usize) {
            return Ok(Ok(None));
        }
    }
    library::sort_for_display(&mut listed);
    Ok(Ok(Some(listed)))
}

/// The library as the index records it, for cheap refreshes when another tab changed it.
pub fn read_index(kv: &dyn KeyValue) -> Option<Vec<PlanSummary>> {
    let raw = kv.get(INDEX_KEY).ok().flatten()?;
    let mut plans = serde_json::from_str::<Index>(&raw).ok()?.plans;
    library::sort_for_display(&mut plans);
    Some(plans)
}

pub(super) fn write_index(kv: &dyn KeyValue, plans: &[PlanSummary]) -> Result<(), KvError> {
    let mut plans = plans.to_vec();
    library::sort_for_display(&mut plans);
    let json = serde_json::to_string(&Index { layout: LAYOUT_VERSION, plans }).expect("index serialises");
    kv.set(INDEX_KEY, &json)
}

/// The index's line for one plan.
pub(super) fn indexed(kv: &dyn KeyValue, id: &str) -> Option<PlanSummary> {
    let raw = kv.get(INDEX_KEY).ok().flatten()?;
    serde_json::from_str::<Index>(&raw).ok()?.plans.into_iter().find(|p| p.id == id)
}

pub(super) fn update_index(kv: &dyn KeyValue, change: impl FnOnce(&mut Vec<PlanSummary>)) {
    let mut plans = kv
        .get(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str::<Index>(&raw).ok())
        .map(|i| i.plans)
        .unwrap_or_default();
    change(&mut plans);
    let _ = write_index(kv, &plans);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn the_index_lists_the_library_while_it_vouches_for_every_stored_plan() {
        let kv = MemoryKv::new();
        assert_eq!(listed(&kv), Some(vec![]), "a first visit has nothing to check");
        let mut a = plan("a", "Nattilsyn", 1);
        let mut b = plan("b", "Skyss", 2);
        save_plan(&kv, &mut a).unwrap();
        save_plan(&kv, &mut b).unwrap();
        let from_index = listed(&kv).expect("saved by this app: the index vouches");
        assert_eq!(from_index, loaded(&kv).plans, "the same list as reading every plan");
        assert_eq!(from_index[0].units as usize, kv.get(&plan_key("b")).unwrap().unwrap().encode_utf16().count());
        assert_eq!(from_index[0].schema, crate::plan::SCHEMA_VERSION);

        // A plan written behind the index's back: one more key, or a changed text.
        kv.set(&plan_key("c"), "{}").unwrap();
        assert_eq!(listed(&kv), None, "a plan the index does not know");
        kv.remove(&plan_key("c")).unwrap();
        assert!(listed(&kv).is_some());
        let raw = kv.get(&plan_key("a")).unwrap().unwrap();
        kv.set(&plan_key("a"), &raw[..raw.len() - 1]).unwrap();
        assert_eq!(listed(&kv), None, "a text cut short is not what the index wrote");
        let report = loaded(&kv);
        assert_eq!(report.quarantined.len(), 1, "the full check moves it aside");
        assert!(listed(&kv).is_some(), "and the rewritten index vouches again");

        // An index without the check's fields (written before they existed) cannot vouch.
        kv.set(INDEX_KEY, &kv.get(INDEX_KEY).unwrap().unwrap().replace("\"units\"", "\"units_old\"")).unwrap();
        assert_eq!(listed(&kv), None);
        kv.set(INDEX_KEY, "not json").unwrap();
        assert_eq!(listed(&kv), None);
        kv.remove(INDEX_KEY).unwrap();
        assert_eq!(listed(&kv), None, "plans stored but no index");
        kv.set(LAYOUT_KEY, "99").unwrap();
        assert!(list_library(&kv).unwrap().is_err(), "a newer layout is left alone");
    }

    #[test]
    fn garbage_index_is_rebuilt_from_plan_keys() {
        let kv = MemoryKv::new();
        save_plan(&kv, &mut plan("a", "A", 1)).unwrap();
        kv.set(INDEX_KEY, "][").unwrap();
        let report = loaded(&kv);
        assert_eq!(report.plans.len(), 1);
        let index: Index = serde_json::from_str(&kv.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(index.plans[0].id, "a");
    }
}
