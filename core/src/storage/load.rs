//! Reading plans: the whole library (the full check a start falls back on when the index cannot
//! vouch), or one plan to work on.
//!
//! This is where an unreadable plan is set aside and where a plan of an older schema is kept as
//! it was before its upgrade can be saved, so reading never loses a user's text.

use super::index::{write_index, Index};
use super::layout::{check_layout, plan_key, LayoutTooNew, INDEX_KEY, PLAN_PREFIX};
use super::quarantine::{set_aside, Quarantined};
use super::{snapshots, utf16_len, KeyValue, KvError};
use crate::library::{self, PlanSummary};
use crate::migrate::{plan_from_json, LoadError};
use crate::plan::Plan;

/// What [`load_library`] found.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LoadReport {
    /// Readable plans, newest change first.
    pub plans: Vec<PlanSummary>,
    pub quarantined: Vec<Quarantined>,
    /// Plans saved by a newer app version (another tab already updated): left exactly where they
    /// are, and the index is not rewritten, so the newer version finds everything as it left it.
    pub newer: Vec<String>,
}

/// Reads the library: every plan key is parsed; unreadable ones are moved to a quarantine key so
/// the rest load; the index is rebuilt if it disagrees with the plan keys.
pub fn load_library(kv: &dyn KeyValue, now: u64) -> Result<Result<LoadReport, LayoutTooNew>, KvError> {
    if let Err(too_new) = check_layout(kv)? {
        return Ok(Err(too_new));
    }

    let mut report = LoadReport::default();
    let keys = kv.keys()?;
    for key in &keys {
        let Some(id) = key.strip_prefix(PLAN_PREFIX) else { continue };
        let Some(raw) = kv.get(key)? else { continue };
        match crate::migrate::load(&raw) {
            Ok((mut plan, found)) => {
                plan.id = id.to_string(); // the key is the identity, whatever the value claims
                if found < crate::plan::SCHEMA_VERSION {
                    keep_before_upgrade(kv, id, &raw, plan.revision, now);
                }
                report.plans.push(PlanSummary {
                    schema: found,
                    units: utf16_len(&raw) as u64,
                    ..PlanSummary::from(&plan)
                });
            }
            Err(crate::migrate::LoadError::TooNew { .. }) => report.newer.push(id.to_string()),
            Err(error) => {
                let kept_at = set_aside(kv, id, &raw, now);
                report.quarantined.push(Quarantined { plan_id: id.to_string(), kept_at, error });
            }
        }
    }
    library::sort_for_display(&mut report.plans);

    let stored_index = kv.get(INDEX_KEY)?.and_then(|raw| serde_json::from_str::<Index>(&raw).ok());
    if report.newer.is_empty() && stored_index.map(|i| i.plans) != Some(report.plans.clone()) {
        // The index is a cache: a failed rewrite costs nothing but a rebuild next time.
        let _ = write_index(kv, &report.plans);
    }
    Ok(Ok(report))
}

/// The first save of an upgraded plan writes over the text the older app stored, so that text is
/// kept as a snapshot once (a failure is not fatal: the old text stays in place until then).
fn keep_before_upgrade(kv: &dyn KeyValue, id: &str, raw: &str, revision: u64, now: u64) {
    if !snapshots::exists(kv, id, snapshots::Reason::BeforeUpgrade, revision).unwrap_or(true) {
        let _ = snapshots::take(kv, id, raw, revision, snapshots::Reason::BeforeUpgrade, now, &[]);
    }
}

/// Reads one plan to work on it. A plan stored by an older app version is kept as it was (a
/// snapshot) before anything can save it in the new shape, as [`load_library`] does: the library
/// may have been listed from the index, without reading it.
pub fn open_plan(kv: &dyn KeyValue, id: &str, now: u64) -> Result<Option<Result<Plan, LoadError>>, KvError> {
    let Some(raw) = kv.get(&plan_key(id))? else { return Ok(None) };
    Ok(Some(crate::migrate::load(&raw).map(|(mut plan, found)| {
        plan.id = id.to_string();
        if found < crate::plan::SCHEMA_VERSION {
            keep_before_upgrade(kv, id, &raw, plan.revision, now);
        }
        plan
    })))
}

/// Reads one plan.
pub fn load_plan(kv: &dyn KeyValue, id: &str) -> Result<Option<Result<Plan, LoadError>>, KvError> {
    Ok(kv.get(&plan_key(id))?.map(|raw| {
        plan_from_json(&raw).map(|mut p| {
            p.id = id.to_string();
            p
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::*;
    use crate::storage::*;

    #[test]
    fn a_plan_of_an_older_schema_is_checked_in_full_and_kept_as_it_was_when_opened() {
        let kv = MemoryKv::new();
        kv.set(&plan_key("old"), include_str!("../../tests/fixtures/plan-v3.json")).unwrap();
        assert_eq!(listed(&kv), None, "no index line: read it in full");
        let report = loaded(&kv);
        assert_eq!(report.plans[0].schema, 3, "listed with the schema its text is in");
        assert_eq!(listed(&kv), None, "still to upgrade: every start reads it until it is saved");
        // Opened without the full check (the list came from an index): the old text is kept.
        let kv = MemoryKv::new();
        kv.set(&plan_key("old"), include_str!("../../tests/fixtures/plan-v3.json")).unwrap();
        let plan = open_plan(&kv, "old", 7).unwrap().unwrap().unwrap();
        assert_eq!(plan.schema_version, crate::plan::SCHEMA_VERSION);
        let kept = snapshots::list(&kv, "old").unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].reason, snapshots::Reason::BeforeUpgrade);
        let _ = open_plan(&kv, "old", 8).unwrap();
        assert_eq!(snapshots::list(&kv, "old").unwrap().len(), 1, "kept once");
    }

    #[test]
    fn plan_from_a_newer_version_is_left_in_place_with_the_index() {
        let kv = MemoryKv::new();
        save_plan(&kv, &mut plan("mine", "Min", 1)).unwrap();
        let mut theirs = plan("theirs", "Deres", 2);
        save_plan(&kv, &mut theirs).unwrap();
        // Another tab, already on a newer version, rewrote one plan in a newer schema.
        let stored = kv.get(&plan_key("theirs")).unwrap().unwrap();
        let from_the_future =
            stored.replacen(&format!("\"schema_version\":{}", crate::plan::SCHEMA_VERSION), "\"schema_version\":99", 1);
        assert_ne!(from_the_future, stored);
        kv.set(&plan_key("theirs"), &from_the_future).unwrap();
        let index_before = kv.get(INDEX_KEY).unwrap();

        let report = loaded(&kv);
        assert_eq!(report.newer, ["theirs"]);
        assert!(report.quarantined.is_empty(), "a newer plan is not damaged, so not moved aside");
        assert_eq!(report.plans.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["mine"]);
        assert_eq!(kv.get(&plan_key("theirs")).unwrap(), Some(from_the_future));
        assert_eq!(kv.get(INDEX_KEY).unwrap(), index_before, "the index is the newer version's to write");
    }

    #[test]
    fn an_older_schema_is_kept_once_before_it_is_upgraded() {
        let kv = MemoryKv::new();
        let v1 = include_str!("../../tests/fixtures/plan-v1.json");
        kv.set(&plan_key("old"), v1).unwrap();
        loaded(&kv);
        loaded(&kv);
        let kept = snapshots::list(&kv, "old").unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].reason, snapshots::Reason::BeforeUpgrade);
        assert_eq!(snapshots::read(&kv, &kept[0].key).unwrap().as_deref(), Some(v1), "byte for byte");
    }
}
