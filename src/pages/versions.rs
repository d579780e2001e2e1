//! Earlier versions of the plan (snapshots): when and why each was kept, its size, and a way
//! back to it. Restoring keeps the plan as it is now as a snapshot first, so it can be undone.

use crate::clock::{format_timestamp, now_ms};
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::i18n::{tr, trf, txt};
use crate::persistence;
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::document::format_kilobytes;
use ioa_core::route::Route;
use ioa_core::storage::{self, snapshots};
use leptos::prelude::*;

/// A restore that just happened, with the snapshot that undoes it.
#[derive(Clone, Debug, PartialEq)]
struct Restored {
    taken_at: u64,
    undo_key: String,
}

#[component]
pub fn VersionsPage() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    Effect::new(move |_| set_title(&tr(app.lang.get(), "versions.title"), app.lang.get()));

    let list_id = plan_id.clone();
    let read_list = move || persistence::with_store(|kv| snapshots::list(kv, &list_id)).unwrap_or_default();
    let list = RwSignal::new(read_list());
    let restored: RwSignal<Option<Restored>> = RwSignal::new(None);
    let error: RwSignal<Option<&'static str>> = RwSignal::new(None);

    let restore = {
        let plan_id = plan_id.clone();
        let read_list = read_list.clone();
        move |key: String, taken_at: u64, is_undo: bool| {
            // Pending edits are saved first, so the snapshot taken before the restore holds them;
            // if they cannot be saved (full storage, another tab), nothing is restored.
            session.flush();
            if session.has_unsaved() {
                error.set(Some("versions.error.unsaved"));
                return;
            }
            match persistence::with_store(|kv| storage::restore_snapshot(kv, &plan_id, &key, now_ms())) {
                Ok((plan, undo_key, outcome)) => {
                    crate::state::note_snapshots_dropped(app, outcome.snapshots_dropped);
                    session.adopt(plan);
                    if is_undo {
                        // The alert holding the focused "Undo" is gone: focus the heading.
                        crate::focus::focus_next_frame("main h1");
                    }
                    error.set(None);
                    restored.set((!is_undo).then_some(Restored { taken_at, undo_key }));
                    let lang = app.lang.get_untracked();
                    let key = if is_undo { "versions.undone" } else { "versions.restored" };
                    app.announcement.set(trf(lang, key, &[("time", &format_timestamp(taken_at, lang))]));
                }
                Err(storage::SaveError::QuotaExceeded) => error.set(Some("versions.error.quota")),
                Err(_) => error.set(Some("versions.error.failed")),
            }
            list.set(read_list());
        }
    };
    let restore = StoredValue::new(restore);
    let current_revision = Memo::new(move |_| session.plan.with(|p| p.revision));
    let href = Route::Versions { plan: plan_id }.href();

    view! {
        <PlanHeader crumbs=vec![Crumb { label: Signal::derive(move || tr(app.lang.get(), "versions.title").to_string()), href }]/>
        <h1 class="ds-heading" data-size="xl" tabindex="-1">{txt("versions.title")}</h1>
        <p class="ds-paragraph">{txt("versions.intro")}</p>
        {move || restored.get().map(|r| {
            let lang = app.lang.get();
            let undo_key = r.undo_key.clone();
            view! {
                <div class="ds-alert" data-color="success">
                    <p class="ds-paragraph">{trf(lang, "versions.restored", &[("time", &format_timestamp(r.taken_at, lang))])}</p>
                    <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| restore.with_value(|f| f(undo_key.clone(), now_ms(), true))>
                        {tr(lang, "versions.undo")}
                    </button>
                </div>
            }
        })}
        {move || error.get().map(|key| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{move || tr(app.lang.get(), key)}</p></div> })}
        <Show
            when=move || !list.with(Vec::is_empty)
            fallback=|| view! { <p class="ds-paragraph empty-state">{txt("versions.empty")}</p> }
        >
            <ol class="versions-list" role="list">
                <For each=move || list.get() key=|s| s.key.clone() let:snapshot>
                    {
                        let lang = move || app.lang.get();
                        let taken_at = snapshot.taken_at;
                        let key = snapshot.key.clone();
                        let revision = snapshot.revision;
                        let units = snapshot.units;
                        let time = move || format_timestamp(taken_at, lang());
                        let details = move || trf(lang(), "versions.details", &[("revision", &revision.to_string()), ("size", &format_kilobytes(units))]);
                        view! {
                            <li class="ds-card versions-item" data-variant="default">
                                <p class="ds-paragraph versions-item__time"><strong>{time}</strong></p>
                                <p class="ds-paragraph">{move || tr(lang(), snapshot.reason.message_key())}</p>
                                <p class="ds-paragraph versions-item__details" data-size="sm">{details}</p>
                                <Show
                                    when=move || current_revision.get() != revision
                                    fallback=move || view! { <p class="ds-paragraph" data-size="sm">{move || tr(lang(), "versions.same_as_now")}</p> }
                                >
                                    {
                                        let key = key.clone();
                                        view! {
                                            <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=move |_| restore.with_value(|f| f(key.clone(), taken_at, false))>
                                                {move || tr(lang(), "versions.restore")}
                                                <span class="visually-hidden">{move || format!(": {}", time())}</span>
                                            </button>
                                        }
                                    }
                                </Show>
                            </li>
                        }
                    }
                </For>
            </ol>
        </Show>
    }
}
