//! The "new plan" form: title required, organisation and case number optional.

use crate::clock::{new_plan_id, now_ms};
use crate::components::banners::ErrorAlert;
use crate::components::button::{Button, Variant};
use crate::components::plan_details_fields::{DetailsInput, PlanDetailsFields};
use crate::i18n::txt;
use crate::state::{navigate, use_app};
use ioa_core::library;
use ioa_core::plan::{NewPlan, Plan};
use ioa_core::route::Route;
use ioa_core::storage::SaveError;
use leptos::prelude::*;

#[component]
pub fn CreatePlanForm() -> impl IntoView {
    let app = use_app();
    let input = DetailsInput::new();
    let save_error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let title_ref = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (title, organisation, case_number) = input.values();
        let details = NewPlan { title, organisation, case_number, language: app.lang.get_untracked() };
        let plan = match Plan::new(new_plan_id(), details, now_ms()) {
            Ok(plan) => plan,
            Err(e) => {
                input.error.set(Some(e.message_key()));
                if let Some(field) = title_ref.get_untracked() {
                    let _ = field.focus();
                }
                return;
            }
        };
        input.error.set(None);
        leptos::task::spawn_local(async move {
            match crate::plan_files::save_new::save_new(plan).await.unwrap_or(Err(SaveError::Unavailable)) {
                Ok(summary) => {
                    save_error.set(None);
                    let id = summary.id.clone();
                    app.library.update(|plans| library::upsert(plans, summary));
                    input.fill("", "", "");
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
            <PlanDetailsFields input title_id="new-title" prefix="new" new_plan=true case_help=true title_ref/>
            <ErrorAlert message=save_error/>
            <Button submit=true variant=Variant::Primary label="library.create.submit"/>
        </form>
    }
}
