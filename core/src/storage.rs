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
//! - `ioa-planleggeren/snapshot/<id>/…` – earlier versions of a plan ([`snapshots`]);
//! - `ioa-planleggeren/exports` – when each plan was last exported from this browser;
//! - `ioa-planleggeren/prefs` – the chosen language.

use crate::library::{self, PlanSummary};
use crate::migrate::{plan_from_json, LoadError};
use crate::plan::Plan;
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

pub mod snapshots;

pub const LAYOUT_VERSION: u32 = 1;
pub const PREFIX: &str = "ioa-planleggeren/";
pub const LAYOUT_KEY: &str = "ioa-planleggeren/layout";
pub const INDEX_KEY: &str = "ioa-planleggeren/index";
pub const PREFS_KEY: &str = "ioa-planleggeren/prefs";
pub const EXPORTS_KEY: &str = "ioa-planleggeren/exports";
const PLAN_PREFIX: &str = "ioa-planleggeren/plan/";
const QUARANTINE_PREFIX: &str = "ioa-planleggeren/quarantine/";

/// A text's length as the browser's store counts it.
pub fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

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

    /// The value's first `chars` characters (about: the browser's store counts UTF-16 units).
    /// The browser's store cuts it before bringing it into wasm, where a plan of a megabyte
    /// would cost about 12 ms to convert: a save reads only the revision at its start.
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, KvError> {
        Ok(self.get(key)?.map(|value| value.chars().take(chars).collect()))
    }

    /// The value's length in UTF-16 units, without bringing it into wasm in the browser.
    fn units(&self, key: &str) -> Result<Option<usize>, KvError> {
        Ok(self.get(key)?.map(|value| utf16_len(&value)))
    }

    /// Writes `value` and tells whether the store now holds exactly it (a write the browser
    /// accepted but did not keep is not a save). The browser's store compares on its side.
    fn set_confirmed(&self, key: &str, value: &str) -> Result<bool, KvError> {
        self.set(key, value)?;
        Ok(matches!(self.get(key), Ok(Some(back)) if back == value))
    }
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
    /// Plans saved by a newer app version (another tab already updated): left exactly where they
    /// are, and the index is not rewritten, so the newer version finds everything as it left it.
    pub newer: Vec<String>,
}

/// Storage was written by a newer app version: this one must not write to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutTooNew {
    pub found: String,
}

/// Refuses a layout a newer app version wrote, and writes this one's on a first run (a failure
/// there surfaces on the first real write).
fn check_layout(kv: &dyn KeyValue) -> Result<Result<(), LayoutTooNew>, KvError> {
    match kv.get(LAYOUT_KEY)? {
        Some(found) if found.trim().parse::<u32>().map_or(true, |v| v > LAYOUT_VERSION) => {
            Ok(Err(LayoutTooNew { found }))
        }
        Some(_) => Ok(Ok(())),
        None => {
            let _ = kv.set(LAYOUT_KEY, &LAYOUT_VERSION.to_string());
            Ok(Ok(()))
        }
    }
}

/// Lists the library from the index alone when the index vouches for every stored plan: the
/// same plans, each in this app's schema and of the length the index recorded when it was
/// written. `Ok(Ok(None))` means it cannot vouch (a plan added, removed or changed behind the
/// index's back, an older schema to upgrade, an index from before the check existed): then
/// [`load_library`] must read every plan. Listing this way keeps the plan reader and the
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

/// A value kept in quarantine: a stored plan that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarantineEntry {
    pub key: String,
    pub plan_id: String,
    /// When it was moved aside (ms since the epoch).
    pub kept_at: u64,
    /// Its length in UTF-16 units.
    pub units: usize,
}

/// Every quarantined value, newest first.
pub fn quarantined(kv: &dyn KeyValue) -> Result<Vec<QuarantineEntry>, KvError> {
    let mut list = Vec::new();
    for key in kv.keys()? {
        let Some(rest) = key.strip_prefix(QUARANTINE_PREFIX) else { continue };
        let Some((plan_id, time)) = rest.rsplit_once('/') else { continue };
        let Ok(kept_at) = time.parse() else { continue };
        let units = kv.get(&key)?.map_or(0, |v| v.encode_utf16().count());
        list.push(QuarantineEntry { plan_id: plan_id.to_string(), key, kept_at, units });
    }
    list.sort_by(|a, b| b.kept_at.cmp(&a.kept_at).then_with(|| a.key.cmp(&b.key)));
    Ok(list)
}

/// The raw text of a quarantined value (`None` for a key that is not one).
pub fn read_quarantined(kv: &dyn KeyValue, key: &str) -> Result<Option<String>, KvError> {
    if !key.starts_with(QUARANTINE_PREFIX) {
        return Ok(None);
    }
    kv.get(key)
}

/// Removes a quarantined value for good (after the user confirmed it).
pub fn discard_quarantined(kv: &dyn KeyValue, key: &str) -> Result<(), KvError> {
    if key.starts_with(QUARANTINE_PREFIX) {
        kv.remove(key)?;
    }
    Ok(())
}

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

/// The index's line for one plan.
fn indexed(kv: &dyn KeyValue, id: &str) -> Option<PlanSummary> {
    let raw = kv.get(INDEX_KEY).ok().flatten()?;
    serde_json::from_str::<Index>(&raw).ok()?.plans.into_iter().find(|p| p.id == id)
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
    Conflict {
        stored_revision: u64,
    },
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

/// A plan's stored text and the revision it holds (`None` when it cannot be read).
fn stored(kv: &dyn KeyValue, id: &str) -> Result<Option<(String, Option<u64>)>, KvError> {
    Ok(kv.get(&plan_key(id))?.map(|raw| {
        let revision = peek_revision(&raw);
        (raw, revision)
    }))
}

/// How far into a stored plan [`stored_head`] looks for its revision.
const REVISION_HEAD_CHARS: usize = 512;

/// Whether a plan is stored, and its revision (`Some(None)`: stored, revision unreadable), read
/// from the plan's first bytes; only a plan whose revision is not among them is read in full.
fn stored_head(kv: &dyn KeyValue, id: &str) -> Result<Option<Option<u64>>, KvError> {
    let key = plan_key(id);
    let Some(head) = kv.get_head(&key, REVISION_HEAD_CHARS)? else { return Ok(None) };
    match revision_in_head(&head) {
        Some(revision) => Ok(Some(Some(revision))),
        None => Ok(kv.get(&key)?.map(|raw| peek_revision(&raw))),
    }
}

/// The top-level `revision` of a stored plan. The app writes it among the first fields (see
/// [`Plan`]'s field order), so a few bytes tell it: no parse of a plan of half a megabyte on
/// every save. `"revision":` cannot occur inside a JSON string (its quotes would be escaped),
/// and nothing nested precedes it, so the first occurrence near the start is the plan's own.
/// Anything else (a hand-edited value, another field order) is parsed in full, as before.
fn peek_revision(raw: &str) -> Option<u64> {
    revision_in_head(raw).or_else(|| serde_json::from_str::<RevisionPeek>(raw).ok().map(|p| p.revision))
}

/// The revision from a stored plan's first bytes alone, if it is there (see [`peek_revision`]).
fn revision_in_head(raw: &str) -> Option<u64> {
    const KEY: &str = "\"revision\":";
    let at = raw.find(KEY).filter(|at| *at < 512)?;
    let before = raw[..at].trim_start();
    // Only the plan's own brace may open before it: then this is the top-level field.
    if !before.starts_with('{') || before[1..].contains(['{', '[']) {
        return None;
    }
    let value = raw[at + KEY.len()..].trim_start();
    let digits = value.len() - value.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // The number must end inside the text: a head cut off within it says nothing.
    if digits == value.len() {
        return None;
    }
    value[..digits].parse().ok()
}

/// The revision stored for a plan, `None` if there is none or it cannot be read.
pub fn stored_revision(kv: &dyn KeyValue, id: &str) -> Result<Option<u64>, KvError> {
    Ok(stored_head(kv, id)?.flatten())
}

/// What a successful save had to do besides writing the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOutcome {
    /// Snapshots removed because storage was full (the user is told).
    pub snapshots_dropped: usize,
}

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

fn force_save_protecting(
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
fn write_plan_as(
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
/// index (a plan the index did not list is found by the next full check, [`load_library`]).
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

    fn listed(kv: &MemoryKv) -> Option<Vec<PlanSummary>> {
        list_library(kv).unwrap().unwrap()
    }

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
    fn a_plan_of_an_older_schema_is_checked_in_full_and_kept_as_it_was_when_opened() {
        let kv = MemoryKv::new();
        kv.set(&plan_key("old"), include_str!("../tests/fixtures/plan-v3.json")).unwrap();
        assert_eq!(listed(&kv), None, "no index line: read it in full");
        let report = loaded(&kv);
        assert_eq!(report.plans[0].schema, 3, "listed with the schema its text is in");
        assert_eq!(listed(&kv), None, "still to upgrade: every start reads it until it is saved");
        // Opened without the full check (the list came from an index): the old text is kept.
        let kv = MemoryKv::new();
        kv.set(&plan_key("old"), include_str!("../tests/fixtures/plan-v3.json")).unwrap();
        let plan = open_plan(&kv, "old", 7).unwrap().unwrap().unwrap();
        assert_eq!(plan.schema_version, crate::plan::SCHEMA_VERSION);
        let kept = snapshots::list(&kv, "old").unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].reason, snapshots::Reason::BeforeUpgrade);
        let _ = open_plan(&kv, "old", 8).unwrap();
        assert_eq!(snapshots::list(&kv, "old").unwrap().len(), 1, "kept once");
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
    fn the_revision_is_read_from_the_first_bytes_and_agrees_with_a_full_parse() {
        let mut p = plan("a", "Tittel med \"revision\":99 og {klammer}", 1);
        p.revision = 41;
        p.set_answer("x/y/z", Answer::Text("\"revision\": 7".into()), 2);
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.find("\"revision\":").unwrap() < 80, "the app writes it among the first fields: {}", &json[..80]);
        assert_eq!(peek_revision(&json), Some(41));
        // Another field order, a nested object first, or no revision: the full parse decides.
        assert_eq!(peek_revision(r#"{"answers":{"revision":3},"revision":5}"#), Some(5));
        assert_eq!(peek_revision(r#"{"id":"x","revision": 12,"title":"t"}"#), Some(12));
        assert_eq!(peek_revision(r#"{"id":"x","title":"t"}"#), None);
        assert_eq!(peek_revision("not json"), None);
        let long_head = format!(r#"{{"id":"{}","revision":4}}"#, "x".repeat(600));
        assert_eq!(peek_revision(&long_head), Some(4), "beyond the first bytes: parsed in full");
    }

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
    fn a_revision_cut_off_in_the_first_bytes_is_read_in_full() {
        let kv = MemoryKv::new();
        let padding = "x".repeat(REVISION_HEAD_CHARS - 20);
        let raw = format!(r#"{{"id":"{padding}","revision":123456789,"title":"t"}}"#);
        assert!(raw.find("\"revision\":").unwrap() < 512);
        kv.set(&plan_key("a"), &raw).unwrap();
        assert_eq!(revision_in_head(&kv.get_head(&plan_key("a"), REVISION_HEAD_CHARS).unwrap().unwrap()), None);
        assert_eq!(stored_revision(&kv, "a").unwrap(), Some(123456789));
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

    #[test]
    fn language_preference_round_trips() {
        let kv = MemoryKv::new();
        assert_eq!(load_lang(&kv), None);
        save_lang(&kv, Lang::Nn).unwrap();
        assert_eq!(load_lang(&kv), Some(Lang::Nn));
        kv.set(PREFS_KEY, "garbage").unwrap();
        assert_eq!(load_lang(&kv), None);
    }

    const MIN: u64 = 60_000;

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
    fn an_older_schema_is_kept_once_before_it_is_upgraded() {
        let kv = MemoryKv::new();
        let v1 = include_str!("../tests/fixtures/plan-v1.json");
        kv.set(&plan_key("old"), v1).unwrap();
        loaded(&kv);
        loaded(&kv);
        let kept = snapshots::list(&kv, "old").unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].reason, snapshots::Reason::BeforeUpgrade);
        assert_eq!(snapshots::read(&kv, &kept[0].key).unwrap().as_deref(), Some(v1), "byte for byte");
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

    #[test]
    fn quarantined_values_can_be_listed_read_and_discarded() {
        let kv = MemoryKv::new();
        kv.set(&plan_key("bad"), "{broken").unwrap();
        loaded(&kv);
        let list = quarantined(&kv).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].plan_id.as_str(), list[0].kept_at, list[0].units), ("bad", 100, 7));
        assert_eq!(read_quarantined(&kv, &list[0].key).unwrap().as_deref(), Some("{broken"));
        assert_eq!(read_quarantined(&kv, PREFS_KEY).unwrap(), None, "only quarantine keys");
        discard_quarantined(&kv, INDEX_KEY).unwrap();
        assert!(kv.get(INDEX_KEY).unwrap().is_some(), "discard touches only quarantine keys");
        discard_quarantined(&kv, &list[0].key).unwrap();
        assert!(quarantined(&kv).unwrap().is_empty());
    }

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

    /// Every key and value, to prove an operation that failed changed nothing.
    fn dump(kv: &MemoryKv) -> Vec<(String, Option<String>)> {
        kv.keys().unwrap().into_iter().map(|k| (k.clone(), kv.get(&k).unwrap())).collect()
    }

    /// A store holding plan "a" with two earlier versions, nearly full.
    fn store_with_history(capacity: usize) -> (MemoryKv, Plan) {
        let kv = MemoryKv::with_capacity(capacity);
        let mut p = plan("a", "A", 1);
        for (i, at) in [1, 20 * MIN, 40 * MIN].into_iter().enumerate() {
            p.set_answer("x/y/z", Answer::Text(format!("{i}").repeat(400)), at);
            save_plan(&kv, &mut p).unwrap();
        }
        assert_eq!(snapshots::list(&kv, "a").unwrap().len(), 2);
        (kv, p)
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
