//! Pure domain core of IOA-planleggeren.
//!
//! Everything here compiles and is tested on the host: the plan model and its rules, the storage
//! layout (over a [`storage::KeyValue`] trait the browser implements), the worksheet content and
//! its engine, the decision helper, and the UI text tables. Nothing here touches `web-sys`.

pub mod amount;
pub mod benefit;
pub mod bundle;
pub mod catalog;
pub mod content;
pub mod content_check;
pub mod decision;
pub mod decision_text;
pub mod documents;
pub mod examples;
pub mod format;
pub mod guide;
pub mod i18n;
mod ids;
pub mod lang;
pub mod legal;
pub mod library;
pub mod migrate;
pub mod plan;
pub mod plan_file;
pub mod progress;
pub mod route;
pub mod storage;
pub mod text;
pub mod thresholds;

pub use lang::Lang;
pub use plan::{Answer, Plan};
