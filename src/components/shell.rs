//! Header with the language switch, skip link and footer.

use crate::i18n::txt;
use crate::persistence;
use crate::state::use_app;
use ioa_core::route::Route;
use ioa_core::storage;
use ioa_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Jumps to the main content without changing the route fragment.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main").and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    };
    view! { <a class="ds-skip-link" href="#main" on:click=skip>{txt("app.skip_to_content")}</a> }
}

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=Route::Home.href()>{txt("app.name")}</a>
                <LangSwitch/>
            </div>
        </header>
    }
}

/// Three toggle buttons; the choice is remembered in storage.
#[component]
fn LangSwitch() -> impl IntoView {
    let app = use_app();
    let choose = move |lang: Lang| {
        // The texts first: the switch happens when they are in.
        crate::bundles::with_language(app, lang, move || {
            app.lang.set(lang);
            // A failed write only means the choice is not remembered; the switch itself worked.
            let _ = persistence::with_store(|kv| storage::save_lang(kv, lang));
        });
    };
    view! {
        <div class="lang-switch" role="group" aria-label=txt("app.language")>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            class="ds-button lang-switch__button"
                            data-variant=move || if app.lang.get() == lang { "primary" } else { "tertiary" }
                            data-size="sm"
                            lang=lang.code()
                            aria-pressed=move || (app.lang.get() == lang).to_string()
                            on:click=move |_| choose(lang)
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="ds-paragraph" data-size="sm">{txt("app.privacy")}</p>
                <p class="ds-paragraph" data-size="sm">{txt("app.based_on")}</p>
                <p class="ds-paragraph" data-size="sm"><a class="ds-link" href=Route::Facts.href()>{txt("footer.facts_link")}</a></p>
                <p class="ds-paragraph" data-size="sm"><a class="ds-link" href=Route::Compare.href()>{txt("footer.compare_link")}</a></p>
                <p class="ds-paragraph" data-size="sm"><a class="ds-link" href=Route::About.href()>{txt("footer.about_link")}</a></p>
            </div>
        </footer>
    }
}
