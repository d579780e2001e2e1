//! An amount in whole kroner. What the user types stays as typed; only a valid number is passed
//! on, and an invalid one gets a message next to the field. Text that cannot be read is kept in
//! the plan (`Plan::drafts`, keyed by where the amount is stored) until it is fixed, so a reload,
//! and every other place that shows the same amount, shows it again with its message instead of
//! silently dropping it.

use crate::i18n::txt;
use crate::session::Session;
use crate::state::use_app;
use ioa_core::amount::parse_nok;
use ioa_core::format::format_nok;
use leptos::prelude::*;

#[component]
pub fn AmountInput(
    id: String,
    /// Ids of texts that describe the field (help text), for `aria-describedby`.
    described_by: String,
    /// Where the amount is stored (its answer key): the typed text that cannot be read is kept
    /// under it, so every field showing this amount shows that text too.
    draft_key: String,
    /// The stored amount.
    #[prop(into)]
    value: Signal<Option<u64>>,
    /// Called with the new amount (`None` when the field is emptied).
    on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let app = use_app();
    let session = use_context::<Session>();
    let draft = session.and_then(|s| s.plan.with_untracked(|p| p.draft(&draft_key).map(str::to_string)));
    let draft_key = StoredValue::new(draft_key);
    let invalid = RwSignal::new(draft.as_deref().is_some_and(|d| parse_nok(d).is_err()));
    let typed = RwSignal::new(match draft {
        Some(d) if invalid.get_untracked() => d,
        _ => value.get_untracked().map(|v| v.to_string()).unwrap_or_default(),
    });
    let set_draft = move |text: Option<String>| {
        let Some(session) = session else { return };
        let key = draft_key.get_value();
        if session.plan.with_untracked(|p| p.draft(&key) != text.as_deref() || p.drafts.get(&key) != text.as_ref()) {
            session.edit(move |plan, now| plan.set_draft(&key, text, now));
        }
    };
    // Follow changes from elsewhere (a prefill, another tab) unless the text already means them.
    // The first run only reads: the field starts with the stored amount or the kept text.
    Effect::new(move |first: Option<()>| {
        let stored = value.get();
        if first.is_some() && typed.with_untracked(|t| parse_nok(t).ok().flatten()) != stored {
            typed.set(stored.map(|v| v.to_string()).unwrap_or_default());
            invalid.set(false);
            set_draft(None);
        }
    });
    let error_id = format!("{id}-error");
    let preview_id = format!("{id}-preview");
    let help_id = format!("{id}-accepts");
    let described = {
        let (error_id, preview_id, help_id) = (error_id.clone(), preview_id.clone(), help_id.clone());
        move || format!("{described_by} {help_id} {}", if invalid.get() { &error_id } else { &preview_id })
    };
    let on_input = move |text: String| {
        let parsed = parse_nok(&text);
        typed.set(text.clone());
        match parsed {
            Ok(amount) => {
                invalid.set(false);
                set_draft(None);
                on_change.run(amount);
            }
            Err(()) => {
                invalid.set(true);
                set_draft(Some(text));
            }
        }
    };
    view! {
        <p class="ds-paragraph field-help" data-size="sm" id=help_id>{txt("field.amount_help")}</p>
        <div class="amount">
            <input
                id=id
                class="ds-input input--amount"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || typed.get()
                on:input:target=move |ev| on_input(ev.target().value())
            />
            <span class="amount__unit" aria-hidden="true">{txt("field.amount_unit")}</span>
        </div>
        <Show when=move || invalid.get()>
            <p class="ds-validation-message" data-color="danger" id=error_id.clone()>{txt("field.amount_invalid")}</p>
        </Show>
        <p class="ds-paragraph field-help" data-size="sm" id=preview_id aria-live="polite">
            {move || match value.get() {
                Some(n) if !invalid.get() => format_nok(n, app.lang.get()),
                _ => String::new(),
            }}
        </p>
    }
}
