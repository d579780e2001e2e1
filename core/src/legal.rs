//! The one place that puts legal amounts into texts, and the day the app's legal facts were
//! checked. The rules themselves are content ([`crate::content::Rule`]).
//!
//! Texts never hold a threshold or limit amount: they say `{lower_limit}`,
//! `{national_threshold}`, `{eea_threshold}`, `{eea_works_threshold}` or
//! `{eea_special_threshold}`, and [`fill`] writes the figure that stands on the day from
//! `content/thresholds.json`. A text about one plan that names "the" EEA threshold means the one
//! for the plan's contract type: the decision texts fill it from the plan's assessment
//! ([`crate::catalog::Catalog::regime_text`]).

use crate::catalog::Catalog;
use crate::format::format_nok;
use crate::thresholds::{self, Figure, Standing};
use crate::Lang;

/// The placeholders [`fill`] knows, and the series each one shows.
pub const PLACEHOLDERS: [(&str, &str); 5] = [
    ("{lower_limit}", thresholds::LOWER_LIMIT),
    ("{national_threshold}", thresholds::NATIONAL),
    ("{eea_threshold}", thresholds::EEA_GOODS_SERVICES),
    ("{eea_works_threshold}", thresholds::EEA_WORKS),
    ("{eea_special_threshold}", thresholds::EEA_SPECIAL_SERVICES),
];

/// Writes the amounts that stand on `today` into `text`. An amount that is not confirmed reads
/// as such, so a sentence never states an uncertain figure as fact.
pub fn fill(cat: &Catalog, text: &str, today: &str, lang: Lang) -> String {
    fill_from(cat, &thresholds::figures().figures, text, today, lang)
}

pub fn fill_from(cat: &Catalog, all: &[Figure], text: &str, today: &str, lang: Lang) -> String {
    let mut out = text.to_string();
    for (placeholder, series) in PLACEHOLDERS {
        if out.contains(placeholder) {
            out = out.replace(placeholder, &amount_text(cat, thresholds::standing(all, series, today), lang));
        }
    }
    out
}

/// `1 300 000 kr`, `500 000 kr, to be checked`, or `2 300 000 kr, last confirmed figure`.
pub fn amount_text(cat: &Catalog, standing: Standing, lang: Lang) -> String {
    let amount = standing.amount().map(|a| format_nok(a, lang));
    let key = match standing {
        Standing::InForce(f) if f.confidence == thresholds::Confidence::High => None,
        Standing::InForce(_) => Some("facts.amount_to_check"),
        Standing::Unconfirmed { .. } => Some("facts.amount_last_confirmed"),
        Standing::Unknown => return cat.t(lang, "facts.amount_unknown").to_string(),
    };
    match (amount, key) {
        (Some(a), None) => a,
        (Some(a), Some(key)) => format!("{a}, {}", cat.t(lang, key)),
        (None, _) => cat.t(lang, "facts.amount_unknown").to_string(),
    }
}

/// Whether a text filled by [`fill`] or [`amount_text`] holds an amount marked as not confirmed
/// (secondary sources only, or the last confirmed figure): the reader then needs a way to see why.
pub fn marks_unconfirmed(cat: &Catalog, filled: &str, lang: Lang) -> bool {
    ["facts.amount_to_check", "facts.amount_last_confirmed"]
        .into_iter()
        .any(|key| filled.contains(&format!(", {}", cat.t(lang, key))))
}

/// The day the app's legal facts were checked, at worst: the oldest check among the rules and
/// the figures that stand on `today`.
pub fn checked_on(cat: &Catalog, today: &str) -> String {
    let figures = thresholds::checked_on(&thresholds::figures().figures, today);
    cat.legal().iter().map(|r| r.checked_on.clone()).chain(figures).min().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use crate::thresholds::figures;

    #[test]
    fn rules_are_complete_and_sourced() {
        assert!(rules().len() >= 6);
        for r in rules() {
            assert!(r.title.missing().is_empty() && r.text.missing().is_empty(), "{}", r.id);
            assert!(r.reference.missing().is_empty(), "{}", r.id);
            assert!(!r.sources.is_empty(), "{}", r.id);
            for s in &r.sources {
                assert!(s.url.starts_with("https://") && s.label.missing().is_empty(), "{}", r.id);
            }
            assert_eq!(r.checked_on.len(), 10, "{}", r.id);
        }
        let mut ids: Vec<_> = rules().iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rules().len(), "rule ids are unique");
    }

    /// The rules the 2026 amendments to the Act may have moved or changed (domain notes §7.6) say
    /// so from 1 July 2026, with where to check, until someone has read the adopted text.
    #[test]
    fn rules_the_2026_amendments_may_have_changed_say_so() {
        for id in ["regulation-parts", "innovation-in-the-act", "climate-environment"] {
            let r = rule(id).unwrap();
            assert!(r.caveat("2026-06-30").is_none(), "{id}: not before the amendments took effect");
            let c = r.caveat("2026-07-01").unwrap_or_else(|| panic!("{id} carries the caveat"));
            assert!(c.text.missing().is_empty(), "{id}");
            for lang in Lang::ALL {
                assert!(c.text.get(lang).contains("Lovdata"), "{id} {lang:?}: says where to check");
            }
            assert!(r.sources.iter().any(|s| s.url.contains("lovdata.no")), "{id}: links to Lovdata");
        }
        // The climate rule states the alternative with its condition, not bare.
        let climate = rule("climate-environment").unwrap();
        assert!(climate
            .text
            .get(Lang::En)
            .contains("only where that clearly gives a better climate and environmental effect"));
        assert!(climate.text.get(Lang::En).contains("that too must be justified"));
    }

    #[test]
    fn fills_amounts_from_the_data_as_they_stand() {
        let text = "{lower_limit} / {national_threshold} / {eea_threshold}";
        let nb = fill(cat(), text, "2026-12-01", Lang::Nb);
        assert!(nb.starts_with("500\u{a0}000\u{a0}kr, "), "medium confidence reads as to be checked: {nb}");
        assert!(marks_unconfirmed(cat(), &format!("under lovens nedre grense ({nb})"), Lang::Nb), "{nb}");
        assert!(!marks_unconfirmed(cat(), "1\u{a0}300\u{a0}000\u{a0}kr", Lang::Nb));
        assert!(nb.contains("/ 1\u{a0}300\u{a0}000\u{a0}kr /"), "{nb}");
        assert!(
            nb.ends_with(&format!("2\u{a0}300\u{a0}000\u{a0}kr, {}", t(Lang::Nb, "facts.amount_last_confirmed"))),
            "{nb}"
        );
        let before = fill(cat(), text, "2025-06-01", Lang::En);
        assert_eq!(before, "NOK 100,000 / NOK 1,300,000 / NOK 2,300,000");
        assert!(!fill(cat(), "{eea_works_threshold}", "2026-12-01", Lang::En).contains('{'));
    }

    #[test]
    fn checked_on_covers_rules_and_figures() {
        let day = checked_on(cat(), "2026-12-01");
        assert_eq!(day.len(), 10);
        assert!(rules().iter().all(|r| r.checked_on >= day));
        assert!(figures().figures.iter().all(|f| f.checked_on >= day));
    }
}
