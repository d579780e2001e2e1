//! The language a document is shown in: the interface language unless one is chosen. A tool's
//! document keeps the choice in the plan; the whole-plan document only for this reading.

use crate::i18n::{trf, txt};
use crate::state::use_app;
use ioa_core::Lang;
use leptos::prelude::*;

/// The select's value for "same as the app".
const FOLLOW: &str = "follow";

#[component]
pub fn DocumentLanguage(
    /// The language chosen, or `None` to follow the interface.
    #[prop(into)]
    chosen: Signal<Option<Lang>>,
    on_choose: Callback<Option<Lang>>,
) -> impl IntoView {
    let app = use_app();
    let follow = move || trf(app.lang.get(), "document.language_follow", &[("language", app.lang.get().native_name())]);
    view! {
        <div class="ds-field document-language">
            <label class="ds-label" for="doc-language">{txt("document.language")}</label>
            <select id="doc-language" class="ds-input" prop:value=move || chosen.get().map_or(FOLLOW, Lang::code)
                on:change:target=move |ev| on_choose.run(Lang::from_code(&ev.target().value()))>
                <option value=FOLLOW>{follow}</option>
                {Lang::ALL.into_iter().map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> }).collect_view()}
            </select>
        </div>
    }
}
