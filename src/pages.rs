//! One module per view.

pub mod decision;
pub mod document;
pub mod facts;
pub mod home;
pub mod not_found;
pub mod overview;
pub mod plan_scope;
pub mod step;
pub mod versions;
