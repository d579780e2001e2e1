//! The plan's name, organisation and case number under its title, and a form to change them here
//! in the plan (as the library's "Edit details" does): the case number often comes only once the
//! case is registered, when the team is already working in the plan.

use crate::i18n::{plan_meta, tr, txt};
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::plan::validate_title;
use ioa_core::plan_file::MAX_DETAIL_CHARS;
use leptos::prelude::*;

#[component]
pub fn PlanDetails() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let editing = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let case_number = RwSignal::new(String::new());
    let error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let meta = move || {
        let lang = app.lang.get();
        session.plan.with(|p| plan_meta(&p.organisation, &p.case_number, lang))
    };
    let start = move |_| {
        session.plan.with_untracked(|p| {
            title.set(p.title.clone());
            organisation.set(p.organisation.clone());
            case_number.set(p.case_number.clone());
        });
        error.set(None);
        editing.set(true);
        crate::focus::focus_id_next_frame("details-title".into());
    };
    let stop = move || {
        editing.set(false);
        crate::focus::focus_id_next_frame("details-edit".into());
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = validate_title(&title.get_untracked()) {
            error.set(Some(e.message_key()));
            crate::focus::focus_id_next_frame("details-title".into());
            return;
        }
        let (t, o, c) = (title.get_untracked(), organisation.get_untracked(), case_number.get_untracked());
        session.edit(move |plan, now| {
            let _ = plan.edit_details(&t, &o, &c, now);
        });
        stop();
    };
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            stop();
        }
    };
    view! {
        <div class="plan-details">
            <p class="ds-paragraph plan-meta">{meta}</p>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" id="details-edit" on:click=start>
                        {txt("library.rename")}
                    </button>
                }
            >
                <form class="ds-card rename-form plan-details__form" on:submit=save novalidate>
                    <div class="ds-field">
                        <label class="ds-label" for="details-title">{txt("library.rename.label")}</label>
                        <input id="details-title" class="ds-input" type="text"
                            aria-invalid=move || error.get().is_some().to_string()
                            aria-describedby=move || error.get().map(|_| "details-title-error")
                            prop:value=move || title.get()
                            on:input:target=move |ev| title.set(ev.target().value())
                            on:keydown=escape/>
                        {move || error.get().map(|key| view! {
                            <p class="ds-validation-message" data-color="danger" id="details-title-error">{move || tr(app.lang.get(), key)}</p>
                        })}
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for="details-organisation">{txt("library.create.organisation")}</label>
                        <input id="details-organisation" class="ds-input" type="text" autocomplete="organization"
                            maxlength=MAX_DETAIL_CHARS.to_string()
                            prop:value=move || organisation.get()
                            on:input:target=move |ev| organisation.set(ev.target().value())
                            on:keydown=escape/>
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for="details-case">{txt("library.create.case_number")}</label>
                        <p class="ds-paragraph field-help" data-size="sm" id="details-case-help">{txt("library.create.case_number_help")}</p>
                        <input id="details-case" class="ds-input" type="text" aria-describedby="details-case-help"
                            maxlength=MAX_DETAIL_CHARS.to_string()
                            prop:value=move || case_number.get()
                            on:input:target=move |ev| case_number.set(ev.target().value())
                            on:keydown=escape/>
                    </div>
                    <div class="button-row">
                        <button type="submit" class="ds-button" data-variant="primary" data-size="sm">{txt("library.rename.save")}</button>
                        <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" on:click=move |_| stop()>{txt("common.cancel")}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
