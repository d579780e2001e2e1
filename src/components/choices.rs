//! A list of radio buttons or checkboxes with visible labels, used by worksheet fields and the
//! decision helper alike. The caller provides the legend (a surrounding fieldset).

use crate::i18n::content_text;
use ioa_core::text::Text;
use leptos::prelude::*;

#[component]
pub fn Choices(
    /// Shared `name` of the inputs, and prefix of their ids.
    name: String,
    /// Checkboxes (several may be chosen) instead of radio buttons.
    #[prop(default = false)]
    multiple: bool,
    /// Option ids and labels, in order.
    options: Vec<(&'static str, &'static Text)>,
    /// The ids chosen now.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// Called with an option id and whether it is now chosen.
    on_change: Callback<(&'static str, bool)>,
) -> impl IntoView {
    let kind = if multiple { "checkbox" } else { "radio" };
    view! {
        <div class="choice-list">
            {options
                .into_iter()
                .map(|(option, label)| {
                    let id = format!("{name}-{option}");
                    view! {
                        <div class="ds-field choice">
                            <input
                                class="ds-input"
                                type=kind
                                id=id.clone()
                                name=name.clone()
                                prop:checked=move || selected.with(|s| s.iter().any(|x| x == option))
                                on:change:target=move |ev| on_change.run((option, ev.target().checked()))
                            />
                            <label class="ds-label" data-weight="regular" for=id>{content_text(label)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
