//! The storage layout: which keys this app writes, and the version that says how to read them.
//!
//! Layout (version [`LAYOUT_VERSION`]):
//!
//! - `ioa-planleggeren/layout` – the layout version;
//! - `ioa-planleggeren/index` – the library index (summaries, a cache rebuilt from the plan keys);
//! - `ioa-planleggeren/plan/<id>` – one plan as JSON;
//! - `ioa-planleggeren/quarantine/<id>/<time>` – a stored value that could not be read, kept as is;
//! - `ioa-planleggeren/snapshot/<id>/…` – earlier versions of a plan ([`super::snapshots`]);
//! - `ioa-planleggeren/exports` – when each plan was last exported from this browser;
//! - `ioa-planleggeren/prefs` – the chosen language.
//!
//! Every other part of storage builds its keys here, so the whole layout reads in one place, and
//! a newer app's layout is refused here before anything reads or writes.

use super::{KeyValue, KvError};

pub const LAYOUT_VERSION: u32 = 1;
pub const PREFIX: &str = "ioa-planleggeren/";
pub const LAYOUT_KEY: &str = "ioa-planleggeren/layout";
pub const INDEX_KEY: &str = "ioa-planleggeren/index";
pub const PREFS_KEY: &str = "ioa-planleggeren/prefs";
pub const EXPORTS_KEY: &str = "ioa-planleggeren/exports";
pub(super) const PLAN_PREFIX: &str = "ioa-planleggeren/plan/";
pub(super) const QUARANTINE_PREFIX: &str = "ioa-planleggeren/quarantine/";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

pub fn quarantine_key(id: &str, now: u64) -> String {
    format!("{QUARANTINE_PREFIX}{id}/{now}")
}

/// The plan id a storage key belongs to, if it is a plan key.
pub fn plan_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PLAN_PREFIX)
}

/// Storage was written by a newer app version: this one must not write to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutTooNew {
    pub found: String,
}

/// Refuses a layout a newer app version wrote, and writes this one's on a first run (a failure
/// there surfaces on the first real write).
pub(super) fn check_layout(kv: &dyn KeyValue) -> Result<Result<(), LayoutTooNew>, KvError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::*;

    #[test]
    fn newer_layout_is_left_alone() {
        let kv = MemoryKv::new();
        kv.set(LAYOUT_KEY, "7").unwrap();
        kv.set(&plan_key("x"), "whatever").unwrap();
        let result = load_library(&kv, 1).unwrap();
        assert_eq!(result, Err(LayoutTooNew { found: "7".into() }));
        assert_eq!(kv.get(&plan_key("x")).unwrap().as_deref(), Some("whatever"));
    }
}
