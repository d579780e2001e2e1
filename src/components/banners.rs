//! App-wide notices about storage: memory-only mode, newer data, plans moved aside.

use crate::i18n::{tr, trf, trn, txt};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StorageBanners() -> impl IntoView {
    let app = use_app();
    let notices = app.notices;
    view! {
        <Show when=move || notices.with(|n| n.memory_only && !n.layout_too_new)>
            <div class="ds-alert banner" data-color="warning" role="alert">
                <h2 class="ds-heading" data-size="xs">{txt("storage.memory_only.title")}</h2>
                <p class="ds-paragraph">{txt("storage.memory_only.body")}</p>
            </div>
        </Show>
        <Show when=move || notices.with(|n| n.layout_too_new)>
            <div class="ds-alert banner" data-color="warning" role="alert">
                <h2 class="ds-heading" data-size="xs">{txt("storage.too_new.title")}</h2>
                <p class="ds-paragraph">{txt("storage.too_new.body")}</p>
            </div>
        </Show>
        <Show when=move || notices.with(|n| n.bundle_failed.is_some())>
            <div class="ds-alert banner" data-color="warning" role="alert">
                <p class="ds-paragraph">
                    {move || {
                        let wanted = notices.with(|n| n.bundle_failed).map_or("", |l| l.native_name());
                        trf(app.lang.get(), "bundle.failed", &[("language", wanted)])
                    }}
                </p>
            </div>
        </Show>
        <Show when=move || notices.with(|n| n.newer_plans > 0)>
            <div class="ds-alert banner" data-color="warning" role="alert">
                <h2 class="ds-heading" data-size="xs">{txt("storage.newer_plans.title")}</h2>
                <p class="ds-paragraph">
                    {move || {
                        let count = notices.with(|n| n.newer_plans);
                        trn(app.lang.get(), "storage.newer_plans.body", count, &[])
                    }}
                </p>
            </div>
        </Show>
        <Show when=move || notices.with(|n| !n.quarantined.is_empty())>
            <div class="ds-alert banner" data-color="danger" role="alert">
                <h2 class="ds-heading" data-size="xs">{txt("storage.quarantine.title")}</h2>
                <p class="ds-paragraph">
                    {move || {
                        let lang = app.lang.get();
                        let count = notices.with(|n| n.quarantined.len());
                        trn(lang, "storage.quarantine.body", count, &[])
                    }}
                </p>
                <ul class="ds-list">
                    {move || {
                        let lang = app.lang.get();
                        notices
                            .get()
                            .quarantined
                            .into_iter()
                            .map(|q| {
                                let kept = q.kept_at.clone().unwrap_or_else(|| ioa_core::storage::plan_key(&q.plan_id));
                                view! {
                                    <li>
                                        {tr(lang, q.error.message_key())} " " <code>{kept}</code>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <p class="ds-paragraph"><a class="ds-link" href=ioa_core::route::Route::Home.href()>{txt("storage.quarantine.link")}</a></p>
                <button
                    type="button"
                    class="ds-button"
                    data-variant="secondary"
                    on:click=move |_| notices.update(|n| n.quarantined.clear())
                >
                    {txt("common.dismiss")}
                </button>
            </div>
        </Show>
        <Show when=move || notices.with(|n| n.snapshots_dropped > 0)>
            <div class="ds-alert banner" data-color="warning" role="alert">
                <h2 class="ds-heading" data-size="xs">{txt("storage.snapshots_dropped.title")}</h2>
                <p class="ds-paragraph">
                    {move || {
                        let count = notices.with(|n| n.snapshots_dropped);
                        trn(app.lang.get(), "storage.snapshots_dropped.body", count, &[])
                    }}
                </p>
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| notices.update(|n| n.snapshots_dropped = 0)>
                    {txt("common.dismiss")}
                </button>
            </div>
        </Show>
    }
}

/// A translated error message in a danger alert, shown while `message` holds a locale key.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<&'static str>>) -> impl IntoView {
    let app = use_app();
    move || {
        message.get().map(|key| {
            view! {
                <div class="ds-alert" data-color="danger" role="alert">
                    <p class="ds-paragraph">{move || tr(app.lang.get(), key)}</p>
                </div>
            }
        })
    }
}
