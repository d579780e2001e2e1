//! Rolling snapshots of each plan: earlier versions the user can go back to.
//!
//! A snapshot is a stored plan's text kept under its own key,
//! `ioa-planleggeren/snapshot/<plan>/<time>/<reason>/<revision>/<size>`. Everything the keep
//! rule and the budget need is in the key, so listing and pruning read no values.
//!
//! When one is taken: before a save overwrites a version that no snapshot holds yet from the
//! last [`SAVE_SNAPSHOT_EVERY_MS`] (so a working session leaves a trail, and the state a plan
//! had when work stopped is kept), and always before an import replaces a plan, before a
//! restore, and before a stored plan of an older schema is first written in the new one.
//!
//! What is kept: per plan, the [`KEEP_RECENT`] newest plus the newest of each of the last
//! [`KEEP_DAYS`] days; across all plans at most [`SNAPSHOT_BUDGET_UNITS`] (oldest go first, a
//! plan's newest snapshot last). When storage is full, snapshots give way before a plan save
//! fails; a plan itself is never dropped to make room.

use super::{KeyValue, KvError};

const SNAPSHOT_PREFIX: &str = "ioa-planleggeren/snapshot/";

/// Newest snapshots kept per plan, whatever their age.
pub const KEEP_RECENT: usize = 10;
/// Days back for which the newest snapshot of each day is kept as well.
pub const KEEP_DAYS: u64 = 7;
/// A save snapshot is taken when the plan's newest snapshot is older than this.
pub const SAVE_SNAPSHOT_EVERY_MS: u64 = 10 * 60_000;
/// Most storage all snapshots together may use, in UTF-16 units of key plus value (how
/// browsers count `localStorage`; Chromium and Firefox give an origin about 5 M). 1.5 M leaves
/// room for plans about 2.3 times the size of all snapshots kept.
pub const SNAPSHOT_BUDGET_UNITS: usize = 1_500_000;

const DAY_MS: u64 = 86_400_000;

crate::ids::id_enum! {
    /// Why a snapshot was taken. The id is part of the snapshot's key.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Reason {
        /// A version that was about to be saved over.
        Save = "save",
        /// The plan as it was before an imported file replaced it.
        BeforeReplace = "before-replace",
        /// The plan as it was before an earlier version was restored (this makes a restore undoable).
        BeforeRestore = "before-restore",
        /// The plan as an older app version stored it, before its first save in the new schema.
        BeforeUpgrade = "before-upgrade",
    }
}

impl Reason {
    /// Locale key of the reason as the "Versions" view shows it.
    pub fn message_key(self) -> &'static str {
        match self {
            Reason::Save => "versions.reason.save",
            Reason::BeforeReplace => "versions.reason.before_replace",
            Reason::BeforeRestore => "versions.reason.before_restore",
            Reason::BeforeUpgrade => "versions.reason.before_upgrade",
        }
    }
}

/// One snapshot, read from its key alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub key: String,
    pub plan_id: String,
    pub taken_at: u64,
    pub reason: Reason,
    /// The plan's revision in the snapshot.
    pub revision: u64,
    /// Storage used, in UTF-16 units of key plus value.
    pub units: usize,
}

impl Snapshot {
    pub(crate) fn parse(key: &str) -> Option<Snapshot> {
        let rest = key.strip_prefix(SNAPSHOT_PREFIX)?;
        let mut parts = rest.split('/');
        let plan_id = parts.next().filter(|p| !p.is_empty())?.to_string();
        let taken_at = parts.next()?.parse().ok()?;
        let reason_id = parts.next()?;
        let reason = Reason::from_id(reason_id)?;
        let revision = parts.next()?.parse().ok()?;
        let units = parts.next()?.parse().ok()?;
        parts.next().is_none().then_some(Snapshot { key: key.to_string(), plan_id, taken_at, reason, revision, units })
    }
}

fn snapshot_key(plan_id: &str, taken_at: u64, reason: Reason, revision: u64, value: &str) -> String {
    // The size in the key counts the key too; its own digits change its length, so settle it.
    let value_units = value.encode_utf16().count();
    let base = format!("{SNAPSHOT_PREFIX}{plan_id}/{taken_at}/{}/{revision}/", reason.id());
    let mut units = base.len() + value_units;
    loop {
        let total = base.len() + units.to_string().len() + value_units;
        if total == units {
            return format!("{base}{units}");
        }
        units = total;
    }
}

/// Every snapshot in storage, oldest first.
pub fn all(kv: &dyn KeyValue) -> Result<Vec<Snapshot>, KvError> {
    let mut list: Vec<Snapshot> = kv.keys()?.iter().filter_map(|k| Snapshot::parse(k)).collect();
    list.sort_by(|a, b| a.taken_at.cmp(&b.taken_at).then_with(|| a.key.cmp(&b.key)));
    Ok(list)
}

/// One plan's snapshots, newest first.
pub fn list(kv: &dyn KeyValue, plan_id: &str) -> Result<Vec<Snapshot>, KvError> {
    let mut list: Vec<Snapshot> = all(kv)?.into_iter().filter(|s| s.plan_id == plan_id).collect();
    list.reverse();
    Ok(list)
}

/// The stored text of a snapshot.
pub fn read(kv: &dyn KeyValue, key: &str) -> Result<Option<String>, KvError> {
    if Snapshot::parse(key).is_none() {
        return Ok(None);
    }
    kv.get(key)
}

/// One row of the "Earlier versions" list: snapshots next to each other in time, taken for the
/// same reason, that hold the same plan (apart from its save number and time of change, which
/// every save moves). A restore repeated, or the same file imported again, adds such repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The newest of them: the one shown, previewed and restored.
    pub newest: Snapshot,
    /// How many snapshots the row stands for (at least 1).
    pub count: usize,
    /// When the oldest of them was taken.
    pub oldest_taken_at: u64,
}

/// `newest_first` (as [`list`] gives it) with repeats grouped into one row each. A snapshot that
/// cannot be read stays a row of its own.
pub fn grouped(kv: &dyn KeyValue, newest_first: Vec<Snapshot>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut last_text: Option<serde_json::Value> = None;
    for snapshot in newest_first {
        let text = read(kv, &snapshot.key).ok().flatten().and_then(|raw| comparable(&raw));
        match groups.last_mut() {
            Some(group) if group.newest.reason == snapshot.reason && text.is_some() && text == last_text => {
                group.count += 1;
                group.oldest_taken_at = snapshot.taken_at;
            }
            _ => {
                groups.push(Group { oldest_taken_at: snapshot.taken_at, newest: snapshot, count: 1 });
                last_text = text;
            }
        }
    }
    groups
}

/// A stored plan without what every save changes, to compare two versions' content.
fn comparable(raw: &str) -> Option<serde_json::Value> {
    let mut value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let object = value.as_object_mut()?;
    object.remove("revision");
    object.remove("updated_at");
    Some(value)
}

/// Snapshots removed to make room, with their text: a caller whose work fails after all puts
/// them back, so a failed operation costs no history.
#[derive(Debug, Default)]
#[must_use]
pub struct Removed(Vec<(String, String)>);

impl Removed {
    pub fn count(&self) -> usize {
        self.0.len()
    }

    pub fn extend(&mut self, other: Removed) {
        self.0.extend(other.0);
    }

    /// Writes the removed snapshots back (they fitted before, and what took their room is
    /// gone again, so this only fails if another tab filled storage in between).
    pub fn put_back(self, kv: &dyn KeyValue) {
        for (key, value) in self.0 {
            let _ = kv.set(&key, &value);
        }
    }
}

/// Keeps `raw` (a stored plan's text) as a snapshot, then prunes. When storage is full, older
/// snapshots give way (oldest first, never one in `protect`) until this one fits; if it does
/// not fit even then, they are put back and nothing changes.
pub fn take(
    kv: &dyn KeyValue,
    plan_id: &str,
    raw: &str,
    revision: u64,
    reason: Reason,
    now: u64,
    protect: &[&str],
) -> Result<(String, Removed), KvError> {
    let key = snapshot_key(plan_id, now, reason, revision, raw);
    let mut protected: Vec<&str> = protect.to_vec();
    protected.push(&key);
    let removed = make_room(kv, || kv.set(&key, raw), &protected)?;
    prune(kv, now, &protected)?;
    Ok((key, removed))
}

/// Keeps `raw` as a snapshot only if it fits without removing anything; prunes after.
pub fn take_if_fits(
    kv: &dyn KeyValue,
    plan_id: &str,
    raw: &str,
    revision: u64,
    reason: Reason,
    now: u64,
) -> Result<String, KvError> {
    let key = snapshot_key(plan_id, now, reason, revision, raw);
    kv.set(&key, raw)?;
    prune(kv, now, &[&key])?;
    Ok(key)
}

/// Runs `write`; while storage is full and a snapshot not in `protect` exists, removes the
/// oldest and tries again. If `write` still fails, the removed snapshots are put back and the
/// error returned, so a write that cannot succeed costs no history.
pub fn make_room(
    kv: &dyn KeyValue,
    mut write: impl FnMut() -> Result<(), KvError>,
    protect: &[&str],
) -> Result<Removed, KvError> {
    let mut removed = Removed::default();
    loop {
        match write() {
            Err(KvError::QuotaExceeded) => {
                let oldest = all(kv)?.into_iter().find(|s| !protect.contains(&s.key.as_str()));
                let Some(oldest) = oldest else {
                    removed.put_back(kv);
                    return Err(KvError::QuotaExceeded);
                };
                if let Some(value) = kv.get(&oldest.key)? {
                    removed.0.push((oldest.key.clone(), value));
                }
                kv.remove(&oldest.key)?;
            }
            Err(other) => {
                removed.put_back(kv);
                return Err(other);
            }
            Ok(()) => return Ok(removed),
        }
    }
}

/// True when a save at `now` should first keep the version it overwrites.
pub fn due(kv: &dyn KeyValue, plan_id: &str, now: u64) -> Result<bool, KvError> {
    let newest = list(kv, plan_id)?.into_iter().map(|s| s.taken_at).max();
    Ok(newest.is_none_or(|t| now.saturating_sub(t) >= SAVE_SNAPSHOT_EVERY_MS))
}

/// True when a snapshot of this plan, reason and revision exists.
pub fn exists(kv: &dyn KeyValue, plan_id: &str, reason: Reason, revision: u64) -> Result<bool, KvError> {
    Ok(list(kv, plan_id)?.iter().any(|s| s.reason == reason && s.revision == revision))
}

/// Which of one plan's snapshots (newest first) the keep rule keeps.
pub fn keep_rule(newest_first: &[Snapshot], now: u64) -> Vec<bool> {
    let today = now / DAY_MS;
    let mut days_seen: Vec<u64> = Vec::new();
    newest_first
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let day = s.taken_at / DAY_MS;
            let daily = today.saturating_sub(day) < KEEP_DAYS && !days_seen.contains(&day);
            if daily {
                days_seen.push(day);
            }
            i < KEEP_RECENT || daily
        })
        .collect()
}

/// Applies the keep rule to every plan, then the budget (oldest first; a plan's newest
/// snapshot only when nothing else is left over the budget). Snapshots in `protect` (one just
/// taken, one about to be restored) are never removed here.
pub fn prune(kv: &dyn KeyValue, now: u64, protect: &[&str]) -> Result<(), KvError> {
    let mut kept: Vec<Snapshot> = Vec::new();
    let every = all(kv)?;
    let mut plan_ids: Vec<&str> = every.iter().map(|s| s.plan_id.as_str()).collect();
    plan_ids.dedup();
    plan_ids.sort_unstable();
    plan_ids.dedup();
    for plan_id in plan_ids {
        let mut own: Vec<&Snapshot> = every.iter().filter(|s| s.plan_id == plan_id).collect();
        own.reverse();
        let owned: Vec<Snapshot> = own.into_iter().cloned().collect();
        for (snapshot, keep) in owned.iter().zip(keep_rule(&owned, now)) {
            if keep || protect.contains(&snapshot.key.as_str()) {
                kept.push(snapshot.clone());
            } else {
                kv.remove(&snapshot.key)?;
            }
        }
    }
    kept.sort_by(|a, b| a.taken_at.cmp(&b.taken_at).then_with(|| a.key.cmp(&b.key)));
    let mut used: usize = kept.iter().map(|s| s.units).sum();
    for pass_newest in [false, true] {
        let candidates = kept.iter().filter(|s| !protect.contains(&s.key.as_str()));
        for s in candidates.filter(|s| pass_newest || !is_newest_of_plan(s, &kept)) {
            if used <= SNAPSHOT_BUDGET_UNITS {
                return Ok(());
            }
            if kv.get(&s.key)?.is_some() {
                kv.remove(&s.key)?;
                used -= s.units;
            }
        }
    }
    Ok(())
}

fn is_newest_of_plan(s: &Snapshot, all: &[Snapshot]) -> bool {
    all.iter().filter(|o| o.plan_id == s.plan_id).all(|o| o.taken_at <= s.taken_at)
}

/// Units all snapshots use now.
#[cfg(test)]
pub fn used_units(kv: &dyn KeyValue) -> Result<usize, KvError> {
    Ok(all(kv)?.iter().map(|s| s.units).sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryKv;

    fn snap(at: u64) -> Snapshot {
        Snapshot {
            key: format!("k{at}"),
            plan_id: "a".into(),
            taken_at: at,
            reason: Reason::Save,
            revision: 1,
            units: 10,
        }
    }

    #[test]
    fn repeats_next_to_each_other_are_one_row_with_a_count() {
        let kv = MemoryKv::new();
        let plan = |title: &str, revision: u64, updated: u64| {
            format!(r#"{{"id":"a","revision":{revision},"title":"{title}","updated_at":{updated},"answers":{{}}}}"#)
        };
        // Oldest first: a save, then three restores of the same version, an import of another,
        // the same version restored again, and one text that is not a plan.
        let taken = [
            (plan("Gammel", 1, 10), Reason::Save),
            (plan("Nå", 2, 20), Reason::BeforeRestore),
            (plan("Gammel", 3, 30), Reason::BeforeRestore),
            (plan("Gammel", 4, 40), Reason::BeforeRestore),
            (plan("Gammel", 5, 50), Reason::BeforeRestore),
            (plan("Gammel", 6, 60), Reason::BeforeReplace),
            (plan("Ny", 7, 70), Reason::BeforeRestore),
            ("ikke json".to_string(), Reason::BeforeRestore),
            ("ikke json".to_string(), Reason::BeforeRestore),
        ];
        for (i, (text, reason)) in taken.iter().enumerate() {
            let _ = take(&kv, "a", text, i as u64 + 1, *reason, 1_000 + i as u64, &[]).unwrap();
        }
        let rows = grouped(&kv, list(&kv, "a").unwrap());
        let shape: Vec<(u64, usize, u64, Reason)> =
            rows.iter().map(|g| (g.newest.taken_at, g.count, g.oldest_taken_at, g.newest.reason)).collect();
        assert_eq!(
            shape,
            [
                (1_008, 1, 1_008, Reason::BeforeRestore),
                (1_007, 1, 1_007, Reason::BeforeRestore),
                (1_006, 1, 1_006, Reason::BeforeRestore),
                // The same content but another reason is a row of its own.
                (1_005, 1, 1_005, Reason::BeforeReplace),
                // Three alike, told apart only by the save number and time of change.
                (1_004, 3, 1_002, Reason::BeforeRestore),
                (1_001, 1, 1_001, Reason::BeforeRestore),
                (1_000, 1, 1_000, Reason::Save),
            ]
        );
        assert_eq!(rows.iter().map(|g| g.count).sum::<usize>(), taken.len(), "every snapshot is in a row");
        assert!(grouped(&kv, Vec::new()).is_empty());
    }

    #[test]
    fn the_key_holds_its_own_exact_size() {
        let kv = MemoryKv::new();
        for value in ["", "x", &"é".repeat(93), &"😀".repeat(1_000)] {
            let (key, _) = take(&kv, "p-1", value, 3, Reason::BeforeRestore, 5, &[]).unwrap();
            let s = Snapshot::parse(&key).unwrap();
            assert_eq!(s.units, key.encode_utf16().count() + value.encode_utf16().count(), "{value:?}");
            assert_eq!((s.plan_id.as_str(), s.taken_at, s.reason, s.revision), ("p-1", 5, Reason::BeforeRestore, 3));
            kv.remove(&key).unwrap();
        }
    }

    #[test]
    fn keeps_the_ten_newest_and_one_per_day_for_a_week() {
        let now = 30 * DAY_MS;
        // Every hour for 14 days, newest first.
        let list: Vec<Snapshot> = (0..14 * 24).map(|h| snap(now - h * 3_600_000)).collect();
        let keep = keep_rule(&list, now);
        let kept: Vec<u64> = list.iter().zip(&keep).filter(|(_, k)| **k).map(|(s, _)| s.taken_at).collect();
        assert!(keep[..KEEP_RECENT].iter().all(|k| *k), "the ten newest");
        let older_days: Vec<u64> = kept.iter().filter(|t| **t < now - 9 * 3_600_000).map(|t| t / DAY_MS).collect();
        // Days 30 and 29 are among the ten newest; then one per day back to day 24, none older.
        assert_eq!(older_days, [28, 27, 26, 25, 24]);
        assert_eq!(kept.len(), KEEP_RECENT + 5);
    }

    #[test]
    fn budget_drops_oldest_first_and_newest_per_plan_last() {
        let kv = MemoryKv::new();
        let big = "x".repeat(SNAPSHOT_BUDGET_UNITS / 3);
        let now = 10 * DAY_MS;
        let _ = take(&kv, "a", &big, 1, Reason::Save, now, &[]).unwrap();
        let _ = take(&kv, "b", &big, 1, Reason::Save, now + 1, &[]).unwrap();
        let _ = take(&kv, "a", &big, 2, Reason::Save, now + 2, &[]).unwrap();
        let _ = take(&kv, "b", &big, 2, Reason::Save, now + 3, &[]).unwrap();
        assert!(used_units(&kv).unwrap() <= SNAPSHOT_BUDGET_UNITS);
        let left: Vec<(String, u64)> = all(&kv).unwrap().into_iter().map(|s| (s.plan_id, s.revision)).collect();
        assert_eq!(
            left,
            [("a".to_string(), 2), ("b".to_string(), 2)],
            "the oldest of each went; each plan keeps its newest"
        );
    }

    #[test]
    fn full_storage_drops_oldest_snapshots_to_make_room_and_puts_them_back_if_in_vain() {
        let kv = MemoryKv::with_capacity(3_000);
        let now = DAY_MS;
        let _ = take(&kv, "a", &"x".repeat(900), 1, Reason::Save, now, &[]).unwrap();
        let _ = take(&kv, "a", &"y".repeat(900), 2, Reason::Save, now + 1, &[]).unwrap();
        let (_, removed) = take(&kv, "a", &"z".repeat(2_200), 3, Reason::Save, now + 2, &[]).unwrap();
        assert_eq!(removed.count(), 2);
        assert_eq!(list(&kv, "a").unwrap().iter().map(|s| s.revision).collect::<Vec<_>>(), [3]);
        // A snapshot that cannot fit even alone: the one that was removed on the way comes back.
        let before = kv.keys().unwrap();
        assert_eq!(
            take(&kv, "a", &"w".repeat(2_990), 4, Reason::Save, now + 3, &[]).map(|_| ()),
            Err(KvError::QuotaExceeded)
        );
        assert_eq!(kv.keys().unwrap(), before);
    }

    #[test]
    fn protected_snapshots_survive_the_budget_and_a_full_storage() {
        let kv = MemoryKv::new();
        let big = "x".repeat(SNAPSHOT_BUDGET_UNITS + 10);
        let (key, _) = take(&kv, "a", &big, 1, Reason::BeforeReplace, DAY_MS, &[]).unwrap();
        assert!(read(&kv, &key).unwrap().is_some(), "one snapshot over the budget is still kept when just taken");
        let (older, _) = take(&kv, "b", "old", 1, Reason::Save, DAY_MS - 5, &[]).unwrap();
        prune(&kv, DAY_MS, &[&older]).unwrap();
        assert!(read(&kv, &older).unwrap().is_some(), "protected from the budget");
        let full = MemoryKv::with_capacity(200);
        let (keep, _) = take(&full, "a", "k", 1, Reason::Save, 1, &[]).unwrap();
        assert_eq!(
            make_room(&full, || full.set("big", &"b".repeat(170)), &[&keep]).map(|r| r.count()),
            Err(KvError::QuotaExceeded)
        );
        assert!(read(&full, &keep).unwrap().is_some());
    }

    #[test]
    fn foreign_and_malformed_keys_are_not_snapshots() {
        for key in [
            "ioa-planleggeren/snapshot/",
            "ioa-planleggeren/snapshot/a/1/save/1",
            "ioa-planleggeren/snapshot/a/x/save/1/5",
            "ioa-planleggeren/snapshot/a/1/lunch/1/5",
            "ioa-planleggeren/snapshot/a/1/save/1/5/extra",
            "ioa-planleggeren/plan/a",
        ] {
            assert_eq!(Snapshot::parse(key), None, "{key}");
        }
        let kv = MemoryKv::new();
        kv.set("ioa-planleggeren/plan/a", "{}").unwrap();
        assert_eq!(read(&kv, "ioa-planleggeren/plan/a").unwrap(), None, "read gives only snapshots");
    }
}
