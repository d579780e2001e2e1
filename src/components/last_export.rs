//! "Last exported …" for a plan, with a quiet reminder after many changes since.

use crate::clock::format_timestamp;
use crate::i18n::{tr, trf, trn};
use crate::state::use_app;
use crate::transfer::EXPORT_REMINDER_AFTER;
use leptos::prelude::*;

#[component]
pub fn LastExport(plan_id: String, #[prop(into)] revision: Signal<u64>) -> impl IntoView {
    let app = use_app();
    let plan_id = StoredValue::new(plan_id);
    let record = Memo::new(move |_| app.exports.with(|e| plan_id.with_value(|id| e.get(id).copied())));
    move || {
        let lang = app.lang.get();
        match record.get() {
            None => {
                view! { <p class="ds-paragraph last-export" data-size="sm">{tr(lang, "export.never")}</p> }.into_any()
            }
            Some(r) => {
                let changes = revision.get().saturating_sub(r.revision);
                let line = trf(lang, "export.last", &[("time", &format_timestamp(r.at, lang))]);
                let reminder =
                    (changes >= EXPORT_REMINDER_AFTER).then(|| trn(lang, "export.reminder", changes as usize, &[]));
                view! {
                    <p class="ds-paragraph last-export" data-size="sm">
                        {line}
                        {reminder.map(|r| view! { " " <span class="last-export__reminder">{r}</span> })}
                    </p>
                }
                .into_any()
            }
        }
    }
}
