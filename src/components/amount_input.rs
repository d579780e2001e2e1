//! An amount in whole kroner. What the user types stays as typed; only a valid number is passed
//! on, and an invalid one gets a message next to the field.

use crate::i18n::txt;
use crate::state::use_app;
use ioa_core::document::{format_nok, parse_nok};
use leptos::prelude::*;

#[component]
pub fn AmountInput(
    id: String,
    /// Ids of texts that describe the field (help text), for `aria-describedby`.
    described_by: String,
    /// The stored amount.
    #[prop(into)]
    value: Signal<Option<u64>>,
    /// Called with the new amount (`None` when the field is emptied).
    on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let app = use_app();
    let typed = RwSignal::new(value.get_untracked().map(|v| v.to_string()).unwrap_or_default());
    let invalid = RwSignal::new(false);
    // Follow changes from elsewhere (a prefill, another tab) unless the text already means them.
    Effect::new(move |_| {
        let stored = value.get();
        if typed.with_untracked(|t| parse_nok(t).ok().flatten()) != stored {
            typed.set(stored.map(|v| v.to_string()).unwrap_or_default());
            invalid.set(false);
        }
    });
    let error_id = format!("{id}-error");
    let preview_id = format!("{id}-preview");
    let described = {
        let (error_id, preview_id) = (error_id.clone(), preview_id.clone());
        move || format!("{described_by} {}", if invalid.get() { &error_id } else { &preview_id })
    };
    let on_input = move |text: String| {
        let parsed = parse_nok(&text);
        typed.set(text);
        match parsed {
            Ok(amount) => {
                invalid.set(false);
                on_change.run(amount);
            }
            Err(()) => invalid.set(true),
        }
    };
    view! {
        <div class="amount">
            <input
                id=id
                class="ds-input input--amount"
                type="text"
                inputmode="numeric"
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
