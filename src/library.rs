//! The plan library: create, list, open, rename, duplicate, delete (with undo), load the example.

mod conflict_dialog;
mod create_form;
mod import_panel;
mod plan_card;
mod recovery;

use crate::components::banners::ErrorAlert;
use crate::components::button::Button;
use crate::file_drop::{drop_handlers, Incoming};
use crate::i18n::{tr, trf, txt};
use crate::library_actions;
use crate::state::use_app;
use crate::title::set_title;
use create_form::CreatePlanForm;
use import_panel::ImportPanel;
use ioa_core::library::{self, PlanSummary};
use ioa_core::storage::DeletedPlan;
use leptos::prelude::*;
use plan_card::PlanCard;
use recovery::RecoveryView;
use std::time::Duration;

/// Loads the worked example as a new plan in the current language.
#[component]
fn ExampleCard() -> impl IntoView {
    let app = use_app();
    let failed = RwSignal::new(false);
    let loading = RwSignal::new(false);
    let load = move |_| {
        let lang = app.lang.get_untracked();
        loading.set(true);
        leptos::task::spawn_local(async move {
            let saved = match crate::fetch::text(&ioa_core::examples::example_url(lang)).await {
                Some(json) => crate::plan_files::add_example::add_example(
                    json,
                    crate::clock::new_plan_id(),
                    crate::clock::now_ms(),
                )
                .await
                .ok()
                .flatten(),
                None => None,
            };
            loading.set(false);
            match saved {
                Some(summary) => {
                    failed.set(false);
                    let id = summary.id.clone();
                    app.library.update(|plans| library::upsert(plans, summary));
                    crate::state::navigate(&ioa_core::route::Route::Plan { plan: id });
                }
                None => failed.set(true),
            }
        });
    };
    view! {
        <section class="ds-card example-card" aria-labelledby="example-heading">
            <h2 id="example-heading" class="ds-heading" data-size="sm">{txt("library.example.title")}</h2>
            <p class="ds-paragraph" data-size="sm">{txt("library.example.body")}</p>
            <button type="button" class="ds-button" data-variant="secondary" on:click=load aria-disabled=move || loading.get().to_string()>
                {txt("library.example.load")}
            </button>
            <Show when=move || failed.get()>
                <p class="ds-validation-message" data-color="danger" role="alert">{txt("library.example.failed")}</p>
            </Show>
        </section>
    }
}

/// How long "Undo" stays offered after a delete.
const UNDO_MS: u64 = 10_000;

/// A deleted plan that can still be put back.
#[derive(Clone, Debug, PartialEq)]
struct Deleted {
    summary: PlanSummary,
    plan: DeletedPlan,
}

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| set_title("", app.lang.get()));

    let deleted: RwSignal<Option<Deleted>> = RwSignal::new(None);
    let action_error: RwSignal<Option<&'static str>> = RwSignal::new(None);

    let on_delete = Callback::new(move |summary: PlanSummary| match library_actions::delete(app, &summary) {
        Ok(Some(plan)) => {
            let id = summary.id.clone();
            deleted.set(Some(Deleted { summary, plan }));
            set_timeout(
                move || {
                    if deleted.with_untracked(|d| d.as_ref().is_some_and(|d| d.summary.id == id)) {
                        deleted.set(None);
                    }
                },
                Duration::from_millis(UNDO_MS),
            );
            // The card and its buttons are gone: focus goes to "Undo" beside the message.
            crate::focus::focus_id_next_frame("library-undo".into());
        }
        Ok(None) => {}
        Err(key) => action_error.set(Some(key)),
    });

    let undo = move |_| {
        let Some(d) = deleted.get_untracked() else { return };
        match library_actions::undo_delete(app, d.summary, &d.plan) {
            Ok(()) => deleted.set(None),
            Err(key) => action_error.set(Some(key)),
        }
    };

    let sorted = Memo::new(move |_| {
        let mut plans = app.library.get();
        library::sort_for_display(&mut plans);
        plans
    });

    // A plan file dropped anywhere on the library is imported.
    let incoming: RwSignal<Vec<Incoming>> = RwSignal::new(Vec::new());
    let dragging = RwSignal::new(false);
    let (on_dragover, on_dragleave, on_drop) = drop_handlers(incoming, dragging);

    view! {
        <h1 class="ds-heading" data-size="xl" tabindex="-1">{txt("home.title")}</h1>
        <p class="ds-paragraph lead" data-size="lg">{txt("home.lead")}</p>

        <div class="home-grid" class:home-grid--dragging=move || dragging.get() on:dragover=on_dragover on:dragleave=on_dragleave on:drop=on_drop>
            <div class="home-grid__side">
                <section aria-labelledby="create-heading">
                    <CreatePlanForm/>
                </section>
                <ImportPanel incoming dragging/>
                <ExampleCard/>
            </div>

            <section class="home-grid__list" aria-labelledby="plans-heading">
                <h2 id="plans-heading" class="ds-heading" data-size="md" tabindex="-1">{txt("library.title")}</h2>
                <RecoveryView import=incoming/>
                {move || {
                    deleted
                        .get()
                        .map(|d| {
                            let lang = app.lang.get();
                            view! {
                                <div class="ds-alert undo" data-color="info">
                                    <p class="ds-paragraph">{trf(lang, "library.deleted", &[("title", &d.summary.title)])}</p>
                                    <Button label="library.undo" id="library-undo" on_click=undo/>
                                </div>
                            }
                        })
                }}
                <ErrorAlert message=action_error/>
                <Show
                    when=move || !sorted.with(Vec::is_empty)
                    fallback=move || view! {
                        <p class="ds-paragraph empty-state">
                            {move || tr(app.lang.get(), if app.checking.get() { "library.checking" } else { "library.empty" })}
                        </p>
                    }
                >
                    <ul class="plan-list" role="list">
                        <For
                            each=move || sorted.get()
                            key=|p| (p.id.clone(), p.updated_at, p.title.clone())
                            children=move |summary| view! { <PlanCard summary on_delete error=action_error/> }
                        />
                    </ul>
                </Show>
            </section>
        </div>
    }
}
