//! What the app prints and hands out, as one document model ([`tool::Document`]: sections of
//! items, no HTML). Each file here builds or renders one kind:
//!
//! - [`tool`]: one worksheet's document from a plan's answers, and the model itself;
//! - [`decision`]: the decision helper's result as sections, shared by the memo and the plan;
//! - [`plan`]: the whole plan for the case file;
//! - [`markdown`]: the whole plan as CommonMark (the print view and Word render the same model);
//! - [`comparison`]: several plans side by side, for the learning network.

pub mod comparison;
pub mod decision;
pub mod markdown;
pub mod plan;
pub mod tool;
