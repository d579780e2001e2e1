//! Plans that could not be read: moved aside under their own key, so the rest of the library
//! loads and the text is never lost, then listed, read and discarded from the recovery view.

use super::layout::{plan_key, quarantine_key, QUARANTINE_PREFIX};
use super::{KeyValue, KvError};
use crate::migrate::LoadError;

/// A stored value that could not be read and was moved aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    pub plan_id: String,
    /// Where the unreadable value now is (`None` if moving it failed and it stayed in place).
    pub kept_at: Option<String>,
    pub error: LoadError,
}

/// Moves the text of a plan that could not be read to a quarantine key. Returns where it went
/// (`None` if moving it failed and it stayed in place).
pub(super) fn set_aside(kv: &dyn KeyValue, id: &str, raw: &str, now: u64) -> Option<String> {
    let target = quarantine_key(id, now);
    match kv.set(&target, raw) {
        Ok(()) => kv.remove(&plan_key(id)).ok().map(|_| target),
        Err(_) => None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::LoadError;
    use crate::storage::testing::*;
    use crate::storage::*;

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
}
