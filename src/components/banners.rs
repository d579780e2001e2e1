//! App-wide notices about storage: memory-only mode, newer data, plans moved aside.

use crate::components::button::Button;
use crate::i18n::{tr, trf, trn, txt};
use crate::state::{use_app, Notices};
use leptos::prelude::*;

#[component]
pub fn StorageBanners() -> impl IntoView {
    let app = use_app();
    let notices = app.notices;
    let count =
        move |key: &'static str, of: fn(&Notices) -> usize| move || trn(app.lang.get(), key, notices.with(of), &[]);
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
            <Banner>
                <p class="ds-paragraph">
                    {move || {
                        let wanted = notices.with(|n| n.bundle_failed).map_or("", |l| l.native_name());
                        trf(app.lang.get(), "bundle.failed", &[("language", wanted)])
                    }}
                </p>
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| n.newer_plans > 0)>
            <Banner title="storage.newer_plans.title">
                <p class="ds-paragraph">{count("storage.newer_plans.body", |n| n.newer_plans)}</p>
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| !n.quarantined.is_empty())>
            <Banner title="storage.quarantine.title" danger=true on_dismiss=Callback::new(move |()| notices.update(|n| n.quarantined.clear()))>
                <p class="ds-paragraph">{count("storage.quarantine.body", |n| n.quarantined.len())}</p>
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
            </Banner>
        </Show>
        <Show when=move || notices.with(|n| n.snapshots_dropped > 0)>
            <Banner title="storage.snapshots_dropped.title" on_dismiss=Callback::new(move |()| notices.update(|n| n.snapshots_dropped = 0))>
                <p class="ds-paragraph">{count("storage.snapshots_dropped.body", |n| n.snapshots_dropped)}</p>
            </Banner>
        </Show>
    }
}

/// One notice at the top of the page: a warning (or, with `danger`, an error) alert with an
/// optional heading (a locale key), its body, and an optional "Dismiss" button.
#[component(transparent)]
fn Banner(
    #[prop(optional)] title: Option<&'static str>,
    #[prop(optional)] danger: bool,
    #[prop(optional)] on_dismiss: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="ds-alert banner" data-color=if danger { "danger" } else { "warning" } role="alert">
            {title.map(|key| view! { <h2 class="ds-heading" data-size="xs">{txt(key)}</h2> })}
            {children()}
            {on_dismiss.map(|dismiss| view! {
                <Button on_click=move |_| dismiss.run(()) label="common.dismiss"/>
            })}
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
