//! Reading a file: bytes → text → JSON → envelope → upgraded plans → checked plans.
//!
//! Each stage refuses with its own [`FileError`], so the user is told what the file really is
//! (an image, a cut-off download, another app's JSON) instead of one "could not read".

use super::validate::{keyed, validate};
use super::{json, time, FileError, FileKind, PlanFile, FILE_TYPE, FILE_TYPE_ALL, FORMAT_VERSION, MAX_FILE_BYTES};
use crate::catalog::Catalog;
use crate::migrate::{plan_from_value, LoadError};
use crate::plan::{Answer, DecisionRecord, MergeNote, Plan, RegisterRow, Spine, StepRecord, SCHEMA_VERSION};
use crate::Lang;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// For the UI to refuse a file by its size (`File.size`) before reading it.
pub fn check_size(bytes: u64) -> Result<(), FileError> {
    if bytes == 0 {
        Err(FileError::Empty)
    } else if bytes > MAX_FILE_BYTES {
        Err(FileError::TooLarge { bytes, limit: MAX_FILE_BYTES })
    } else {
        Ok(())
    }
}

/// Reads a file's bytes. Never panics, whatever the bytes.
pub fn read_file(cat: &Catalog, bytes: &[u8]) -> Result<PlanFile, FileError> {
    // What the file is tells the user more than its size ("a photo", not "too large").
    sniff(bytes)?;
    check_size(bytes.len() as u64)?;
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    interpret(cat, json::parse(&text)?)
}

/// Refuses the files people pick by mistake, by their first bytes.
fn sniff(bytes: &[u8]) -> Result<(), FileError> {
    const IMAGES: [&[u8]; 4] = [b"\x89PNG\r\n\x1a\n", b"\xFF\xD8\xFF", b"GIF87a", b"GIF89a"];
    const OFFICE: [&[u8]; 2] = [b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"];
    let at = |range: std::ops::Range<usize>| bytes.get(range).unwrap_or_default();
    let webp = at(0..4) == b"RIFF" && at(8..12) == b"WEBP";
    // "BM" alone starts ordinary words; a real bitmap has a known header size at byte 14.
    let bmp = at(0..2) == b"BM" && matches!(at(14..18), [12 | 40 | 52 | 56 | 64 | 108 | 124, 0, 0, 0]);
    // HEIC/AVIF, as phones save photos: an ISO box "ftyp" with an image brand.
    const HEIF_BRANDS: [&[u8]; 9] = [b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"];
    let heif = at(4..8) == b"ftyp" && HEIF_BRANDS.contains(&at(8..12));
    if IMAGES.iter().any(|m| bytes.starts_with(m)) || webp || bmp || heif {
        Err(FileError::Image)
    } else if OFFICE.iter().any(|m| bytes.starts_with(m)) {
        Err(FileError::WordDocument)
    } else if bytes.starts_with(b"%PDF") {
        Err(FileError::Pdf)
    } else {
        Ok(())
    }
}

/// The file's text: UTF-8 (a byte order mark is dropped), or UTF-16 when a byte order mark
/// says so (Windows Notepad's "Unicode").
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Cow::Owned(utf16(rest, u16::from_le_bytes)?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Cow::Owned(utf16(rest, u16::from_be_bytes)?)
    } else {
        utf8(bytes)?
    };
    // A NUL is never in JSON text: binary data, or UTF-16 read without its byte order mark.
    if text.contains('\0') {
        return Err(FileError::NotText);
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    if bytes.contains(&0) {
        return Err(FileError::NotText);
    }
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|_| FileError::Encoding)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, FileError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(FileError::Encoding);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| FileError::Encoding)
}

/// The JSON value as a file of ours: its kind, its envelope, its plans.
fn interpret(cat: &Catalog, value: Value) -> Result<PlanFile, FileError> {
    let Value::Object(mut top) = value else { return Err(FileError::NotAPlanFile) };
    let kind = match top.get("type").and_then(Value::as_str) {
        Some(FILE_TYPE) => FileKind::Single,
        Some(FILE_TYPE_ALL) => FileKind::All,
        // A bare plan has no envelope; another app's JSON has no schema_version.
        _ if top.get("schema_version").is_some_and(Value::is_number) => return bare(cat, Value::Object(top)),
        _ => return Err(FileError::NotAPlanFile),
    };
    let format = envelope_version(&top, "formatVersion")?;
    if format > u64::from(FORMAT_VERSION) {
        return Err(FileError::NewerFormat { found: format });
    }
    let schema = envelope_version(&top, "schemaVersion")?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(FileError::NewerSchema { found: schema, supported: SCHEMA_VERSION });
    }
    let values = match kind {
        FileKind::Single => vec![("plan".to_string(), take(&mut top, "plan")?)],
        _ => match take(&mut top, "plans")? {
            Value::Array(items) => items.into_iter().enumerate().map(|(i, v)| (format!("plans[{i}]"), v)).collect(),
            _ => return Err(invalid("plans", "not a list")),
        },
    };
    let mut plans = Vec::with_capacity(values.len());
    for (part, value) in &values {
        plans.push(plan_at(cat, value, part, Some(schema))?);
    }
    unique_ids(&plans)?;
    // Envelope details are informative only: one that cannot be read is left out, not refused.
    Ok(PlanFile {
        kind,
        plans,
        app_version: top.get("appVersion").and_then(Value::as_str).map(str::to_string),
        exported_at_ms: top.get("exportedAt").and_then(Value::as_str).and_then(time::ms_from_iso),
    })
}

fn bare(cat: &Catalog, value: Value) -> Result<PlanFile, FileError> {
    let plan = plan_at(cat, &value, "plan", None)?;
    Ok(PlanFile { kind: FileKind::BarePlan, plans: vec![plan], app_version: None, exported_at_ms: None })
}

/// `formatVersion` or `schemaVersion`: a whole number from 1.
fn envelope_version(top: &Map<String, Value>, name: &str) -> Result<u64, FileError> {
    let value = top.get(name).ok_or_else(|| missing(name))?;
    value.as_u64().filter(|v| *v >= 1).ok_or_else(|| invalid(name, "not a version number (1, 2, …)"))
}

fn take(top: &mut Map<String, Value>, name: &str) -> Result<Value, FileError> {
    top.remove(name).ok_or_else(|| missing(name))
}

/// One plan of the file, upgraded and checked. `expected` is the envelope's `schemaVersion`.
fn plan_at(cat: &Catalog, value: &Value, part: &str, expected: Option<u64>) -> Result<Plan, FileError> {
    let Some(object) = value.as_object() else { return Err(invalid(part, "not an object")) };
    let version_at = format!("{part}.schema_version");
    let found = object.get("schema_version").ok_or_else(|| missing(&version_at))?;
    let found =
        found.as_u64().filter(|v| *v >= 1).ok_or_else(|| invalid(&version_at, "not a version number (1, 2, …)"))?;
    if let Some(expected) = expected.filter(|e| *e != found) {
        // The envelope and the plan disagree: one of them was edited, so neither can be trusted.
        return Err(invalid("schemaVersion", &format!("is {expected}, but {version_at} is {found}")));
    }
    let plan = match plan_from_value(value) {
        Ok((plan, _)) => plan,
        Err(LoadError::TooNew { found, supported }) => return Err(FileError::NewerSchema { found, supported }),
        Err(LoadError::MigrationFailed { from, .. }) => return Err(FileError::CannotUpgrade { from }),
        Err(LoadError::Invalid(detail)) => return Err(locate(object, part).unwrap_or_else(|| invalid(part, &detail))),
        Err(LoadError::NotAPlan | LoadError::NotJson(_)) => return Err(invalid(part, "not a plan")),
    };
    validate(cat, &plan, part)?;
    Ok(plan)
}

/// Two plans with one id in an "all plans" file: importing both would make one overwrite the
/// other.
fn unique_ids(plans: &[Plan]) -> Result<(), FileError> {
    let mut seen = BTreeSet::new();
    match plans.iter().position(|p| !seen.insert(p.id.as_str())) {
        Some(i) => Err(invalid(&format!("plans[{i}].id"), "the same id as an earlier plan")),
        None => Ok(()),
    }
}

/// Fields of [`Plan`] without a serde default.
const REQUIRED: [&str; 6] = ["schema_version", "id", "revision", "title", "created_at", "updated_at"];

/// The part of a plan serde refused, found by reading each part on its own (only done after a
/// refusal, so a good file is read once). Serde's message names a missing field but not where
/// it is; this says `plan.registers["needs"][3].id`.
fn locate(plan: &Map<String, Value>, part: &str) -> Option<FileError> {
    let at = |name: &str| format!("{part}.{name}");
    if let Some(name) = REQUIRED.iter().find(|name| !plan.contains_key(**name)) {
        return Some(missing(&at(name)));
    }
    plan.iter().find_map(|(name, value)| {
        let at = at(name);
        match name.as_str() {
            "schema_version" | "revision" | "created_at" | "updated_at" => probe::<u64>(value, &at),
            "id" | "title" | "organisation" | "case_number" => probe::<String>(value, &at),
            "language" => probe::<Lang>(value, &at),
            "document_languages" => entries(value, &at, probe::<Lang>),
            "whole_document" => probe::<crate::plan::WholeDocument>(value, &at),
            "answers" => entries(value, &at, probe::<Answer>),
            "done_steps" => items(value, &at, probe::<String>),
            "steps" => entries(value, &at, probe::<StepRecord>),
            "spine" => probe::<Option<Spine>>(value, &at),
            "registers" => entries(value, &at, |rows, at| items(rows, at, probe::<RegisterRow>)),
            "decision" => decision(value, &at),
            "merge_notes" => items(value, &at, probe::<MergeNote>),
            "drafts" => entries(value, &at, probe::<String>),
            _ => None,
        }
    })
}

fn decision(value: &Value, at: &str) -> Option<FileError> {
    let Some(object) = value.as_object() else { return probe::<DecisionRecord>(value, at) };
    object.iter().find_map(|(name, value)| {
        let at = format!("{at}.{name}");
        match name.as_str() {
            "answers" => entries(value, &at, probe::<String>),
            "chosen_route" => probe::<Option<String>>(value, &at),
            "chosen_reason" => probe::<String>(value, &at),
            _ => None,
        }
    })
}

/// Each entry of a map on its own (or the whole, when it is not a map).
fn entries(value: &Value, at: &str, each: impl Fn(&Value, &str) -> Option<FileError>) -> Option<FileError> {
    match value {
        Value::Object(map) => map.iter().find_map(|(key, v)| each(v, &keyed(at, key))),
        other => probe::<BTreeMap<String, Value>>(other, at),
    }
}

/// Each item of a list on its own (or the whole, when it is not a list).
fn items(value: &Value, at: &str, each: impl Fn(&Value, &str) -> Option<FileError>) -> Option<FileError> {
    match value {
        Value::Array(list) => list.iter().enumerate().find_map(|(i, v)| each(v, &format!("{at}[{i}]"))),
        other => probe::<Vec<Value>>(other, at),
    }
}

/// Serde's refusal of `value` as a `T`, as a part path: "missing field `id`" becomes a
/// missing `<at>.id`; anything else is an invalid `<at>` with serde's words as the detail.
fn probe<T: DeserializeOwned>(value: &Value, at: &str) -> Option<FileError> {
    // An owned copy, for the same code-size reason as `migrate::plan_from_value` (this runs only
    // after a refusal).
    let error = serde_json::from_value::<T>(value.clone()).err()?.to_string();
    let field = error.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    Some(match field {
        Some(field) => missing(&format!("{at}.{field}")),
        None => invalid(at, &error),
    })
}

fn missing(part: &str) -> FileError {
    FileError::MissingPart { part: part.to_string() }
}

fn invalid(part: &str, detail: &str) -> FileError {
    FileError::InvalidPart { part: part.to_string(), detail: detail.to_string() }
}
