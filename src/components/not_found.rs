//! The "not found" view: shown for an unknown route, and by pages for an unknown tool, step
//! or phase (a component, so pages never import another page).

use crate::title::set_title;
use crate::i18n::{tr, txt};
use crate::state::use_app;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| {
        let lang = app.lang.get();
        set_title(tr(lang, "not_found.title"), lang);
    });
    view! {
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("not_found.title")}</h1>
        <p class="ds-paragraph">{txt("not_found.body")}</p>
        <p class="ds-paragraph"><a class="ds-link" href=Route::Home.href()>{txt("common.to_library")}</a></p>
    }
}
