//! A plan's title, organisation and case number as form fields: the same three in the new-plan
//! form, the library's "Edit details" on a plan card and the plan overview's own edit form
//! (`EditDetailsForm`, with its save and cancel buttons).

use crate::components::button::{Button, Variant};
use crate::i18n::{tr, txt};
use crate::state::use_app;
use ioa_core::plan_file::MAX_DETAIL_CHARS;
use leptos::html;
use leptos::prelude::*;

/// The three texts as typed, and the title's error (a locale key).
#[derive(Clone, Copy)]
pub struct DetailsInput {
    pub title: RwSignal<String>,
    pub organisation: RwSignal<String>,
    pub case_number: RwSignal<String>,
    pub error: RwSignal<Option<&'static str>>,
}

impl Default for DetailsInput {
    fn default() -> Self {
        DetailsInput::new()
    }
}

impl DetailsInput {
    pub fn new() -> Self {
        DetailsInput {
            title: RwSignal::new(String::new()),
            organisation: RwSignal::new(String::new()),
            case_number: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    /// Starts an edit from the plan's details as stored.
    pub fn fill(&self, title: &str, organisation: &str, case_number: &str) {
        self.title.set(title.to_string());
        self.organisation.set(organisation.to_string());
        self.case_number.set(case_number.to_string());
        self.error.set(None);
    }

    /// The three texts, read once.
    pub fn values(&self) -> (String, String, String) {
        (self.title.get_untracked(), self.organisation.get_untracked(), self.case_number.get_untracked())
    }
}

/// The three fields. Their ids: `title_id` (its error `title_id-error`), `{prefix}-organisation`,
/// `{prefix}-case` and, with `case_help`, `{prefix}-case-help`. With `new_plan` the title has
/// the new-plan form's label, marked required, with help at `{title_id}-help`.
#[component(transparent)]
pub fn PlanDetailsFields(
    input: DetailsInput,
    #[prop(into)] title_id: String,
    #[prop(into)] prefix: String,
    #[prop(optional)] new_plan: bool,
    #[prop(optional)] case_help: bool,
    #[prop(optional)] title_ref: NodeRef<html::Input>,
    /// Escape in any field (an edit form's "Cancel").
    #[prop(optional)]
    on_escape: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let error = input.error;
    let help_id = format!("{title_id}-help");
    let error_id = format!("{title_id}-error");
    let described = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || match (new_plan, error.get().is_some()) {
            (true, true) => Some(format!("{help_id} {error_id}")),
            (true, false) => Some(help_id.clone()),
            (false, true) => Some(error_id.clone()),
            (false, false) => None,
        }
    };
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if let (Some(on_escape), "Escape") = (on_escape, ev.key().as_str()) {
            on_escape.run(());
        }
    };
    let label = if new_plan { "library.create.plan_title" } else { "library.rename.label" };
    let (organisation_id, case_id, case_help_id) =
        (format!("{prefix}-organisation"), format!("{prefix}-case"), format!("{prefix}-case-help"));
    view! {
        <div class="ds-field">
            <label class="ds-label" for=title_id.clone()>
                {txt(label)}
                {new_plan.then(|| view! { " " <span class="required">{txt("common.required")}</span> })}
            </label>
            {new_plan.then(|| field_help(help_id.clone(), "library.create.plan_title_help"))}
            <input id=title_id class="ds-input" type="text" node_ref=title_ref
                aria-required=new_plan.then_some("true")
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || input.title.get()
                on:input:target=move |ev| input.title.set(ev.target().value())
                on:keydown=escape/>
            {move || error.get().map(|key| view! {
                <p class="ds-validation-message" data-color="danger" id=error_id.clone()>{move || tr(app.lang.get(), key)}</p>
            })}
        </div>
        <div class="ds-field">
            <label class="ds-label" for=organisation_id.clone()>{txt("library.create.organisation")}</label>
            <input id=organisation_id class="ds-input" type="text" autocomplete="organization"
                maxlength=MAX_DETAIL_CHARS.to_string()
                prop:value=move || input.organisation.get()
                on:input:target=move |ev| input.organisation.set(ev.target().value())
                on:keydown=escape/>
        </div>
        <div class="ds-field">
            <label class="ds-label" for=case_id.clone()>{txt("library.create.case_number")}</label>
            {case_help.then(|| field_help(case_help_id.clone(), "library.create.case_number_help"))}
            <input id=case_id class="ds-input" type="text"
                aria-describedby=case_help.then_some(case_help_id.clone())
                maxlength=MAX_DETAIL_CHARS.to_string()
                prop:value=move || input.case_number.get()
                on:input:target=move |ev| input.case_number.set(ev.target().value())
                on:keydown=escape/>
        </div>
    }
}

/// A field's help text (a locale key) under its label: one function, so both helps are one type.
fn field_help(id: String, key: &'static str) -> impl IntoView {
    view! { <p class="ds-paragraph field-help" data-size="sm" id=id>{txt(key)}</p> }
}

/// The details edited in place: the fields, "Save" and "Cancel" (Escape in a field cancels too).
#[component(transparent)]
pub fn EditDetailsForm(
    input: DetailsInput,
    class: &'static str,
    #[prop(into)] title_id: String,
    #[prop(into)] prefix: String,
    #[prop(optional)] case_help: bool,
    #[prop(optional)] title_ref: NodeRef<html::Input>,
    on_save: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_save.run(());
    };
    view! {
        <form class=class on:submit=submit novalidate>
            <PlanDetailsFields input title_id prefix case_help title_ref on_escape=on_cancel/>
            <div class="button-row">
                <Button submit=true variant=Variant::Primary small=true label="library.rename.save"/>
                <Button variant=Variant::Tertiary small=true on_click=move |_| on_cancel.run(()) label="common.cancel"/>
            </div>
        </form>
    }
}
