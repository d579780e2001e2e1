//! The "new plan" form: title required, organisation and case number optional.

use crate::clock::{new_plan_id, now_ms};
use crate::components::banners::ErrorAlert;
use crate::i18n::{tr, txt};
use crate::state::{navigate, use_app};
use ioa_core::library;
use ioa_core::plan::{NewPlan, Plan};
use ioa_core::route::Route;
use ioa_core::storage::SaveError;
use leptos::prelude::*;

#[component]
pub fn CreatePlanForm() -> impl IntoView {
    let app = use_app();
    let title = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let case_number = RwSignal::new(String::new());
    let title_error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let save_error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let title_input = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = NewPlan {
            title: title.get_untracked(),
            organisation: organisation.get_untracked(),
            case_number: case_number.get_untracked(),
            language: app.lang.get_untracked(),
        };
        let plan = match Plan::new(new_plan_id(), details, now_ms()) {
            Ok(plan) => plan,
            Err(e) => {
                title_error.set(Some(e.message_key()));
                if let Some(input) = title_input.get_untracked() {
                    let _ = input.focus();
                }
                return;
            }
        };
        title_error.set(None);
        leptos::task::spawn_local(async move {
            match crate::plan_files::save_new::save_new(plan).await.unwrap_or(Err(SaveError::Unavailable)) {
                Ok(summary) => {
                    save_error.set(None);
                    let id = summary.id.clone();
                    app.library.update(|plans| library::upsert(plans, summary));
                    title.set(String::new());
                    organisation.set(String::new());
                    case_number.set(String::new());
                    navigate(&Route::Plan { plan: id });
                }
                // Nothing is lost: the form keeps what was typed.
                Err(SaveError::QuotaExceeded) => save_error.set(Some("library.error.create_quota")),
                Err(_) => save_error.set(Some("library.error.create_failed")),
            }
        });
    };

    view! {
        <form class="ds-card create-form" data-variant="tinted" on:submit=submit novalidate>
            <h2 id="create-heading" class="ds-heading" data-size="md">{txt("library.create.title")}</h2>
            <div class="ds-field">
                <label class="ds-label" for="new-title">
                    {txt("library.create.plan_title")} " " <span class="required">{txt("common.required")}</span>
                </label>
                <p class="ds-paragraph field-help" data-size="sm" id="new-title-help">{txt("library.create.plan_title_help")}</p>
                <input
                    id="new-title"
                    class="ds-input"
                    type="text"
                    node_ref=title_input
                    aria-required="true"
                    aria-invalid=move || title_error.get().is_some().to_string()
                    aria-describedby=move || {
                        if title_error.get().is_some() { "new-title-help new-title-error" } else { "new-title-help" }
                    }
                    prop:value=move || title.get()
                    on:input:target=move |ev| title.set(ev.target().value())
                />
                {move || {
                    title_error
                        .get()
                        .map(|key| {
                            view! {
                                <p class="ds-validation-message" data-color="danger" id="new-title-error">
                                    {move || tr(app.lang.get(), key)}
                                </p>
                            }
                        })
                }}
            </div>
            <div class="ds-field">
                <label class="ds-label" for="new-organisation">{txt("library.create.organisation")}</label>
                <input
                    id="new-organisation"
                    class="ds-input"
                    type="text"
                    autocomplete="organization"
                    maxlength=ioa_core::plan_file::MAX_DETAIL_CHARS.to_string()
                    prop:value=move || organisation.get()
                    on:input:target=move |ev| organisation.set(ev.target().value())
                />
            </div>
            <div class="ds-field">
                <label class="ds-label" for="new-case">{txt("library.create.case_number")}</label>
                <p class="ds-paragraph field-help" data-size="sm" id="new-case-help">{txt("library.create.case_number_help")}</p>
                <input
                    id="new-case"
                    class="ds-input"
                    type="text"
                    maxlength=ioa_core::plan_file::MAX_DETAIL_CHARS.to_string()
                    aria-describedby="new-case-help"
                    prop:value=move || case_number.get()
                    on:input:target=move |ev| case_number.set(ev.target().value())
                />
            </div>
            <ErrorAlert message=save_error/>
            <button type="submit" class="ds-button" data-variant="primary">{txt("library.create.submit")}</button>
        </form>
    }
}
