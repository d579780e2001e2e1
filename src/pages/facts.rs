//! "About the facts": every amount and rule the app uses, where it stands today, its source and
//! when it was checked, so a user sees at once how current the app is.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::legal_rule::LegalRule;
use crate::components::rich_text::RichText;
use crate::components::source_link::SourceLink;
use crate::i18n::{content_text, tr, trf, txt};
use crate::state::use_app;
use crate::title::title_from;
use ioa_core::format::format_date;
use ioa_core::legal::{amount_text, checked_on};
use ioa_core::route::Route;
use ioa_core::thresholds::{figures, Confidence, Figure, Series, Standing};
use ioa_core::Lang;
use leptos::prelude::*;

#[component]
pub fn FactsPage() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    title_from("facts.title");
    let today = today_iso();
    let checked = checked_on(&cat.get(), &today);
    view! {
        <h1 class="ds-heading" data-size="lg" tabindex="-1">{txt("facts.title")}</h1>
        <p class="ds-paragraph lead">{txt("facts.intro")}</p>
        <p class="ds-paragraph facts-checked">
            {move || { let lang = app.lang.get(); trf(lang, "facts.checked_on", &[("date", &format_date(&checked, lang))]) }}
        </p>
        <section aria-labelledby="facts-figures">
            <h2 id="facts-figures" class="ds-heading" data-size="md">{txt("facts.figures")}</h2>
            {figures().series.iter().map(|s| view! { <SeriesFacts series=s today=today.clone()/> }).collect_view()}
        </section>
        <section aria-labelledby="facts-rules">
            <h2 id="facts-rules" class="ds-heading" data-size="md">{txt("facts.rules")}</h2>
            <div class="rule-list">{cat.get_untracked().legal().iter().map(|r| view! { <LegalRule rule=r/> }).collect_view()}</div>
        </section>
        <p class="ds-paragraph"><a class="ds-link" href=Route::Home.href()>{txt("common.to_library")}</a></p>
    }
}

#[component]
fn SeriesFacts(series: &'static Series, today: String) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let standing = figures().standing(&series.id, &today);
    let mut history: Vec<&'static Figure> = figures().figures.iter().filter(|f| f.id == series.id).collect();
    history.sort_by(|a, b| b.valid_from.cmp(&a.valid_from));
    let table_label = move || format!("{}: {}", series.name.get(app.lang.get()), tr(app.lang.get(), "facts.history"));
    view! {
        <section class="facts-series" data-series=series.id.clone() aria-labelledby=format!("series-{}", series.id)>
            <h3 id=format!("series-{}", series.id) class="ds-heading" data-size="sm">{content_text(&series.name)}</h3>
            <p class="ds-paragraph">{content_text(&series.meaning)}</p>
            <p class="ds-paragraph facts-today">
                <strong>{txt("facts.today")}": "</strong>
                {move || amount_text(&cat.get(), standing, app.lang.get())}
            </p>
            {standing_note(standing).map(|note| view! { <RichText text=Signal::derive(content_text(note))/> })}
            <div class="table-scroll" tabindex="0" role="region" aria-label=table_label>
                <table class="ds-table facts-table stacked-table" data-border="true">
                    <caption class="visually-hidden">{table_label}</caption>
                    <thead><tr>
                        <th scope="col">{txt("facts.col.amount")}</th>
                        <th scope="col">{txt("facts.col.from")}</th>
                        <th scope="col">{txt("facts.col.until")}</th>
                        <th scope="col">{txt("facts.col.confidence")}</th>
                        <th scope="col">{txt("facts.col.checked")}</th>
                        <th scope="col">{txt("facts.col.source")}</th>
                    </tr></thead>
                    <tbody>
                        {history.into_iter().map(|f| view! { <FigureRow figure=f/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// What we know beyond the amount, for a figure that is not certain.
fn standing_note(standing: Standing<'static>) -> Option<&'static ioa_core::text::Text> {
    match standing {
        Standing::InForce(f) => f.note.as_ref().filter(|_| f.confidence != Confidence::High),
        Standing::Unconfirmed { successor, .. } => successor.note.as_ref(),
        Standing::Unknown => None,
    }
}

#[component]
fn FigureRow(figure: &'static Figure) -> impl IntoView {
    let app = use_app();
    let cells = move || {
        let lang = app.lang.get();
        let amount = figure
            .amount
            .map(|a| ioa_core::format::format_nok(a, lang))
            .unwrap_or_else(|| tr(lang, "facts.amount_unknown").to_string());
        let from = if figure.amount.is_some() {
            format_date(&figure.valid_from, lang)
        } else {
            trf(lang, "facts.earliest", &[("date", &format_date(&figure.valid_from, lang))])
        };
        let until = match &figure.superseded_on {
            Some(d) => format_date(d, lang),
            None if figure.confidence == Confidence::Unconfirmed => String::new(),
            None => until_text(figure, lang),
        };
        let sure = tr(
            lang,
            match figure.confidence {
                Confidence::High => "facts.confidence.high",
                Confidence::Medium => "facts.confidence.medium",
                Confidence::Unconfirmed => "facts.confidence.unconfirmed",
            },
        );
        (amount, from, until, sure, format_date(&figure.checked_on, lang))
    };
    let label = move |key: &'static str| tr(app.lang.get(), key);
    view! {
        <tr>
            <td class="nowrap" data-label=move || label("facts.col.amount")>{move || cells().0}</td>
            <td class="nowrap" data-label=move || label("facts.col.from")>{move || cells().1}</td>
            <td data-label=move || label("facts.col.until")>{move || cells().2}</td>
            <td data-label=move || label("facts.col.confidence")>{move || cells().3}</td>
            <td class="nowrap" data-label=move || label("facts.col.checked")>{move || cells().4}</td>
            <td data-label=move || label("facts.col.source")><ul class="plain-list">{figure.sources.iter().map(|s| view! { <li><SourceLink source=s/></li> }).collect_view()}</ul></td>
        </tr>
    }
}

/// A figure with no known successor date: still in force, or adjusted at a date we do not know.
fn until_text(figure: &'static Figure, lang: Lang) -> String {
    let later_unconfirmed = figures()
        .figures
        .iter()
        .any(|f| f.id == figure.id && f.valid_from > figure.valid_from && f.confidence == Confidence::Unconfirmed);
    tr(lang, if later_unconfirmed { "facts.superseded_unknown_date" } else { "facts.not_superseded" }).to_string()
}
