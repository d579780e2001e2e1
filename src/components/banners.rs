//! App-wide notices about storage: memory-only mode, newer data, plans moved aside.

use crate::components::button::Button;
use crate::i18n::{tr, trf, trn, txt};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StorageBanners() -> impl IntoView {
    let app = use_app();
    let notices = app.notices;
    view! {
        <Show when=move || notices.with(|n| n.memory_only && !n.layout_too_new)>
            <Banner title="storage.memory_only.title">
                <p class="ds-paragraph">{txt("storage.memory_only.body")}</p>
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| n.layout_too_new)>
            <Banner title="storage.too_new.title">
                <p class="ds-paragraph">{txt("storage.too_new.body")}</p>
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| n.bundle_failed.is_some())>
            // No heading: the one banner written out.
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
            <Banner title="storage.newer_plans.title">
                <p class="ds-paragraph">{move || trn(app.lang.get(), "storage.newer_plans.body", notices.with(|n| n.newer_plans), &[])}</p>
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| !n.quarantined.is_empty())>
            <Banner title="storage.quarantine.title" danger=true>
                <p class="ds-paragraph">{move || trn(app.lang.get(), "storage.quarantine.body", notices.with(|n| n.quarantined.len()), &[])}</p>
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
                <Button label="common.dismiss" on_click=move |_| notices.update(|n| n.quarantined.clear())/>
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| n.snapshots_dropped > 0)>
            <Banner title="storage.snapshots_dropped.title">
                <p class="ds-paragraph">{move || trn(app.lang.get(), "storage.snapshots_dropped.body", notices.with(|n| n.snapshots_dropped), &[])}</p>
                <Button label="common.dismiss" on_click=move |_| notices.update(|n| n.snapshots_dropped = 0)/>
            </Banner>
        </Show>
    }
}

/// One notice at the top of the page: a warning (or, with `danger`, an error) alert with a
/// heading (a locale key) over its body (a "Dismiss" button, where there is one, goes last).
#[component(transparent)]
fn Banner(title: &'static str, #[prop(optional)] danger: bool, children: Children) -> impl IntoView {
    view! {
        <div class="ds-alert banner" data-color=if danger { "danger" } else { "warning" } role="alert">
            <h2 class="ds-heading" data-size="xs">{txt(title)}</h2>
            {children()}
        </div>
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
