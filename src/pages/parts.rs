//! The views whose code is downloaded only when first shown (see `crate::split`): the library
//! is in the main wasm, everything else comes in parts. public/boot.js knows which part each
//! route needs too (`ROUTE_PART`), to preload it on a deep link.

use crate::pages::{about::AboutPage, compare::ComparePage, facts::FactsPage, plan_scope::PlanScope};
use crate::split::lazy_fn;
use leptos::prelude::*;

lazy_fn!(
    /// Everything under `#/plan/<id>`: the tools, the decision, the roadmap, the documents.
    in plan: fn plan_scope(id: String) -> AnyView => view! { <PlanScope id=id/> }.into_any()
);
lazy_fn!(
    /// The learning network's side-by-side view.
    in compare: fn compare() -> AnyView => view! { <ComparePage/> }.into_any()
);
lazy_fn!(
    /// The legal facts and their sources.
    in info: fn facts() -> AnyView => view! { <FactsPage/> }.into_any()
);
lazy_fn!(
    /// About and privacy.
    in info: fn about() -> AnyView => view! { <AboutPage/> }.into_any()
);
