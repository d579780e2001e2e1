//! Says when a new build of the app is ready, and switches only when the user asks: a new
//! version never reloads the page under someone's typing.

use crate::app_update::{self, AppUpdate};
use crate::i18n::txt;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let update = use_app().update;
    move || {
        let (title, body, action, act): (_, _, _, fn()) = match update.get() {
            AppUpdate::Current => return None,
            AppUpdate::Ready => {
                ("update.ready.title", "update.ready.body", "update.ready.action", app_update::use_new_build)
            }
            AppUpdate::Elsewhere => {
                ("update.elsewhere.title", "update.elsewhere.body", "update.elsewhere.action", app_update::reload)
            }
            AppUpdate::Stale => ("update.stale.title", "update.stale.body", "update.stale.action", app_update::reload),
        };
        Some(view! {
            <div class="ds-alert banner" data-color="info" role="status" data-testid="update-banner">
                <h2 class="ds-heading" data-size="xs">{txt(title)}</h2>
                <p class="ds-paragraph">{txt(body)}</p>
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| act()>
                    {txt(action)}
                </button>
            </div>
        })
    }
}
