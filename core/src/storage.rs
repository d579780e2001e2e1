//! The storage layout and its rules, over any key–value store.
//!
//! The browser's `localStorage` implements [`KeyValue`] in the app crate; [`MemoryKv`] serves the
//! tests and the in-memory fallback when storage is unavailable. Layout (version
//! [`LAYOUT_VERSION`]):
//!
//! - `ioa-planleggeren/layout` – the layout version;
//! - `ioa-planleggeren/index` – the library index (summaries, a cache rebuilt from the plan keys);
//! - `ioa-planleggeren/plan/<id>` – one plan as JSON;
//! - `ioa-planleggeren/quarantine/<id>/<time>` – a stored value that could not be read, kept as is;
//! - `ioa-planleggeren/prefs` – the chosen language.

use crate::library::{self, PlanSummary};
use crate::migrate::{plan_from_json, LoadError};
use crate::plan::Plan;
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

pub const LAYOUT_VERSION: u32 = 1;
pub const PREFIX: &str = "ioa-planleggeren/";
pub const LAYOUT_KEY: &str = "ioa-planleggeren/layout";
pub const INDEX_KEY: &str = "ioa-planleggeren/index";
pub const PREFS_KEY: &str = "ioa-planleggeren/prefs";
const PLAN_PREFIX: &str = "ioa-planleggeren/plan/";
const QUARANTINE_PREFIX: &str = "ioa-planleggeren/quarantine/";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

pub fn quarantine_key(id: &str, now: u64) -> String {
    format!("{QUARANTINE_PREFIX}{id}/{now}")
}

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// Storage is full (`QuotaExceededError` and its older names).
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, blocked, private mode in old browsers).
    Unavailable,
    Other(String),
}

/// A string key–value store with the semantics of `localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str) -> Result<(), KvError>;
    fn keys(&self) -> Result<Vec<String>, KvError>;
}

/// An in-memory store. With a capacity it refuses writes like a full `localStorage`
/// (capacity counted in UTF-16 units of keys plus values, as Chromium does).
#[derive(Default)]
pub struct MemoryKv {
    items: RefCell<BTreeMap<String, String>>,
    capacity: Option<usize>,
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(units: usize) -> Self {
        MemoryKv { items: RefCell::default(), capacity: Some(units) }
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.items.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if let Some(cap) = self.capacity {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(key) + needed > cap {
                return Err(KvError::QuotaExceeded);
            }
        }
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

#[derive(Serialize, Deserialize)]
struct Index {
    layout: u32,
    plans: Vec<PlanSummary>,
}

/// A stored value that could not be read and was moved aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    pub plan_id: String,
    /// Where the unreadable value now is (`None` if moving it failed and it stayed in place).
    pub kept_at: Option<String>,
    pub error: LoadError,
}

/// What [`load_library`] found.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LoadReport {
    /// Readable plans, newest change first.
    pub plans: Vec<PlanSummary>,
    pub quarantined: Vec<Quarantined>,
}

/// Storage was written by a newer app version: this one must not write to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutTooNew {
    pub found: String,
}

/// Reads the library: every plan key is parsed; unreadable ones are moved to a quarantine key so
/// the rest load; the index is rebuilt if it disagrees with the plan keys.
pub fn load_library(kv: &dyn KeyValue, now: u64) -> Result<Result<LoadReport, LayoutTooNew>, KvError> {
    match kv.get(LAYOUT_KEY)? {
        Some(found) if found.trim().parse::<u32>().map_or(true, |v| v > LAYOUT_VERSION) => {
            return Ok(Err(LayoutTooNew { found }));
        }
        Some(_) => {}
        None => {
            // First run. A failure here surfaces on the first real write.
            let _ = kv.set(LAYOUT_KEY, &LAYOUT_VERSION.to_string());
        }
    }

    let mut report = LoadReport::default();
    let keys = kv.keys()?;
    for key in &keys {
        let Some(id) = key.strip_prefix(PLAN_PREFIX) else { continue };
        let Some(raw) = kv.get(key)? else { continue };
        match plan_from_json(&raw) {
            Ok(mut plan) => {
                plan.id = id.to_string(); // the key is the identity, whatever the value claims
                report.plans.push(PlanSummary::from(&plan));
            }
            Err(error) => {
                let target = quarantine_key(id, now);
                let kept_at = match kv.set(&target, &raw) {
                    Ok(()) => kv.remove(key).ok().map(|_| target),
                    Err(_) => None,
                };
                report.quarantined.push(Quarantined { plan_id: id.to_string(), kept_at, error });
            }
        }
    }
    library::sort_for_display(&mut report.plans);

    let stored_index = kv.get(INDEX_KEY)?.and_then(|raw| serde_json::from_str::<Index>(&raw).ok());
    if stored_index.map(|i| i.plans) != Some(report.plans.clone()) {
        // The index is a cache: a failed rewrite costs nothing but a rebuild next time.
        let _ = write_index(kv, &report.plans);
    }
    Ok(Ok(report))
}

/// The library as the index records it, for cheap refreshes when another tab changed it.
pub fn read_index(kv: &dyn KeyValue) -> Option<Vec<PlanSummary>> {
    let raw = kv.get(INDEX_KEY).ok().flatten()?;
    let mut plans = serde_json::from_str::<Index>(&raw).ok()?.plans;
    library::sort_for_display(&mut plans);
    Some(plans)
}

/// The plan id a storage key belongs to, if it is a plan key.
pub fn plan_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PLAN_PREFIX)
}

fn write_index(kv: &dyn KeyValue, plans: &[PlanSummary]) -> Result<(), KvError> {
    let mut plans = plans.to_vec();
    library::sort_for_display(&mut plans);
    let json = serde_json::to_string(&Index { layout: LAYOUT_VERSION, plans }).expect("index serialises");
    kv.set(INDEX_KEY, &json)
}

fn update_index(kv: &dyn KeyValue, change: impl FnOnce(&mut Vec<PlanSummary>)) {
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

/// Why a plan was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved a newer revision; saving now would overwrite its work.
    Conflict { stored_revision: u64 },
    QuotaExceeded,
    Unavailable,
    /// The write seemed to work but reading it back gave something else.
    NotConfirmed,
    Other(String),
}

impl From<KvError> for SaveError {
    fn from(e: KvError) -> Self {
        match e {
            KvError::QuotaExceeded => SaveError::QuotaExceeded,
            KvError::Unavailable => SaveError::Unavailable,
            KvError::Other(m) => SaveError::Other(m),
        }
    }
}

#[derive(Deserialize)]
struct RevisionPeek {
    revision: u64,
}

/// The revision stored for a plan, `None` if there is none or it cannot be read.
pub fn stored_revision(kv: &dyn KeyValue, id: &str) -> Result<Option<u64>, KvError> {
    Ok(kv
        .get(&plan_key(id))?
        .and_then(|raw| serde_json::from_str::<RevisionPeek>(&raw).ok())
        .map(|p| p.revision))
}

/// Saves a plan as the next revision. Refuses when storage holds a revision other than the one
/// this copy was loaded at (another tab saved in between). On success `plan.revision` is the new
/// revision; on failure the plan is unchanged and storage still holds the previous value.
pub fn save_plan(kv: &dyn KeyValue, plan: &mut Plan) -> Result<(), SaveError> {
    if let Some(stored) = stored_revision(kv, &plan.id)? {
        if stored != plan.revision {
            return Err(SaveError::Conflict { stored_revision: stored });
        }
    }
    write_plan_as(kv, plan, plan.revision + 1)
}

/// Saves without the revision check: for a plan that is new to storage, or when the user chose to
/// keep this tab's version over another tab's.
pub fn force_save_plan(kv: &dyn KeyValue, plan: &mut Plan) -> Result<(), SaveError> {
    let next = stored_revision(kv, &plan.id)?.unwrap_or(0).max(plan.revision) + 1;
    write_plan_as(kv, plan, next)
}

fn write_plan_as(kv: &dyn KeyValue, plan: &mut Plan, revision: u64) -> Result<(), SaveError> {
    let previous = plan.revision;
    plan.revision = revision;
    let json = serde_json::to_string(&*plan).expect("a plan always serialises");
    let key = plan_key(&plan.id);
    let written = kv.set(&key, &json).map_err(SaveError::from).and_then(|()| {
        match kv.get(&key)? {
            Some(back) if back == json => Ok(()),
            _ => Err(SaveError::NotConfirmed),
        }
    });
    if let Err(e) = written {
        plan.revision = previous;
        return Err(e);
    }
    let summary = PlanSummary::from(&*plan);
    update_index(kv, |plans| library::upsert(plans, summary));
    Ok(())
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

/// Deletes a plan and returns its stored text, so the deletion can be undone.
pub fn delete_plan(kv: &dyn KeyValue, id: &str) -> Result<Option<String>, KvError> {
    let key = plan_key(id);
    let raw = kv.get(&key)?;
    kv.remove(&key)?;
    update_index(kv, |plans| plans.retain(|p| p.id != id));
    Ok(raw)
}

/// Puts back a plan removed by [`delete_plan`].
pub fn undo_delete(kv: &dyn KeyValue, id: &str, raw: &str) -> Result<PlanSummary, SaveError> {
    let plan = plan_from_json(raw).map_err(|e| SaveError::Other(format!("{e:?}")))?;
    kv.set(&plan_key(id), raw)?;
    let summary = PlanSummary::from(&plan);
    update_index(kv, |plans| library::upsert(plans, summary.clone()));
    Ok(summary)
}

#[derive(Serialize, Deserialize, Default)]
struct Prefs {
    lang: Option<Lang>,
}

pub fn load_lang(kv: &dyn KeyValue) -> Option<Lang> {
    kv.get(PREFS_KEY).ok().flatten().and_then(|raw| serde_json::from_str::<Prefs>(&raw).ok()).and_then(|p| p.lang)
}

pub fn save_lang(kv: &dyn KeyValue, lang: Lang) -> Result<(), KvError> {
    kv.set(PREFS_KEY, &serde_json::to_string(&Prefs { lang: Some(lang) }).expect("prefs serialise"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Answer, NewPlan};

    fn plan(id: &str, title: &str, now: u64) -> Plan {
        Plan::new(id, NewPlan { title: title.into(), ..Default::default() }, now).unwrap()
    }

    fn loaded(kv: &MemoryKv) -> LoadReport {
        load_library(kv, 100).unwrap().unwrap()
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
    fn corrupt_plan_is_quarantined_and_others_still_load() {
        let kv = MemoryKv::new();
        save_plan(&kv, &mut plan("good", "God", 1)).unwrap();
        kv.set(&plan_key("bad"), "{\"schema_version\": 1, \"title\": ").unwrap();
        let report = loaded(&kv);
        assert_eq!(report.plans.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["good"]);
        assert_eq!(report.quarantined.len(), 1);
        let q = &report.quarantined[0];
        assert_eq!(q.plan_id, "bad");
        assert!(matches!(q.error, LoadError::NotJson(_)));
        let kept = q.kept_at.as_deref().unwrap();
        assert_eq!(kv.get(kept).unwrap().as_deref(), Some("{\"schema_version\": 1, \"title\": "));
        assert_eq!(kv.get(&plan_key("bad")).unwrap(), None, "moved, not copied");
        // Next start: nothing new to quarantine, and the kept value stays where it is.
        let again = loaded(&kv);
        assert!(again.quarantined.is_empty());
        assert!(kv.get(kept).unwrap().is_some());
    }

    #[test]
    fn corrupt_plan_stays_in_place_when_storage_is_too_full_to_move_it() {
        let raw = "not json at all";
        let kv = MemoryKv::with_capacity(plan_key("bad").len() + raw.len() + LAYOUT_KEY.len() + 1);
        kv.set(LAYOUT_KEY, "1").unwrap();
        kv.set(&plan_key("bad"), raw).unwrap();
        let report = loaded(&kv);
        assert_eq!(report.quarantined[0].kept_at, None);
        assert_eq!(kv.get(&plan_key("bad")).unwrap().as_deref(), Some(raw));
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

    #[test]
    fn newer_layout_is_left_alone() {
        let kv = MemoryKv::new();
        kv.set(LAYOUT_KEY, "7").unwrap();
        kv.set(&plan_key("x"), "whatever").unwrap();
        let result = load_library(&kv, 1).unwrap();
        assert_eq!(result, Err(LayoutTooNew { found: "7".into() }));
        assert_eq!(kv.get(&plan_key("x")).unwrap().as_deref(), Some("whatever"));
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
    fn a_write_that_does_not_read_back_is_not_confirmed() {
        let kv = LyingKv(MemoryKv::new());
        let mut p = plan("a", "A", 1);
        assert_eq!(save_plan(&kv, &mut p), Err(SaveError::NotConfirmed));
        assert_eq!(p.revision, 0);
    }

    #[test]
    fn delete_and_undo() {
        let kv = MemoryKv::new();
        save_plan(&kv, &mut plan("a", "A", 1)).unwrap();
        save_plan(&kv, &mut plan("b", "B", 2)).unwrap();
        let raw = delete_plan(&kv, "a").unwrap().unwrap();
        assert_eq!(loaded(&kv).plans.len(), 1);
        let summary = undo_delete(&kv, "a", &raw).unwrap();
        assert_eq!(summary.title, "A");
        assert_eq!(loaded(&kv).plans.len(), 2);
    }

    #[test]
    fn language_preference_round_trips() {
        let kv = MemoryKv::new();
        assert_eq!(load_lang(&kv), None);
        save_lang(&kv, Lang::Nn).unwrap();
        assert_eq!(load_lang(&kv), Some(Lang::Nn));
        kv.set(PREFS_KEY, "garbage").unwrap();
        assert_eq!(load_lang(&kv), None);
    }
}
