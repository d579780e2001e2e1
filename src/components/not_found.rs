//! The "not found" view: shown for an unknown route, and by pages for an unknown tool, step
//! or phase (a component, so pages never import another page).

use crate::i18n::txt;
use crate::title::title_from;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    title_from("not_found.title");
    view! {
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("not_found.title")}</h1>
        <p class="ds-paragraph">{txt("not_found.body")}</p>
        <p class="ds-paragraph"><a class="ds-link" href=Route::Home.href()>{txt("common.to_library")}</a></p>
    }
}
