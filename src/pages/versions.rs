//! Earlier versions of the plan (snapshots): when and why each was kept, its size, a read-only
//! look at it, and a way back to it. Repeats (the same version kept again, as a repeated restore
//! does) are one row with a count. Restoring keeps the plan as it is now as a snapshot first, so
//! it can be undone.

use crate::clock::{format_timestamp, now_ms, today_iso, utc_offset_minutes};
use crate::components::plan_header::{Crumb, PlanHeader};
use crate::i18n::{tr, trf, trn, txt};
use crate::library_actions;
use crate::persistence;
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::format::format_kilobytes;
use ioa_core::route::Route;
use ioa_core::storage::snapshots;
use ioa_core::storage::snapshots::{Group, Snapshot};
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
    Effect::new(move |_| set_title(tr(app.lang.get(), "versions.title"), app.lang.get()));

    let list_id = plan_id.clone();
    let read_list = move || {
        persistence::with_store(|kv| snapshots::list(kv, &list_id).map(|list| snapshots::grouped(kv, list)))
            .unwrap_or_default()
    };
    let list = RwSignal::new(read_list());
    let restored: RwSignal<Option<Restored>> = RwSignal::new(None);
    let error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    // The version looked at, read-only, instead of the list.
    let previewing: RwSignal<Option<Group>> = RwSignal::new(None);

    let restore = {
        let read_list = read_list.clone();
        move |key: String, taken_at: u64, is_undo: bool| {
            let done_key = if is_undo { "versions.undone" } else { "versions.restored" };
            match library_actions::version::restore_version(app, session, &key, taken_at, done_key) {
                Ok(undo_key) => {
                    if is_undo {
                        // The alert holding the focused "Undo" is gone: focus the heading.
                        crate::focus::focus_next_frame("main h1");
                    }
                    error.set(None);
                    restored.set((!is_undo).then_some(Restored { taken_at, undo_key }));
                }
                // Edits not yet saved: nothing was tried, the page stays as it is.
                Err(key @ "versions.error.unsaved") => {
                    error.set(Some(key));
                    return;
                }
                Err(key) => error.set(Some(key)),
            }
            list.set(read_list());
            if previewing.get_untracked().is_some() {
                previewing.set(None);
                crate::focus::focus_next_frame("main h1");
            }
        }
    };
    let restore = StoredValue::new(restore);
    let current_revision = Memo::new(move |_| session.plan.with(|p| p.revision));
    let href = Route::Versions { plan: plan_id }.href();

    let open_preview = move |group: Group| {
        previewing.set(Some(group));
        crate::focus::focus_next_frame("main h1");
    };
    let close_preview = move || {
        let back_to = previewing.get_untracked().map(|g| show_id(&g.newest));
        previewing.set(None);
        if let Some(id) = back_to {
            crate::focus::focus_id_next_frame(id);
        }
    };

    view! {
        <PlanHeader crumbs=vec![Crumb { label: Signal::derive(move || tr(app.lang.get(), "versions.title").to_string()), href }]/>
        {move || previewing.get().map(|group| view! {
            <VersionPreview group on_back=Callback::new(move |_| close_preview())
                on_restore=Callback::new(move |g: Group| restore.with_value(|f| f(g.newest.key.clone(), g.newest.taken_at, false)))
                current_revision/>
        })}
        <div class="versions-list-view" hidden=move || previewing.with(Option::is_some)>
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
                <For each=move || list.get() key=|g| (g.newest.key.clone(), g.count) let:group>
                    {
                        let lang = move || app.lang.get();
                        let snapshot = group.newest.clone();
                        let (count, oldest) = (group.count, group.oldest_taken_at);
                        let taken_at = snapshot.taken_at;
                        let key = snapshot.key.clone();
                        let revision = snapshot.revision;
                        let units = snapshot.units;
                        let time = move || format_timestamp(taken_at, lang());
                        let details = move || trf(lang(), "versions.details", &[("revision", &revision.to_string()), ("size", &format_kilobytes(units))]);
                        let repeats = move || (count > 1).then(|| {
                            let lang = lang();
                            trn(lang, "versions.repeats", count, &[("from", &format_timestamp(oldest, lang)), ("to", &format_timestamp(taken_at, lang))])
                        });
                        let show = show_id(&snapshot);
                        let group = StoredValue::new(group);
                        view! {
                            <li class="ds-card versions-item" data-variant="default" data-count=count.to_string()>
                                <p class="ds-paragraph versions-item__time"><strong>{time}</strong></p>
                                <p class="ds-paragraph">{move || tr(lang(), snapshot.reason.message_key())}</p>
                                {move || repeats().map(|text| view! { <p class="ds-paragraph versions-item__repeats" data-size="sm">{text}</p> })}
                                <p class="ds-paragraph versions-item__details" data-size="sm">{details}</p>
                                <div class="button-row">
                                    <button type="button" class="ds-button versions-item__show" data-variant="secondary" data-size="sm" id=show
                                        on:click=move |_| open_preview(group.get_value())>
                                        {move || tr(lang(), "versions.show")}
                                        <span class="visually-hidden">{move || format!(": {}", time())}</span>
                                    </button>
                                    <Show
                                        when=move || current_revision.get() != revision
                                        fallback=move || view! { <p class="ds-paragraph" data-size="sm">{move || tr(lang(), "versions.same_as_now")}</p> }
                                    >
                                        {
                                            let key = key.clone();
                                            view! {
                                                <button type="button" class="ds-button versions-item__restore" data-variant="secondary" data-size="sm" on:click=move |_| restore.with_value(|f| f(key.clone(), taken_at, false))>
                                                    {move || tr(lang(), "versions.restore")}
                                                    <span class="visually-hidden">{move || format!(": {}", time())}</span>
                                                </button>
                                            }
                                        }
                                    </Show>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
        </Show>
        </div>
    }
}

/// The id of a row's "Show" button, to give it the focus back after a preview.
fn show_id(snapshot: &Snapshot) -> String {
    format!("version-{}-{}-show", snapshot.taken_at, snapshot.revision)
}

/// A version as it was, read-only: the whole plan's document made from it, under a bar that
/// says so, with the way back to the list and "Restore" above and below it.
#[component]
fn VersionPreview(
    group: Group,
    on_back: Callback<()>,
    on_restore: Callback<Group>,
    current_revision: Memo<u64>,
) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let snapshot = group.newest.clone();
    let plan = persistence::with_store(|kv| snapshots::read(kv, &snapshot.key))
        .ok()
        .flatten()
        .and_then(|raw| ioa_core::migrate::plan_from_json(&raw).ok());
    let taken_at = snapshot.taken_at;
    let revision = snapshot.revision;
    let reason = snapshot.reason;
    Effect::new(move |_| {
        let lang = app.lang.get();
        set_title(&trf(lang, "versions.preview.title", &[("time", &format_timestamp(taken_at, lang))]), lang);
    });
    let actions = move || {
        let group = group.clone();
        view! {
            <div class="button-row">
                <Show when=move || current_revision.get() != revision>
                    {
                        let group = group.clone();
                        view! {
                            <button type="button" class="ds-button version-preview__restore" data-variant="primary" on:click=move |_| on_restore.run(group.clone())>
                                {txt("versions.preview.restore")}
                            </button>
                        }
                    }
                </Show>
                <button type="button" class="ds-button version-preview__back" data-variant="secondary" on:click=move |_| on_back.run(())>
                    {txt("versions.preview.back")}
                </button>
            </div>
        }
    };
    let body = plan.map(|mut plan| {
        // Read as the plan that holds it now (a restore gives it this plan's id).
        plan.id = session.plan.with_untracked(|p| p.id.clone());
        let doc = Memo::new(move |_| {
            let made = ioa_core::documents::plan::Made {
                today: &today_iso(),
                app_version: crate::app_version(),
                utc_offset_minutes: utc_offset_minutes(plan.updated_at),
            };
            ioa_core::documents::plan::build(&cat.get(), &plan, app.lang.get(), made)
        });
        move || doc.with(|d| crate::pages::plan_document::view_document(d.clone(), true))
    });
    let readable = body.is_some();
    view! {
        <section class="version-preview" aria-labelledby="version-preview-heading">
            <div class="ds-alert version-preview__bar" data-color="info">
                <p class="ds-tag version-preview__tag" data-color="info">{txt("versions.preview.tag")}</p>
                <h1 id="version-preview-heading" class="ds-heading" data-size="md" tabindex="-1">
                    {move || { let lang = app.lang.get(); trf(lang, "versions.preview.title", &[("time", &format_timestamp(taken_at, lang))]) }}
                </h1>
                <p class="ds-paragraph">{move || tr(app.lang.get(), reason.message_key())}</p>
                <p class="ds-paragraph">{txt("versions.preview.intro")}</p>
                {actions()}
            </div>
            {body}
            {(!readable).then(|| view! { <p class="ds-paragraph" role="alert">{txt("versions.preview.unreadable")}</p> })}
            <div class="version-preview__end">{actions()}</div>
        </section>
    }
}
