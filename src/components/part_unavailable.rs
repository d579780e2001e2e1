//! Shown when a part of the app could not be downloaded (offline before the offline copy was
//! made, or the server gone): says so in the user's language and offers to try again. The
//! plans are in this browser's storage and are not touched.

use crate::i18n::txt;
use crate::title::title_from;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn PartUnavailable(retry: Callback<()>) -> impl IntoView {
    title_from("part.unavailable.title");
    view! {
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("part.unavailable.title")}</h1>
        <p class="ds-paragraph">{txt("part.unavailable.body")}</p>
        <p class="ds-paragraph">
            <button type="button" class="ds-button" data-variant="primary" on:click=move |_| retry.run(())>
                {txt("part.unavailable.retry")}
            </button>
        </p>
        <p class="ds-paragraph"><a class="ds-link" href=Route::Home.href()>{txt("common.to_library")}</a></p>
    }
}
