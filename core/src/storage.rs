//! The storage layout and its rules, over any key–value store.
//!
//! The browser's `localStorage` implements [`KeyValue`] in the app crate; [`MemoryKv`] serves the
//! tests and the in-memory fallback when storage is unavailable. The keys are listed in
//! `layout`. One job a file:
//!
//! - `kv`: the key–value trait and the in-memory store;
//! - `layout`: the keys and the layout version;
//! - `index`: the library index, which lists the library without reading every plan;
//! - `load`: reading the whole library (the full check) or one plan;
//! - `quarantine`: plans that could not be read, set aside;
//! - `revision`: a stored plan's revision, read from its first bytes;
//! - `save`: saving as the next revision, with the conflict check and a confirmed write;
//! - `replace` and `import`: writing over a plan, and adding a file's plans, all or nothing;
//! - `delete`: deleting a plan and undoing that;
//! - [`snapshots`]: earlier versions of each plan, and what gives way when storage is full;
//! - `exports`, `prefs`, `inventory`: records beside the plans, and what the app keeps.
//!
//! The errors and outcome every writing operation shares are here.

mod delete;
mod exports;
mod import;
mod index;
mod inventory;
mod kv;
mod layout;
mod load;
mod prefs;
mod quarantine;
mod replace;
mod revision;
mod save;
pub mod snapshots;

#[cfg(test)]
mod testing;

pub use delete::{delete_plan, undo_delete, DeletedPlan};
pub use exports::{export_records, record_export, ExportRecord};
pub use import::import_new;
pub use index::{list_library, read_index};
pub use inventory::{inventory, Inventory};
pub use kv::{utf16_len, KeyValue, KvError, MemoryKv};
pub use layout::{
    plan_id_of_key, plan_key, quarantine_key, LayoutTooNew, EXPORTS_KEY, INDEX_KEY, LAYOUT_KEY, LAYOUT_VERSION, PREFIX,
    PREFS_KEY,
};
pub use load::{load_library, load_plan, open_plan, LoadReport};
pub use prefs::{load_lang, save_lang};
pub use quarantine::{discard_quarantined, quarantined, read_quarantined, QuarantineEntry, Quarantined};
pub use replace::{replace_plan, restore_snapshot};
pub use revision::stored_revision;
pub use save::{force_save_plan, save_plan};

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

/// What a successful save had to do besides writing the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOutcome {
    /// Snapshots removed because storage was full (the user is told).
    pub snapshots_dropped: usize,
}
