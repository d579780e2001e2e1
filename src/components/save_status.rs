//! The save indicator shown on every plan page, and the conflict choices.

use crate::i18n::{tr, txt};
use crate::session::{use_session, SaveStatus};
use crate::state::{navigate, use_app};
use ioa_core::route::Route;
use ioa_core::storage::SaveError;
use leptos::prelude::*;

/// Always visible in a plan: saved / saving / not saved, with what to do.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let text = move || {
        let lang = app.lang.get();
        match session.status.get() {
            SaveStatus::Saved { .. } if session.memory_only() => tr(lang, "save.memory_only"),
            SaveStatus::Saved { .. } => tr(lang, "save.saved"),
            SaveStatus::Pending => tr(lang, "save.pending"),
            SaveStatus::Failed(_) => tr(lang, "save.failed"),
            SaveStatus::Conflict => tr(lang, "save.conflict"),
        }
    };
    let state = move || match session.status.get() {
        SaveStatus::Saved { .. } if session.memory_only() => "warning",
        SaveStatus::Saved { .. } => "saved",
        SaveStatus::Pending => "pending",
        SaveStatus::Failed(_) | SaveStatus::Conflict => "error",
    };
    view! {
        // Not a live region: it changes on every save while typing. Failures are announced by
        // the alerts below instead.
        <p class="save-indicator" data-state=state data-testid="save-status">
            <span class="save-indicator__dot" aria-hidden="true"></span>
            {text}
        </p>
        <SaveProblem/>
    }
}

/// What went wrong with saving, and the ways out. Nothing typed is lost: the plan stays in memory.
#[component]
fn SaveProblem() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let copy_error = RwSignal::new(false);
    let failure = move || match session.status.get() {
        SaveStatus::Failed(e) => Some(e),
        _ => None,
    };
    let save_copy = move |_| {
        let lang = app.lang.get_untracked();
        let title =
            format!("{} {}", session.plan.with_untracked(|p| p.title.clone()), tr(lang, "conflict.copy_suffix"));
        match session.save_mine_as_copy(title) {
            Ok(id) => {
                copy_error.set(false);
                navigate(&Route::Plan { plan: id });
            }
            Err(_) => copy_error.set(true),
        }
    };
    view! {
        {move || {
            failure()
                .map(|error| {
                    let lang = app.lang.get();
                    let body = match error {
                        SaveError::QuotaExceeded => "save.error.quota",
                        SaveError::Unavailable => "save.error.unavailable",
                        SaveError::NotConfirmed => "save.error.not_confirmed",
                        _ => "save.error.other",
                    };
                    view! {
                        <div class="ds-alert save-problem" data-color="danger" role="alert">
                            <h2 class="ds-heading" data-size="xs">{tr(lang, "save.error.title")}</h2>
                            <p class="ds-paragraph">{tr(lang, body)}</p>
                            <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| session.flush()>
                                {tr(lang, "save.retry")}
                            </button>
                        </div>
                    }
                })
        }}
        <Show when=move || session.status.get() == SaveStatus::Conflict>
            <div class="ds-alert save-problem" data-color="warning" role="alert">
                <h2 class="ds-heading" data-size="xs">{txt("conflict.title")}</h2>
                <p class="ds-paragraph">{txt("conflict.body")}</p>
                <div class="button-row">
                    <button type="button" class="ds-button" data-variant="primary" on:click=save_copy>
                        {txt("conflict.save_copy")}
                    </button>
                    <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| session.load_stored()>
                        {txt("conflict.load_stored")}
                    </button>
                    <button type="button" class="ds-button" data-variant="tertiary" on:click=move |_| session.keep_mine()>
                        {txt("conflict.keep_mine")}
                    </button>
                </div>
                <Show when=move || copy_error.get()>
                    <p class="ds-validation-message" data-color="danger">{txt("conflict.copy_failed")}</p>
                </Show>
            </div>
        </Show>
    }
}
