//! One plan in the library: its title and dates, its actions, the form that edits its details
//! and the question before it is deleted. What the actions do to stored plans is in
//! `crate::library_actions`.

use crate::clock::format_timestamp;
use crate::components::button::{Button, Variant};
use crate::components::dialog::{ConfirmDialog, Modal};
use crate::components::last_export::LastExport;
use crate::components::plan_details_fields::{DetailsInput, EditDetailsForm};
use crate::i18n::{plan_meta, trf, txt};
use crate::library_actions;
use crate::state::use_app;
use ioa_core::library::PlanSummary;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn PlanCard(
    summary: PlanSummary,
    on_delete: Callback<PlanSummary>,
    error: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let app = use_app();
    let renaming = RwSignal::new(false);
    let deleting = Modal::new();
    let export_error: RwSignal<Option<String>> = RwSignal::new(None);
    let id = summary.id.clone();
    let dom_id = format!("plan-{id}");
    let edit_dom = StoredValue::new(dom_id.clone());
    let summary = StoredValue::new(summary);
    let title = move || summary.with_value(|s| s.title.clone());
    let meta = move || {
        let lang = app.lang.get();
        summary.with_value(|s| plan_meta(&s.organisation, &s.case_number, lang))
    };
    let updated = move || {
        let lang = app.lang.get();
        let time = format_timestamp(summary.with_value(|s| s.updated_at), lang);
        trf(lang, "library.updated", &[("time", &time)])
    };
    let confirm_body = move || trf(app.lang.get(), "library.delete_confirm.body", &[("title", &title())]);

    view! {
        <li class="ds-card plan-card" id=dom_id.clone()>
            <h3 class="ds-heading plan-card__title" data-size="sm" id=format!("{dom_id}-title")>
                <a class="ds-link" href=Route::Plan { plan: id.clone() }.href()>{title()}</a>
            </h3>
            <p class="ds-paragraph plan-card__meta" data-size="sm">{meta}</p>
            <p class="ds-paragraph plan-card__meta" data-size="sm">{updated}</p>
            <LastExport plan_id=id.clone() revision=Signal::derive(move || summary.with_value(|s| s.revision))/>
            {move || export_error.get().map(|text| view! { <p class="ds-validation-message" data-color="danger" role="alert">{text}</p> })}
            <Show when=move || renaming.get()>
                <CardEditForm summary dom_id=edit_dom.get_value() renaming/>
            </Show>
            <CardActions summary dom_id=dom_id.clone() renaming deleting export_error error/>
            <ConfirmDialog
                modal=deleting
                id=format!("{dom_id}-dialog-title")
                title="library.delete_confirm.title"
                confirm="library.delete_confirm.confirm"
                on_confirm=Callback::new(move |()| on_delete.run(summary.get_value()))
            >
                {confirm_body}
            </ConfirmDialog>
        </li>
    }
}

/// Open, edit details, duplicate, export and delete; each names the plan to screen readers
/// (the card's title).
#[component(transparent)]
fn CardActions(
    summary: StoredValue<PlanSummary>,
    dom_id: String,
    renaming: RwSignal<bool>,
    deleting: Modal,
    export_error: RwSignal<Option<String>>,
    error: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let app = use_app();
    let id = move || summary.with_value(|s| s.id.clone());
    let duplicate = move |_| {
        let id = id();
        leptos::task::spawn_local(async move {
            if let Err(key) = library_actions::duplicate(app, id).await {
                error.set(Some(key));
            }
        });
    };
    let export = move |_| {
        let id = id();
        leptos::task::spawn_local(async move {
            let lang = app.lang.get_untracked();
            match crate::transfer::export_stored(app, id).await {
                Ok(title) => {
                    export_error.set(None);
                    app.announcement.set(trf(lang, "export_result.done", &[("title", &title)]));
                }
                Err(failure) => export_error.set(Some(failure.message(lang))),
            }
        });
    };
    let title_id = format!("{dom_id}-title");
    view! {
        <div class="button-row plan-card__actions">
            <a class="ds-button" data-variant="primary" data-size="sm" href=Route::Plan { plan: id() }.href()>
                {txt("library.open")}
                <span class="visually-hidden">": " {summary.with_value(|s| s.title.clone())}</span>
            </a>
            <Button small=true id=format!("{dom_id}-edit") described_by=title_id.clone() on_click=move |_| renaming.set(true) label="library.rename"/>
            <Button small=true described_by=title_id.clone() on_click=duplicate label="library.duplicate"/>
            <Button small=true described_by=title_id.clone() on_click=export label="export.one"/>
            <Button variant=Variant::Tertiary danger=true small=true described_by=title_id on_click=move |_| deleting.open() label="library.delete"/>
        </div>
    }
}

/// The card's details, edited in place: filled from the card and focused (title selected) when
/// it opens; saved to storage, or cancelled, it closes and the focus goes back to "Edit".
#[component(transparent)]
fn CardEditForm(summary: StoredValue<PlanSummary>, dom_id: String, renaming: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let input = DetailsInput::new();
    summary.with_value(|s| input.fill(&s.title, &s.organisation, &s.case_number));
    let title_ref = NodeRef::<leptos::html::Input>::new();
    request_animation_frame(move || {
        if let Some(field) = title_ref.get_untracked() {
            let _ = field.focus();
            field.select();
        }
    });
    let edit_id = StoredValue::new(format!("{dom_id}-edit"));
    let stop = Callback::new(move |()| {
        renaming.set(false);
        // By id, not a node ref: a saved edit renders the card anew.
        crate::focus::focus_id_next_frame(edit_id.get_value());
    });
    let save = Callback::new(move |()| {
        let id = summary.with_value(|s| s.id.clone());
        let (title, organisation, case_number) = input.values();
        leptos::task::spawn_local(async move {
            match library_actions::rename(app, id, title, organisation, case_number).await {
                Ok(()) => stop.run(()),
                Err(key) => input.error.set(Some(key)),
            }
        });
    });
    view! {
        <EditDetailsForm input class="rename-form" title_id=format!("{dom_id}-rename") prefix=dom_id title_ref on_save=save on_cancel=stop/>
    }
}
