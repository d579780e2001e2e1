//! The decision helper's result as document sections: what it recommends and why, which rules
//! apply with the amounts it used (each with its source and date), the fitting procedures, and
//! the route the team chose. The start-up memo and the whole-plan document both use these, so
//! the decision reads the same wherever it is printed.

use crate::catalog::Catalog;
use crate::decision::{outcome, Outcome};
use crate::documents::tool::{stale_value_item, Item, Section};
use crate::format::format_date;
use crate::legal::amount_text;
use crate::plan::Plan;
use crate::thresholds::figures;
use crate::Lang;

/// Recommendation with its reasons, the rules that apply, the amounts used, the chosen route.
pub fn route_section(cat: &Catalog, plan: &Plan, today: &str, lang: Lang) -> Section {
    let out = outcome(plan, today);
    // A value typed wrong: said first, since everything below rests on the last valid one.
    let mut items: Vec<Item> = stale_value_item(cat, plan, lang).into_iter().collect();
    items.push(recommended_item(cat, &out, lang));
    let reasons: Vec<String> = out
        .recommendation
        .reasons
        .iter()
        .chain(out.first_view.iter())
        .map(|r| cat.reason_text(r.id, lang).to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if !reasons.is_empty() {
        items.push(Item::List { label: cat.t(lang, "document.route.reasons").into(), items: reasons });
    }
    let mut regime = vec![cat.regime_text(&out.assessment, out.effective.value, today, lang)];
    regime.extend(cat.regime_notes(&out.assessment, lang).into_iter().map(|n| n.text));
    items.push(Item::Text { label: cat.t(lang, "document.route.regime").into(), text: regime.join("\n\n") });
    let used: Vec<String> = out
        .assessment
        .bounds()
        .into_iter()
        .filter_map(|standing| {
            let figure = standing.figure()?;
            let name = figures().series(&figure.id)?.name.fixed(lang);
            let source = figure.source();
            Some(cat.tf(
                lang,
                "document.route.figure",
                &[
                    ("name", name),
                    ("amount", &amount_text(cat, standing, lang)),
                    ("from", &format_date(&figure.valid_from, lang)),
                    ("checked", &format_date(&figure.checked_on, lang)),
                    ("source", cat.text(&source.label, lang)),
                    ("url", &source.url),
                ],
            ))
        })
        .collect();
    if !used.is_empty() {
        items.push(Item::List { label: cat.t(lang, "document.route.figures").into(), items: used });
    }
    items.push(chosen_item(cat, plan, lang));
    Section { heading: cat.t(lang, "document.route.heading").into(), items, standalone: false }
}

/// The helper's recommendation, as its headline.
pub fn recommended_item(cat: &Catalog, out: &Outcome, lang: Lang) -> Item {
    let headline =
        cat.decision().headline(out.headline).map(|h| cat.text(&h.title, lang).to_string()).unwrap_or_default();
    Item::Text { label: cat.t(lang, "document.route.recommended").into(), text: headline }
}

/// The route the team chose and why, or that none is chosen yet.
pub fn chosen_item(cat: &Catalog, plan: &Plan, lang: Lang) -> Item {
    let label = cat.t(lang, "document.route.chosen").to_string();
    match &plan.decision.chosen_route {
        Some(route) => {
            let mut chosen = cat.route_title(route, lang).to_string();
            if !plan.decision.chosen_reason.trim().is_empty() {
                chosen = format!("{chosen}\n\n{}", plan.decision.chosen_reason.trim());
            }
            Item::Text { label, text: chosen }
        }
        None => Item::Missing { label },
    }
}

/// The procedures that fit the recommended route at this value, best fit first, each with what
/// it means here, its condition and its legal source.
pub fn procedures_section(cat: &Catalog, plan: &Plan, today: &str, lang: Lang) -> Section {
    let text = cat.decision();
    let out = outcome(plan, today);
    let fits = out.recommendation.fits();
    let label = cat.t(lang, "document.route.procedures").to_string();
    let items = if fits.is_empty() {
        vec![Item::Text { label: label.clone(), text: cat.t(lang, "document.route.no_procedures").into() }]
    } else {
        fits.into_iter()
            .filter_map(|(procedure, fit)| {
                let p = text.procedure(procedure.id())?;
                let here = crate::legal::fill(
                    cat,
                    text.procedure_fits.get(fit).map_or("", |f| cat.text(f, lang)),
                    today,
                    lang,
                );
                let condition = format!("{} {}", cat.t(lang, "decision.condition"), cat.text(&p.condition, lang));
                let source = format!("{}: {}", cat.text(&p.source.label, lang), p.source.url);
                let lines = [cat.text(&p.fits, lang).to_string(), here, condition, source]
                    .into_iter()
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>();
                Some(Item::Text { label: cat.text(&p.title, lang).to_string(), text: lines.join("\n\n") })
            })
            .collect()
    };
    Section { heading: label, items, standalone: false }
}
