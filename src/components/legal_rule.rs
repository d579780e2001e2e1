//! A legal rule as the app states it: what it says, the provision, its sources and when it was
//! checked, and whether a later amendment may have changed it. The same box appears on steps,
//! in the decision helper and on the facts page.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::source_link::SourceLink;
use crate::i18n::{tr, trf};
use crate::state::use_app;
use ioa_core::content::Rule;
use ioa_core::format::format_date;
use ioa_core::legal::{fill, marks_unconfirmed};
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn LegalRule(rule: &'static Rule, #[prop(optional)] heading_level: Option<u8>) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let today = today_iso();
    let title = move || rule.title.get(app.lang.get());
    let heading = match heading_level.unwrap_or(3) {
        2 => view! { <h2 class="ds-heading" data-size="2xs">{title}</h2> }.into_any(),
        4 => view! { <h4 class="ds-heading" data-size="2xs">{title}</h4> }.into_any(),
        _ => view! { <h3 class="ds-heading" data-size="2xs">{title}</h3> }.into_any(),
    };
    view! {
        <div class="legal-rule" data-rule=rule.id.clone()>
            {heading}
            <p class="ds-paragraph" data-size="sm">{move || fill(&cat.get(), rule.text.get(app.lang.get()), &today, app.lang.get())}</p>
            // An amount marked "not confirmed yet" says where to read why, on the spot.
            {move || {
                let lang = app.lang.get();
                // The facts page itself explains it beside each figure.
                let on_facts = app.route.with(|r| *r == Route::Facts);
                (!on_facts && marks_unconfirmed(&cat.get(), &fill(&cat.get(), rule.text.get(lang), &today_iso(), lang), lang)).then(|| view! {
                    <p class="ds-paragraph legal-rule__unconfirmed" data-size="sm">
                        <a class="ds-link" href=Route::Facts.href()>{tr(lang, "facts.why_unconfirmed")}</a>
                    </p>
                })
            }}
            <p class="ds-paragraph legal-rule__meta" data-size="sm">
                <span class="legal-rule__reference">{move || rule.reference.get(app.lang.get())}</span>
                {move || {
                    let lang = app.lang.get();
                    let from = rule.in_force_from.as_deref().map(|d| trf(lang, "facts.in_force_from", &[("date", &format_date(d, lang))]));
                    let checked = trf(lang, "facts.rule_checked", &[("date", &format_date(&rule.checked_on, lang))]);
                    format!(" · {}{}", from.map(|f| f + " ").unwrap_or_default(), checked)
                }}
            </p>
            {rule.caveat(&today_iso()).map(|caveat| view! {
                <p class="ds-paragraph legal-rule__caveat" data-size="sm" data-caveat-from=caveat.from.clone()>
                    {move || caveat.text.get(app.lang.get())}
                </p>
            })}
            <ul class="legal-rule__sources">
                {rule.sources.iter().map(|s| view! { <li><SourceLink source=s/></li> }).collect_view()}
            </ul>
        </div>
    }
}
