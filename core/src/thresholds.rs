//! Procurement thresholds as dated data (`content/thresholds.json`), and which part of the
//! regulations an estimated value falls under. Thresholds change every two years: a figure past
//! its validity is still used but flagged so the user checks it.

use crate::text::Text;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Source {
    pub label: Text,
    pub url: String,
}

/// One threshold value, valid for a period (ISO dates, inclusive).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Threshold {
    pub id: String,
    /// `all`, `goods-services` or `works`.
    pub applies_to: String,
    /// NOK excluding VAT.
    pub amount: u64,
    pub valid_from: String,
    pub valid_to: Option<String>,
    pub source: Source,
}

impl Threshold {
    /// True when `today` (ISO date) is after the last day the figure was confirmed for.
    pub fn expired_on(&self, today: &str) -> bool {
        self.valid_to.as_deref().is_some_and(|to| today > to)
    }
}

#[derive(Deserialize)]
struct File {
    thresholds: Vec<Threshold>,
}

pub fn thresholds() -> &'static [Threshold] {
    static ALL: OnceLock<Vec<Threshold>> = OnceLock::new();
    ALL.get_or_init(|| {
        serde_json::from_str::<File>(include_str!("../../content/thresholds.json"))
            .expect("thresholds.json parses")
            .thresholds
    })
}

/// The figure with this id that applies on `today`: the one valid then, or else the newest.
pub fn current<'a>(all: &'a [Threshold], id: &str, today: &str) -> Option<&'a Threshold> {
    let mut matching: Vec<&Threshold> = all.iter().filter(|t| t.id == id).collect();
    matching.sort_by(|a, b| a.valid_from.cmp(&b.valid_from));
    matching
        .iter()
        .rev()
        .find(|t| t.valid_from.as_str() <= today && !t.expired_on(today))
        .or(matching.last())
        .copied()
}

/// The part of the procurement regulations (anskaffelsesforskriften) a value falls under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regime {
    ValueUnknown,
    /// Below the national threshold: part I.
    BelowNational,
    /// From the national threshold up to the EEA threshold: part II.
    National,
    /// At or above the EEA threshold: part III.
    Eea,
}

impl Regime {
    pub fn id(self) -> &'static str {
        match self {
            Regime::ValueUnknown => "value-unknown",
            Regime::BelowNational => "below-national",
            Regime::National => "national",
            Regime::Eea => "eea",
        }
    }
}

/// Which regime applies, and the thresholds the decision rested on.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'a> {
    pub regime: Regime,
    /// The threshold the value was compared with last (the one that decided the regime).
    pub deciding: Option<&'a Threshold>,
    /// Thresholds used that are past their validity on `today`.
    pub expired: Vec<&'a Threshold>,
    /// The value equals the deciding threshold exactly.
    pub at_threshold: bool,
}

/// Places an estimated value. The higher regime applies when the value equals a threshold.
/// Without a contract type the goods-and-services EEA threshold is used (the common case).
pub fn assess<'a>(all: &'a [Threshold], value: Option<u64>, contract_type: Option<&str>, today: &str) -> Assessment<'a> {
    let Some(value) = value else {
        return Assessment { regime: Regime::ValueUnknown, deciding: None, expired: vec![], at_threshold: false };
    };
    let national = current(all, "national", today);
    let eea_id = if contract_type == Some("works") { "eea-works" } else { "eea-goods-services" };
    let eea = current(all, eea_id, today);
    let (regime, deciding) = match (national, eea) {
        (_, Some(e)) if value >= e.amount => (Regime::Eea, Some(e)),
        (Some(n), e) if value >= n.amount => (Regime::National, e.or(Some(n))),
        (n, _) => (Regime::BelowNational, n),
    };
    let at_threshold = match regime {
        Regime::Eea => eea.is_some_and(|e| e.amount == value),
        Regime::National => national.is_some_and(|n| n.amount == value),
        _ => false,
    };
    let expired = [national, eea].into_iter().flatten().filter(|t| t.expired_on(today)).collect();
    Assessment { regime, deciding, expired, at_threshold }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(id: &str, applies: &str, amount: u64, from: &str, to: Option<&str>) -> Threshold {
        Threshold {
            id: id.into(),
            applies_to: applies.into(),
            amount,
            valid_from: from.into(),
            valid_to: to.map(Into::into),
            source: Source { label: Text::default(), url: "https://example.invalid".into() },
        }
    }

    fn table() -> Vec<Threshold> {
        vec![
            t("national", "all", 1_300_000, "2024-01-01", Some("2025-12-31")),
            t("eea-goods-services", "goods-services", 2_300_000, "2024-01-01", Some("2025-12-31")),
            t("eea-works", "works", 57_800_000, "2024-01-01", Some("2025-12-31")),
        ]
    }

    #[test]
    fn shipped_thresholds_match_the_sources() {
        let all = thresholds();
        let amount = |id| current(all, id, "2025-06-01").unwrap().amount;
        assert_eq!(amount("national"), 1_300_000);
        assert_eq!(amount("eea-goods-services"), 2_300_000);
        assert_eq!(amount("eea-works"), 57_800_000);
        assert!(all.iter().all(|t| t.source.url.starts_with("https://") && t.source.label.missing().is_empty()));
    }

    #[test]
    fn places_values_in_regimes_with_equality_going_up() {
        let all = table();
        let day = "2025-06-01";
        let regime = |v, ct| assess(&all, Some(v), ct, day).regime;
        assert_eq!(regime(1_299_999, None), Regime::BelowNational);
        assert_eq!(regime(1_300_000, None), Regime::National);
        assert_eq!(regime(2_299_999, Some("goods-services")), Regime::National);
        assert_eq!(regime(2_300_000, Some("goods-services")), Regime::Eea);
        assert_eq!(regime(2_300_000, Some("works")), Regime::National);
        assert_eq!(regime(57_800_000, Some("works")), Regime::Eea);
        assert_eq!(assess(&all, None, None, day).regime, Regime::ValueUnknown);
        assert!(assess(&all, Some(2_300_000), None, day).at_threshold);
        assert!(assess(&all, Some(1_300_000), None, day).at_threshold);
        assert!(!assess(&all, Some(1_300_001), None, day).at_threshold);
    }

    #[test]
    fn flags_figures_past_their_validity() {
        let all = table();
        assert!(assess(&all, Some(5), None, "2025-12-31").expired.is_empty(), "last day is still valid");
        let later = assess(&all, Some(3_000_000), None, "2026-01-01");
        assert_eq!(later.regime, Regime::Eea, "an expired figure is still used");
        assert_eq!(later.expired.len(), 2);
    }

    #[test]
    fn prefers_the_figure_valid_today() {
        let mut all = table();
        all.push(t("national", "all", 1_500_000, "2026-01-01", None));
        assert_eq!(current(&all, "national", "2025-05-05").unwrap().amount, 1_300_000);
        assert_eq!(current(&all, "national", "2026-05-05").unwrap().amount, 1_500_000);
        assert_eq!(assess(&all, Some(1_400_000), None, "2026-05-05").regime, Regime::BelowNational);
    }
}
