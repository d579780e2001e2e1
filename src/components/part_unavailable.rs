//! Shown when a part of the app could not be downloaded (offline before the offline copy was
//! made, or the server gone): says so in the user's language and offers to try again. When the
//! part is gone because a new build replaced this tab's on the server, it says that instead and
//! offers a reload. The plans are in this browser's storage and are not touched.

use crate::app_update::{self, AppUpdate};
use crate::i18n::txt;
use crate::state::use_app;
use crate::title::title_from;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn PartUnavailable(retry: Callback<()>) -> impl IntoView {
    title_from("part.unavailable.title");
    // The part is missing because a new build replaced this tab's on the server: not a network
    // problem, and trying again cannot help; a reload can (src/app_update.rs, Stale).
    let update = use_app().update;
    let stale = move || update.get() == AppUpdate::Stale;
    let pick = move |if_stale: &'static str, otherwise: &'static str| {
        let (a, b) = (txt(if_stale), txt(otherwise));
        move || if stale() { a() } else { b() }
    };
    let act = move |_: leptos::ev::MouseEvent| if stale() { app_update::reload() } else { retry.run(()) };
    view! {
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("part.unavailable.title")}</h1>
        <p class="ds-paragraph">{pick("part.unavailable.stale", "part.unavailable.body")}</p>
        <p class="ds-paragraph">
            <button type="button" class="ds-button" data-variant="primary" on:click=act>
                {pick("update.stale.action", "part.unavailable.retry")}
            </button>
        </p>
        <p class="ds-paragraph"><a class="ds-link" href=Route::Home.href()>{txt("common.to_library")}</a></p>
    }
}
