//! A stored plan's revision, read from its first bytes.
//!
//! Every save checks the stored revision (another tab may have saved in between). Reading it
//! from the head of the stored text, not by parsing a plan of half a megabyte, keeps a save
//! cheap; this file holds that shortcut and the full parse it falls back on.

use super::layout::plan_key;
use super::{KeyValue, KvError};
use serde::Deserialize;

#[derive(Deserialize)]
struct RevisionPeek {
    revision: u64,
}

/// A plan's stored text and the revision it holds (`None` when it cannot be read).
pub(super) fn stored(kv: &dyn KeyValue, id: &str) -> Result<Option<(String, Option<u64>)>, KvError> {
    Ok(kv.get(&plan_key(id))?.map(|raw| {
        let revision = peek_revision(&raw);
        (raw, revision)
    }))
}

/// How far into a stored plan [`stored_head`] looks for its revision.
const REVISION_HEAD_CHARS: usize = 512;

/// Whether a plan is stored, and its revision (`Some(None)`: stored, revision unreadable), read
/// from the plan's first bytes; only a plan whose revision is not among them is read in full.
pub(super) fn stored_head(kv: &dyn KeyValue, id: &str) -> Result<Option<Option<u64>>, KvError> {
    let key = plan_key(id);
    let Some(head) = kv.get_head(&key, REVISION_HEAD_CHARS)? else { return Ok(None) };
    match revision_in_head(&head) {
        Some(revision) => Ok(Some(Some(revision))),
        None => Ok(kv.get(&key)?.map(|raw| peek_revision(&raw))),
    }
}

/// The top-level `revision` of a stored plan. The app writes it among the first fields (see
/// [`Plan`](crate::plan::Plan)'s field order), so a few bytes tell it: no parse of a plan of half a megabyte on
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Answer;
    use crate::storage::testing::*;
    use crate::storage::*;

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
}
