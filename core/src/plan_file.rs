//! The plan file: what "Export" writes and "Import" reads.
//!
//! A file is a small JSON envelope around one plan (or, for "export all", a list of plans):
//!
//! ```json
//! { "type": "ioa-planleggeren/plan", "formatVersion": 1, "schemaVersion": 2,
//!   "appVersion": "0.1.0", "exportedAt": "2026-12-01T10:15:00Z", "language": "nb",
//!   "plan": { ...the plan exactly as it is stored... } }
//! ```
//!
//! `formatVersion` versions the envelope; `schemaVersion` repeats the plan's own
//! `schema_version`, so a reader can refuse a newer plan before looking inside. A bare stored
//! plan (what the recovery view downloads) is read too. Every plan read goes through the same
//! upgrade chain as a stored plan ([`crate::migrate`]) and is then checked against the content,
//! so an imported plan never holds what the app could not have written. An export is read back
//! before it is handed out: a file that would not import is never written.

mod export;
mod json;
mod name;
mod read;
mod time;
mod validate;

#[cfg(test)]
mod tests;

pub use export::{export_all, export_plan, ExportMeta};
pub use name::{file_name, file_name_as, file_stamp};
pub use read::{check_size, read_file};
pub use validate::{MAX_DETAIL_CHARS, MAX_NUMBER_DIGITS};

use crate::plan::Plan;

/// `type` of a file holding one plan.
pub const FILE_TYPE: &str = "ioa-planleggeren/plan";
/// `type` of a file holding every plan of a browser ("export all plans").
pub const FILE_TYPE_ALL: &str = "ioa-planleggeren/plans";
/// Version of the envelope. Raise it only when the envelope itself changes shape.
pub const FORMAT_VERSION: u32 = 1;
/// Largest file accepted: 3 MiB. localStorage holds about 5 M UTF-16 units per origin in
/// Chromium/Firefox; a bigger plan could not be stored anyway.
pub const MAX_FILE_BYTES: u64 = 3 * 1024 * 1024;

/// A file that was read.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFile {
    pub kind: FileKind,
    /// Upgraded to the current schema and checked against the content.
    pub plans: Vec<Plan>,
    /// Envelope details, when the file has them (a bare plan has none).
    pub app_version: Option<String>,
    pub exported_at_ms: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// One plan in an envelope ([`FILE_TYPE`]).
    Single,
    /// Several plans in an envelope ([`FILE_TYPE_ALL`]).
    All,
    /// A bare stored plan (what the recovery view downloads from a quarantined value).
    BarePlan,
}

/// Why a file was not read. Each has a message ([`FileError::message_key`]) that says what
/// happened and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// 0 bytes, or only whitespace.
    Empty,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// PNG, JPEG, GIF, WebP, BMP or HEIC/AVIF.
    Image,
    /// A ZIP container (docx, xlsx, odt, zip) or an OLE file (.doc, .xls).
    WordDocument,
    Pdf,
    /// Other binary data: NUL bytes, or UTF-16 without a byte order mark.
    NotText,
    /// Not valid UTF-8 (or broken UTF-16 after a byte order mark).
    Encoding,
    /// The JSON ends early: the file was cut off.
    Truncated,
    /// A JSON syntax error, where serde_json found it (1-based).
    Damaged {
        line: usize,
        column: usize,
    },
    /// Nested deeper than serde_json's recursion limit.
    TooDeep,
    /// The same key twice in one JSON object, anywhere in the file.
    DuplicateKey {
        key: String,
    },
    /// Valid JSON, but not a file of this app.
    NotAPlanFile,
    /// The envelope is of a newer format than this app reads.
    NewerFormat {
        found: u64,
    },
    /// A plan is of a newer schema than this app reads.
    NewerSchema {
        found: u64,
        supported: u32,
    },
    /// An upgrade step failed for a plan of schema `from`.
    CannotUpgrade {
        from: u32,
    },
    /// A required part is absent, e.g. `formatVersion`, `plan`, `plan.title`, `plans[2].id`.
    MissingPart {
        part: String,
    },
    /// A part holds what the app would never write. `detail` is English, for the log.
    InvalidPart {
        part: String,
        detail: String,
    },
}

impl FileError {
    /// Locale key of the message shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            FileError::Empty => "file_error.empty",
            FileError::TooLarge { .. } => "file_error.too_large",
            FileError::Image => "file_error.image",
            FileError::WordDocument => "file_error.word_document",
            FileError::Pdf => "file_error.pdf",
            FileError::NotText => "file_error.not_text",
            FileError::Encoding => "file_error.encoding",
            FileError::Truncated => "file_error.truncated",
            FileError::Damaged { .. } => "file_error.damaged",
            FileError::TooDeep => "file_error.too_deep",
            FileError::DuplicateKey { .. } => "file_error.duplicate_key",
            FileError::NotAPlanFile => "file_error.not_a_plan_file",
            FileError::NewerFormat { .. } => "file_error.newer_format",
            FileError::NewerSchema { .. } => "file_error.newer_schema",
            FileError::CannotUpgrade { .. } => "file_error.cannot_upgrade",
            FileError::MissingPart { .. } => "file_error.missing_part",
            FileError::InvalidPart { .. } => "file_error.invalid_part",
        }
    }

    /// Values for the message's placeholders: `limit` (e.g. "3 MB"), `found`, `supported`,
    /// `line`, `column`, `key`, `part`, `detail`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FileError::TooLarge { limit, .. } => vec![("limit", megabytes(*limit))],
            FileError::Damaged { line, column } => vec![("line", line.to_string()), ("column", column.to_string())],
            FileError::DuplicateKey { key } => vec![("key", key.clone())],
            FileError::NewerFormat { found } => vec![("found", found.to_string())],
            FileError::NewerSchema { found, supported } => {
                vec![("found", found.to_string()), ("supported", supported.to_string())]
            }
            FileError::CannotUpgrade { from } => vec![("found", from.to_string())],
            FileError::MissingPart { part } => vec![("part", part.clone())],
            FileError::InvalidPart { part, detail } => vec![("part", part.clone()), ("detail", detail.clone())],
            _ => Vec::new(),
        }
    }
}

/// Why an export was stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The file did not read back as the plans it was made from (the detail is for the log).
    NotRoundTrip(String),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
}

impl ExportError {
    /// Locale key of the message shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            ExportError::NotRoundTrip(_) => "export_error.not_round_trip",
            ExportError::TooLarge { .. } => "export_error.too_large",
        }
    }

    /// Values for the message's placeholders: `limit`, and `detail` for the log.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ExportError::NotRoundTrip(detail) => vec![("detail", detail.clone())],
            ExportError::TooLarge { limit, .. } => vec![("limit", megabytes(*limit))],
        }
    }
}

/// "3 MB" for a limit in bytes (MiB, as people say MB), rounded down.
fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}
