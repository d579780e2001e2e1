//! Reusable pieces of the interface.

pub mod amount_input;
pub mod banners;
pub mod button;
pub mod choices;
pub mod decision_link;
pub mod dialog;
pub mod document_body;
pub mod document_language;
pub mod export_button;
pub mod keep_storage_note;
pub mod last_export;
pub mod legal_rule;
pub mod not_found;
pub mod part_unavailable;
pub mod place_link;
pub mod plan_details_fields;
pub mod plan_header;
pub mod rich_text;
pub mod save_status;
pub mod shared_note;
pub mod shell;
pub mod source_link;
pub mod status_tag;
pub mod update_banner;
pub mod value_regime;
