//! One plan in the library, with its actions.

use crate::clock::{format_timestamp, new_plan_id, now_ms};
use crate::components::last_export::LastExport;
use crate::i18n::{plan_meta, tr, trf, txt};
use crate::plan_files;
use crate::state::use_app;
use ioa_core::library::{self, PlanSummary};
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
    let new_title = RwSignal::new(summary.title.clone());
    let new_organisation = RwSignal::new(summary.organisation.clone());
    let new_case_number = RwSignal::new(summary.case_number.clone());
    let rename_error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let rename_input = NodeRef::<leptos::html::Input>::new();
    let delete_button = NodeRef::<leptos::html::Button>::new();
    let id = summary.id.clone();
    let dom_id = format!("plan-{}", summary.id);
    let edit_id = StoredValue::new(format!("{dom_id}-edit"));
    let summary = StoredValue::new(summary);

    let start_rename = move |_| {
        summary.with_value(|s| {
            new_title.set(s.title.clone());
            new_organisation.set(s.organisation.clone());
            new_case_number.set(s.case_number.clone());
        });
        rename_error.set(None);
        renaming.set(true);
        request_animation_frame(move || {
            if let Some(input) = rename_input.get_untracked() {
                let _ = input.focus();
                input.select();
            }
        });
    };
    let stop_rename = move || {
        renaming.set(false);
        // By id, not a node ref: a saved edit renders the card anew.
        crate::focus::focus_id_next_frame(edit_id.get_value());
    };

    let save_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = summary.with_value(|s| s.id.clone());
        let (title, organisation, case_number) =
            (new_title.get_untracked(), new_organisation.get_untracked(), new_case_number.get_untracked());
        leptos::task::spawn_local(async move {
            let renamed = plan_files::rename::rename(id, title, organisation, case_number, now_ms()).await;
            match renamed.unwrap_or(Err("library.error.rename_failed")) {
                Ok(updated) => {
                    app.library.update(|plans| library::upsert(plans, updated));
                    stop_rename();
                }
                Err(key) => rename_error.set(Some(key)),
            }
        });
    };

    let duplicate = move |_| {
        let id = summary.with_value(|s| s.id.clone());
        let lang = app.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let prefix = tr(lang, "library.copy_prefix").to_string();
            match plan_files::duplicate::duplicate(id, prefix, new_plan_id(), now_ms()).await.ok().flatten() {
                Some(copy) => {
                    app.announcement.set(trf(lang, "library.duplicated", &[("title", &copy.title)]));
                    app.library.update(|plans| library::upsert(plans, copy));
                }
                None => error.set(Some("library.error.duplicate_failed")),
            }
        });
    };

    let export_error: RwSignal<Option<String>> = RwSignal::new(None);
    let export = move |_| {
        let id = summary.with_value(|s| s.id.clone());
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

    let ask_delete = move |_| {
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let confirm_delete = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        on_delete.run(summary.get_value());
    };
    let cancel_delete = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    // Closed by "Cancel" or Escape: focus goes back to the button that opened the dialog.
    let on_close = move |_| {
        if let Some(button) = delete_button.get_untracked() {
            if button.is_connected() {
                let _ = button.focus();
            }
        }
    };

    let title_id = format!("{dom_id}-title");
    let rename_id = StoredValue::new(format!("{dom_id}-rename"));
    let rename_err_id = StoredValue::new(format!("{dom_id}-rename-error"));
    let organisation_id = StoredValue::new(format!("{dom_id}-organisation"));
    let case_id = StoredValue::new(format!("{dom_id}-case"));
    let dialog_title_id = format!("{dom_id}-dialog-title");
    let meta = move || {
        let lang = app.lang.get();
        summary.with_value(|s| plan_meta(&s.organisation, &s.case_number, lang))
    };

    view! {
        <li class="ds-card plan-card" id=dom_id.clone()>
            <h3 class="ds-heading plan-card__title" data-size="sm" id=title_id.clone()>
                <a class="ds-link" href=Route::Plan { plan: id.clone() }.href()>{summary.with_value(|s| s.title.clone())}</a>
            </h3>
            <p class="ds-paragraph plan-card__meta" data-size="sm">{meta}</p>
            <p class="ds-paragraph plan-card__meta" data-size="sm">
                {move || {
                    let lang = app.lang.get();
                    let time = format_timestamp(summary.with_value(|s| s.updated_at), lang);
                    trf(lang, "library.updated", &[("time", &time)])
                }}
            </p>
            <LastExport plan_id=id.clone() revision=Signal::derive(move || summary.with_value(|s| s.revision))/>
            {move || export_error.get().map(|text| view! { <p class="ds-validation-message" data-color="danger" role="alert">{text}</p> })}
            <Show when=move || renaming.get()>
                <form class="rename-form" on:submit=save_rename novalidate>
                    <div class="ds-field">
                        <label class="ds-label" for=rename_id.get_value()>{txt("library.rename.label")}</label>
                        <input
                            id=rename_id.get_value()
                            class="ds-input"
                            type="text"
                            node_ref=rename_input
                            aria-invalid=move || rename_error.get().is_some().to_string()
                            aria-describedby=move || rename_error.get().map(|_| rename_err_id.get_value())
                            prop:value=move || new_title.get()
                            on:input:target=move |ev| new_title.set(ev.target().value())
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    stop_rename();
                                }
                            }
                        />
                        {move || {
                            rename_error
                                .get()
                                .map(|key| {
                                    view! {
                                        <p class="ds-validation-message" data-color="danger" id=rename_err_id.get_value()>
                                            {move || tr(app.lang.get(), key)}
                                        </p>
                                    }
                                })
                        }}
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for=organisation_id.get_value()>{txt("library.create.organisation")}</label>
                        <input
                            id=organisation_id.get_value()
                            class="ds-input"
                            type="text"
                            autocomplete="organization"
                    maxlength=ioa_core::plan_file::MAX_DETAIL_CHARS.to_string()
                            prop:value=move || new_organisation.get()
                            on:input:target=move |ev| new_organisation.set(ev.target().value())
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    stop_rename();
                                }
                            }
                        />
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for=case_id.get_value()>{txt("library.create.case_number")}</label>
                        <input
                            id=case_id.get_value()
                            class="ds-input"
                            type="text"
                            maxlength=ioa_core::plan_file::MAX_DETAIL_CHARS.to_string()
                            prop:value=move || new_case_number.get()
                            on:input:target=move |ev| new_case_number.set(ev.target().value())
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    stop_rename();
                                }
                            }
                        />
                    </div>
                    <div class="button-row">
                        <button type="submit" class="ds-button" data-variant="primary" data-size="sm">
                            {txt("library.rename.save")}
                        </button>
                        <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" on:click=move |_| stop_rename()>
                            {txt("common.cancel")}
                        </button>
                    </div>
                </form>
            </Show>
            <div class="button-row plan-card__actions">
                <a class="ds-button" data-variant="primary" data-size="sm" href=Route::Plan { plan: id.clone() }.href()>
                    {txt("library.open")}
                    <span class="visually-hidden">": " {summary.with_value(|s| s.title.clone())}</span>
                </a>
                <button
                    type="button"
                    class="ds-button"
                    data-variant="secondary"
                    data-size="sm"
                    id=edit_id.get_value()
                    aria-describedby=title_id.clone()
                    on:click=start_rename
                >
                    {txt("library.rename")}
                </button>
                <button
                    type="button"
                    class="ds-button"
                    data-variant="secondary"
                    data-size="sm"
                    aria-describedby=title_id.clone()
                    on:click=duplicate
                >
                    {txt("library.duplicate")}
                </button>
                <button
                    type="button"
                    class="ds-button"
                    data-variant="secondary"
                    data-size="sm"
                    aria-describedby=title_id.clone()
                    on:click=export
                >
                    {txt("export.one")}
                </button>
                <button
                    type="button"
                    class="ds-button"
                    data-variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    node_ref=delete_button
                    aria-describedby=title_id.clone()
                    on:click=ask_delete
                >
                    {txt("library.delete")}
                </button>
            </div>
            <dialog class="ds-dialog" node_ref=dialog aria-labelledby=dialog_title_id.clone() on:close=on_close>
                <h2 class="ds-heading" data-size="sm" id=dialog_title_id.clone()>{txt("library.delete_confirm.title")}</h2>
                <p class="ds-paragraph">
                    {move || {
                        let lang = app.lang.get();
                        trf(lang, "library.delete_confirm.body", &[("title", &summary.with_value(|s| s.title.clone()))])
                    }}
                </p>
                <div class="button-row">
                    <button type="button" class="ds-button" data-variant="primary" data-color="danger" on:click=confirm_delete>
                        {txt("library.delete_confirm.confirm")}
                    </button>
                    <button type="button" class="ds-button" data-variant="secondary" autofocus on:click=cancel_delete>
                        {txt("common.cancel")}
                    </button>
                </div>
            </dialog>
        </li>
    }
}
