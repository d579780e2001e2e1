//! One module per view.

pub mod about;
pub mod compare;
pub mod crosswalk;
pub mod decision;
pub mod document;
pub mod facts;
pub mod overview;
pub mod parts;
pub mod phase;
pub mod plan_document;
pub mod plan_scope;
pub mod roadmap;
pub mod step;
pub mod versions;
