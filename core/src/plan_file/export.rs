//! Writing a file. Every export is read back with [`read_file`] before it is handed out, so a
//! file the app would refuse to import is never written.

use super::{read_file, time, ExportError, FileKind, FILE_TYPE, FILE_TYPE_ALL, FORMAT_VERSION, MAX_FILE_BYTES};
use crate::catalog::Catalog;
use crate::plan::{Plan, SCHEMA_VERSION};
use crate::Lang;
use serde::Serialize;
use std::collections::BTreeSet;

/// What the envelope says about the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportMeta<'a> {
    pub app_version: &'a str,
    /// Milliseconds since the Unix epoch; written as UTC (`2026-12-01T10:15:00Z`).
    pub exported_at_ms: u64,
    /// The interface language at export.
    pub language: Lang,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    format_version: u32,
    schema_version: u32,
    app_version: &'a str,
    exported_at: String,
    language: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a Plan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plans: Option<&'a [Plan]>,
}

impl<'a> Envelope<'a> {
    fn new(kind: &'static str, schema_version: u32, meta: &ExportMeta<'a>) -> Self {
        Envelope {
            kind,
            format_version: FORMAT_VERSION,
            schema_version,
            app_version: meta.app_version,
            exported_at: time::iso_from_ms(meta.exported_at_ms),
            language: meta.language,
            plan: None,
            plans: None,
        }
    }
}

/// Pretty-printed UTF-8 JSON for one plan, verified to read back as exactly `plan`.
pub fn export_plan(cat: &Catalog, plan: &Plan, meta: &ExportMeta) -> Result<String, ExportError> {
    let envelope = Envelope { plan: Some(plan), ..Envelope::new(FILE_TYPE, plan.schema_version, meta) };
    verified(cat, &envelope, FileKind::Single, std::slice::from_ref(plan))
}

/// One file holding every plan, verified the same way. The app holds only current plans, so
/// the file's `schemaVersion` is the current one.
pub fn export_all(cat: &Catalog, plans: &[Plan], meta: &ExportMeta) -> Result<String, ExportError> {
    let envelope = Envelope { plans: Some(plans), ..Envelope::new(FILE_TYPE_ALL, SCHEMA_VERSION, meta) };
    verified(cat, &envelope, FileKind::All, plans)
}

fn verified(cat: &Catalog, envelope: &Envelope, kind: FileKind, plans: &[Plan]) -> Result<String, ExportError> {
    let json = serde_json::to_string_pretty(envelope).map_err(|e| ExportError::NotRoundTrip(e.to_string()))?;
    let bytes = json.len() as u64;
    if bytes > MAX_FILE_BYTES {
        return Err(ExportError::TooLarge { bytes, limit: MAX_FILE_BYTES });
    }
    let read =
        read_file(cat, json.as_bytes()).map_err(|e| ExportError::NotRoundTrip(format!("reading it back: {e:?}")))?;
    if read.kind != kind || read.plans.len() != plans.len() {
        return Err(ExportError::NotRoundTrip(format!("read back {:?} with {} plans", read.kind, read.plans.len())));
    }
    match read.plans.iter().zip(plans).find(|(back, plan)| back != plan) {
        Some((back, plan)) => {
            Err(ExportError::NotRoundTrip(format!("plan {} differs in {}", plan.id, difference(back, plan))))
        }
        None => Ok(json),
    }
}

/// The names of the top-level fields in which two plans differ, for the log.
fn difference(a: &Plan, b: &Plan) -> String {
    use serde_json::{to_value, Value};
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) = (to_value(a), to_value(b)) else { return "its JSON".into() };
    let fields: BTreeSet<&str> =
        a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).map(String::as_str).collect();
    fields.into_iter().collect::<Vec<_>>().join(", ")
}
