//! Stored plans that could not be read were moved aside unchanged (quarantine). Here the user
//! gets them back out: download the raw text, try to import it, or discard it after confirming.

use crate::clock::{file_stamp, format_timestamp};
use crate::components::button::{Button, Variant};
use crate::components::dialog::{ConfirmDialog, Modal};
use crate::file_drop::Incoming;
use crate::file_io;
use crate::i18n::{tr, trf, txt};
use crate::library_actions;
use crate::persistence;
use crate::state::use_app;
use ioa_core::storage::{self, QuarantineEntry};
use leptos::prelude::*;

#[component]
pub fn RecoveryView(import: RwSignal<Vec<Incoming>>) -> impl IntoView {
    let app = use_app();
    let entries = RwSignal::new(persistence::with_store(storage::quarantined).unwrap_or_default());
    // A new load may have quarantined more: refresh when the banner's list changes.
    Effect::new(move |_| {
        app.notices.track();
        entries.set(persistence::with_store(storage::quarantined).unwrap_or_default());
    });
    let removed = Callback::new(move |key: String| entries.update(|e| e.retain(|q| q.key != key)));
    move || {
        let list = entries.get();
        (!list.is_empty()).then(|| view! {
            <section class="ds-card recovery" id="recovery" aria-labelledby="recovery-heading">
                <h2 id="recovery-heading" class="ds-heading" data-size="sm" tabindex="-1">{txt("recovery.title")}</h2>
                <p class="ds-paragraph" data-size="sm">{txt("recovery.intro")}</p>
                <ul class="recovery-list" role="list">
                    {list.into_iter().enumerate().map(|(index, entry)| view! { <RecoveryItem entry index import removed/> }).collect_view()}
                </ul>
            </section>
        })
    }
}

#[component]
fn RecoveryItem(
    entry: QuarantineEntry,
    index: usize,
    import: RwSignal<Vec<Incoming>>,
    removed: Callback<String>,
) -> impl IntoView {
    let app = use_app();
    let confirming = Modal::new();
    let error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let entry = StoredValue::new(entry);
    let file_name = move || {
        let id = entry.with_value(|e| e.plan_id.clone());
        ioa_core::plan_file::file_name(tr(app.lang.get_untracked(), "recovery.file_prefix"), &id, &file_stamp())
    };
    let raw = move || {
        persistence::with_store(|kv| storage::read_quarantined(kv, &entry.with_value(|e| e.key.clone()))).ok().flatten()
    };

    let download = move |_| match raw() {
        Some(text) => {
            let ok = file_io::download(&file_name(), &text, file_io::JSON_MIME).is_ok();
            error.set((!ok).then_some("export.error.download"));
        }
        None => error.set(Some("recovery.error.gone")),
    };
    let try_import = move |_| match raw() {
        Some(text) => import.set(vec![Incoming::Bytes { name: file_name(), bytes: text.into_bytes() }]),
        None => error.set(Some("recovery.error.gone")),
    };
    let discard = Callback::new(move |()| {
        let key = entry.with_value(|e| e.key.clone());
        match library_actions::discard_quarantined(&key) {
            Ok(()) => {
                removed.run(key);
                // This item is gone: focus the next one's first button, or the library heading.
                crate::focus::focus_next_frame("#recovery .recovery-item button, #plans-heading");
            }
            Err(key) => error.set(Some(key)),
        }
    });
    let dom_id = format!("recovery-{index}");
    let title_id = format!("{dom_id}-title");
    view! {
        <li class="recovery-item">
            <h3 class="ds-heading" data-size="xs" id=title_id.clone()>
                {move || {
                    let lang = app.lang.get();
                    entry.with_value(|e| trf(lang, "recovery.item", &[
                        ("id", &e.plan_id),
                        ("time", &format_timestamp(e.kept_at, lang)),
                        ("size", &ioa_core::format::format_kilobytes(e.units)),
                    ]))
                }}
            </h3>
            <div class="recovery-item__actions">
                <Button on_click=download described_by=title_id.clone() label="recovery.download"/>
                <Button on_click=try_import described_by=title_id.clone() label="recovery.try_import"/>
                <Button variant=Variant::Tertiary danger=true on_click=move |_| confirming.open() described_by=title_id label="recovery.discard"/>
            </div>
            {move || error.get().map(|key| view! { <p class="ds-validation-message" data-color="danger" role="alert">{move || tr(app.lang.get(), key)}</p> })}
            <ConfirmDialog modal=confirming id=format!("{dom_id}-dialog") title="recovery.confirm.title" confirm="recovery.confirm.discard" on_confirm=discard>
                {txt("recovery.confirm.body")}
            </ConfirmDialog>
        </li>
    }
}
