//! About the app and privacy: what is stored where, for how long and how to delete it, with
//! a count of what this browser holds right now. The texts live in the locale files.

use crate::components::rich_text::RichText;
use crate::i18n::{trf, txt};
use crate::persistence;
use crate::state::use_app;
use crate::title::title_from;
use ioa_core::storage;
use leptos::prelude::*;

/// The page's sections in order: anchor id, heading and body (locale keys).
const SECTIONS: [(&str, &str, &str); 5] = [
    ("about-stored", "about.stored.title", "about.stored.body"),
    ("about-sent", "about.sent.title", "about.sent.body"),
    ("about-kept", "about.kept.title", "about.kept.body"),
    ("about-delete", "about.delete.title", "about.delete.body"),
    ("about-texts", "about.texts.title", "about.texts.body"),
];

/// Help for staff on keeping plans when the address, the PC or the browser's settings change
/// (after "how long it is kept"; the address section also shows this page's address).
const KEEPING: [(&str, &str, &str); 3] = [
    ("help-move", "help.move.title", "help.move.body"),
    ("help-erase", "help.erase.title", "help.erase.body"),
    ("help-private", "help.private.title", "help.private.body"),
];

/// A section of headed rich text.
fn section(heading: &'static str, title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <section aria-labelledby=heading>
            <h2 id=heading class="ds-heading" data-size="sm">{txt(title)}</h2>
            <RichText text=Signal::derive(txt(body))/>
        </section>
    }
}

#[component]
pub fn AboutPage() -> impl IntoView {
    let app = use_app();
    title_from("about.title");
    // Counted when the page opens; the library and other tabs change it rarely enough.
    let inventory = persistence::with_store(storage::inventory).unwrap_or_default();
    let kb = (inventory.units * 2).div_ceil(1024).to_string();
    // Where the plans live: the page's address without the route (the origin and the folder).
    let address = window().location().href().unwrap_or_default().split('#').next().unwrap_or_default().to_string();
    let rows = [
        ("about.now.plans", inventory.plans.to_string()),
        ("about.now.versions", inventory.versions.to_string()),
        ("about.now.set_aside", inventory.set_aside.to_string()),
    ];
    view! {
        <div class="about">
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("about.title")}</h1>
        <p class="ds-paragraph lead">{txt("about.intro")}</p>
        <section aria-labelledby="about-now">
            <h2 id="about-now" class="ds-heading" data-size="sm">{txt("about.now.title")}</h2>
            <ul class="ds-list" data-testid="about-inventory">
                {rows.map(|(label, count)| view! { <li>{txt(label)} ": " {count}</li> }).into_iter().collect_view()}
                <li>{move || trf(app.lang.get(), "about.now.size", &[("kb", &kb)])}</li>
            </ul>
        </section>
        {SECTIONS[..3].iter().map(|&(heading, title, body)| section(heading, title, body)).collect_view()}
        <section aria-labelledby="help-address" data-testid="help-address">
            <h2 id="help-address" class="ds-heading" data-size="sm">{txt("help.address.title")}</h2>
            <RichText text=Signal::derive(txt("help.address.body"))/>
            <p class="ds-paragraph about__address">{move || trf(app.lang.get(), "help.address.now", &[("address", &address)])}</p>
        </section>
        {KEEPING.iter().map(|&(heading, title, body)| section(heading, title, body)).collect_view()}
        {SECTIONS[3..].iter().map(|&(heading, title, body)| section(heading, title, body)).collect_view()}
        <section aria-labelledby="help-version">
            <h2 id="help-version" class="ds-heading" data-size="sm">{txt("help.version.title")}</h2>
            <p class="ds-paragraph" data-testid="app-version">
                {move || trf(app.lang.get(), "help.version.body", &[("version", crate::app_version())])}
            </p>
        </section>
        // Made at build time (scripts/third-party.mjs), named by its content like every file.
        <section aria-labelledby="about-licences">
            <h2 id="about-licences" class="ds-heading" data-size="sm">{txt("about.licences.title")}</h2>
            <p class="ds-paragraph">{txt("about.licences.body")}</p>
            <p class="ds-paragraph"><a class="ds-link" href=crate::fetch::built("third-party-licenses.txt") data-testid="about-licences">{txt("about.licences.link")}</a></p>
        </section>
        </div>
    }
}
