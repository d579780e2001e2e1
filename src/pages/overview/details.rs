//! The plan's name, organisation and case number under its title, and a form to change them here
//! in the plan (as the library's "Edit details" does): the case number often comes only once the
//! case is registered, when the team is already working in the plan.

use crate::components::button::{Button, Variant};
use crate::components::plan_details_fields::{DetailsInput, EditDetailsForm};
use crate::i18n::plan_meta;
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::plan::validate_title;
use leptos::prelude::*;

#[component]
pub fn PlanDetails() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let editing = RwSignal::new(false);
    let input = DetailsInput::new();
    let meta = move || {
        let lang = app.lang.get();
        session.plan.with(|p| plan_meta(&p.organisation, &p.case_number, lang))
    };
    let start = move |_| {
        session.plan.with_untracked(|p| input.fill(&p.title, &p.organisation, &p.case_number));
        editing.set(true);
        crate::focus::focus_id_next_frame("details-title".into());
    };
    let stop = Callback::new(move |()| {
        editing.set(false);
        crate::focus::focus_id_next_frame("details-edit".into());
    });
    let save = Callback::new(move |()| {
        let (t, o, c) = input.values();
        if let Err(e) = validate_title(&t) {
            input.error.set(Some(e.message_key()));
            crate::focus::focus_id_next_frame("details-title".into());
            return;
        }
        session.edit(move |plan, now| {
            let _ = plan.edit_details(&t, &o, &c, now);
        });
        stop.run(());
    });
    view! {
        <div class="plan-details">
            <p class="ds-paragraph plan-meta">{meta}</p>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <Button variant=Variant::Tertiary small=true id="details-edit" on_click=start label="library.rename"/>
                }
            >
                <EditDetailsForm input class="ds-card rename-form plan-details__form" title_id="details-title" prefix="details" case_help=true
                    on_save=save on_cancel=stop/>
            </Show>
        </div>
    }
}
