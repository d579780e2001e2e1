//! The worksheet engine's UI: one editor per field kind, driven entirely by content data.

pub mod field;
pub mod rows;
mod simple;
pub mod step_record;

pub use field::FieldEditor;
pub use step_record::StepRecordEditor;
