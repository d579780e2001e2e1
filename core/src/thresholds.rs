//! Legal amounts as dated data (`content/thresholds.json`): the Act's lower limit, the national
//! threshold and the EEA thresholds, and which part of the regulations an estimated value falls
//! under.
//!
//! Norwegian figures apply until the regulation is amended, not for a fixed period, so a figure
//! has a `valid_from`, an optional `superseded_on` and no end date of its own. A successor whose
//! amount we could not confirm is a record without an amount: the last confirmed figure is then
//! shown for orientation only, and the app says where the current figure is published.

use crate::text::Text;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Source {
    pub label: Text,
    pub url: String,
}

/// How sure we are of a figure.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read in primary or several reliable sources.
    High,
    /// Secondary sources only: the app says to check it.
    Medium,
    /// Known to exist, amount not confirmed (the record has no amount).
    Unconfirmed,
}

/// One figure of a series, in force from `valid_from` (ISO date, inclusive).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Figure {
    /// The series: `act-lower-limit`, `national`, `eea-goods-services`, `eea-works` or
    /// `eea-special-services`.
    pub id: String,
    /// NOK excluding VAT; `None` for an adjustment whose amount is not confirmed.
    #[serde(default)]
    pub amount: Option<u64>,
    /// When it took effect in Norway. For an unconfirmed successor it is only the earliest day it
    /// may apply (Norway brings EEA adjustments into force by amending the regulation, never yet
    /// on 1 January): the app shows it as "at the earliest", never as the day it took effect.
    pub valid_from: String,
    /// When a newer figure took over, when that date is known.
    #[serde(default)]
    pub superseded_on: Option<String>,
    /// When we last checked the figure against its sources.
    pub checked_on: String,
    pub confidence: Confidence,
    /// What we know beyond the amount (history, how sure we are).
    #[serde(default)]
    pub note: Option<Text>,
    /// Where it is published, most authoritative first.
    pub sources: Vec<Source>,
}

impl Figure {
    /// The first source (every figure has one; the tests keep it so).
    pub fn source(&self) -> &Source {
        &self.sources[0]
    }
}

/// What a series is and what it decides.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: Text,
    pub meaning: Text,
}

#[derive(Debug, Deserialize)]
pub struct Figures {
    pub series: Vec<Series>,
    pub figures: Vec<Figure>,
}

impl Figures {
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }

    /// Where a series stands on `today`.
    pub fn standing(&self, id: &str, today: &str) -> Standing<'_> {
        standing(&self.figures, id, today)
    }
}

pub const LOWER_LIMIT: &str = "act-lower-limit";
pub const NATIONAL: &str = "national";
pub const EEA_GOODS_SERVICES: &str = "eea-goods-services";
pub const EEA_WORKS: &str = "eea-works";
/// Health and social services and other special services: their own, much higher threshold.
pub const EEA_SPECIAL_SERVICES: &str = "eea-special-services";
/// Every series, in the order the facts page shows them.
pub const SERIES: [&str; 5] = [LOWER_LIMIT, NATIONAL, EEA_GOODS_SERVICES, EEA_WORKS, EEA_SPECIAL_SERVICES];

/// The contract types of the value question (`startup/framework/contract-type`).
pub const GOODS_SERVICES: &str = "goods-services";
pub const WORKS: &str = "works";
pub const SPECIAL_SERVICES: &str = "special-services";

/// The EEA threshold series for a contract type. Without a type the goods-and-services
/// threshold is used (the common case, and the lowest).
pub fn eea_series(contract_type: Option<&str>) -> &'static str {
    match contract_type {
        Some(WORKS) => EEA_WORKS,
        Some(SPECIAL_SERVICES) => EEA_SPECIAL_SERVICES,
        _ => EEA_GOODS_SERVICES,
    }
}

pub fn figures() -> &'static Figures {
    static ALL: OnceLock<Figures> = OnceLock::new();
    ALL.get_or_init(|| {
        serde_json::from_str(include_str!("../../content/thresholds.json")).expect("thresholds.json parses")
    })
}

/// Where a series stands on a day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Standing<'a> {
    /// A figure with a known amount is in force.
    InForce(&'a Figure),
    /// The figure was adjusted and the new amount is not confirmed: `last` is for orientation.
    Unconfirmed { last: &'a Figure, successor: &'a Figure },
    /// No figure is known for that day.
    Unknown,
}

impl<'a> Standing<'a> {
    /// The amount the app works with: the figure in force, or the last confirmed one.
    pub fn amount(&self) -> Option<u64> {
        self.figure().and_then(|f| f.amount)
    }

    /// The figure whose amount is used.
    pub fn figure(&self) -> Option<&'a Figure> {
        match *self {
            Standing::InForce(f) | Standing::Unconfirmed { last: f, .. } => Some(f),
            Standing::Unknown => None,
        }
    }

    /// True when the amount may not be the one in force: unconfirmed or from secondary sources.
    pub fn uncertain(&self) -> bool {
        match self {
            Standing::InForce(f) => f.confidence != Confidence::High,
            Standing::Unconfirmed { .. } => true,
            Standing::Unknown => false,
        }
    }
}

/// The record of series `id` in force on `today`: the newest that has taken effect.
pub fn standing<'a>(all: &'a [Figure], id: &str, today: &str) -> Standing<'a> {
    let mut series: Vec<&Figure> = all.iter().filter(|f| f.id == id).collect();
    series.sort_by(|a, b| a.valid_from.cmp(&b.valid_from));
    let Some(pos) = series.iter().rposition(|f| f.valid_from.as_str() <= today) else {
        return Standing::Unknown;
    };
    let current = series[pos];
    if current.amount.is_some() {
        return Standing::InForce(current);
    }
    match series[..pos].iter().rev().find(|f| f.amount.is_some()) {
        Some(last) => Standing::Unconfirmed { last, successor: current },
        None => Standing::Unknown,
    }
}

crate::ids::id_enum! {
    /// The part of the procurement rules a value falls under.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Regime {
        ValueUnknown = "value-unknown",
        /// Below the Act's lower limit: the procurement rules do not apply.
        BelowLowerLimit = "below-lower-limit",
        /// From the lower limit to the national threshold: part I only.
        BelowNational = "below-national",
        /// From the national threshold up to the EEA threshold: part II.
        National = "national",
        /// At or above the EEA threshold: part III.
        Eea = "eea",
        /// Health, social and other special services from the lower limit up to their own EEA
        /// threshold: part I only (part II's procedures do not apply to these services).
        SpecialBelowEea = "special-below-eea",
        /// Special services at or above their EEA threshold: the lighter rules for these services,
        /// not the whole of part III.
        SpecialEea = "special-eea",
    }
}

/// How close to a figure counts as "near" when the figure may not be the one in force.
pub const NEAR_FRACTION: f64 = 0.15;

/// Which regime applies on a day, and how sure the figures behind it are.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'a> {
    pub regime: Regime,
    pub lower_limit: Standing<'a>,
    pub national: Standing<'a>,
    /// The EEA threshold for the contract type.
    pub eea: Standing<'a>,
    /// The value equals the figure that decided the regime.
    pub at_threshold: bool,
    /// Uncertain figures within [`NEAR_FRACTION`] of the value: the regime may differ.
    pub near_uncertain: Vec<Standing<'a>>,
}

impl<'a> Assessment<'a> {
    /// The figures that bound the regime the value is in, lowest first: the ones a reader must
    /// be able to trust for the result to hold.
    pub fn bounds(&self) -> Vec<Standing<'a>> {
        match self.regime {
            Regime::ValueUnknown => vec![],
            Regime::BelowLowerLimit => vec![self.lower_limit],
            Regime::BelowNational => vec![self.lower_limit, self.national],
            Regime::National => vec![self.national, self.eea],
            Regime::Eea | Regime::SpecialEea => vec![self.eea],
            Regime::SpecialBelowEea => vec![self.lower_limit, self.eea],
        }
    }
}

/// Places an estimated value. The higher regime applies when the value equals a figure.
/// The EEA threshold is the one for the contract type ([`eea_series`]); special services have
/// no national threshold of their own, so between the lower limit and their EEA threshold only
/// part I applies.
pub fn assess<'a>(all: &'a [Figure], value: Option<u64>, contract_type: Option<&str>, today: &str) -> Assessment<'a> {
    let eea_id = eea_series(contract_type);
    let special = eea_id == EEA_SPECIAL_SERVICES;
    let lower_limit = standing(all, LOWER_LIMIT, today);
    let national = standing(all, NATIONAL, today);
    let eea = standing(all, eea_id, today);
    let Some(value) = value else {
        return Assessment {
            regime: Regime::ValueUnknown,
            lower_limit,
            national,
            eea,
            at_threshold: false,
            near_uncertain: vec![],
        };
    };
    let reaches = |s: Standing| s.amount().is_some_and(|a| value >= a);
    let (regime, deciding) = if reaches(eea) {
        (if special { Regime::SpecialEea } else { Regime::Eea }, eea)
    } else if special && reaches(lower_limit) {
        (Regime::SpecialBelowEea, lower_limit)
    } else if reaches(national) {
        (Regime::National, national)
    } else if reaches(lower_limit) {
        (Regime::BelowNational, lower_limit)
    } else if lower_limit.amount().is_some() {
        (Regime::BelowLowerLimit, Standing::Unknown)
    } else if special {
        (Regime::SpecialBelowEea, Standing::Unknown)
    } else {
        (Regime::BelowNational, Standing::Unknown)
    };
    let near = |s: &Standing| {
        s.uncertain() && s.amount().is_some_and(|a| (value as f64 - a as f64).abs() <= a as f64 * NEAR_FRACTION)
    };
    let national_counts = !special;
    let near_uncertain = [Some(lower_limit), national_counts.then_some(national), Some(eea)]
        .into_iter()
        .flatten()
        .filter(near)
        .collect();
    let at_threshold = deciding.amount() == Some(value);
    Assessment { regime, lower_limit, national, eea, at_threshold, near_uncertain }
}

/// The earliest `checked_on` among the figures in force or shown on `today`: how current the
/// app's amounts are, at worst.
pub fn checked_on(all: &[Figure], today: &str) -> Option<String> {
    SERIES
        .into_iter()
        .flat_map(|id| match standing(all, id, today) {
            Standing::InForce(f) => vec![f],
            Standing::Unconfirmed { last, successor } => vec![last, successor],
            Standing::Unknown => vec![],
        })
        .map(|f| f.checked_on.clone())
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use Confidence::*;

    fn f(id: &str, amount: Option<u64>, from: &str, superseded: Option<&str>, confidence: Confidence) -> Figure {
        Figure {
            id: id.into(),
            amount,
            valid_from: from.into(),
            superseded_on: superseded.map(Into::into),
            checked_on: "2026-12-01".into(),
            confidence,
            note: None,
            sources: vec![Source { label: Text::default(), url: "https://example.invalid".into() }],
        }
    }

    /// The shipped data as of 2026-12-01, built by hand so the rules are tested apart from it.
    fn table() -> Vec<Figure> {
        vec![
            f(LOWER_LIMIT, Some(100_000), "2017-01-01", Some("2026-07-01"), High),
            f(LOWER_LIMIT, Some(500_000), "2026-07-01", None, Medium),
            f(NATIONAL, Some(1_300_000), "2018-04-06", None, High),
            f(EEA_GOODS_SERVICES, Some(2_300_000), "2024-03-14", None, High),
            f(EEA_GOODS_SERVICES, None, "2026-01-01", None, Unconfirmed),
            f(EEA_WORKS, Some(57_800_000), "2024-03-14", None, High),
            f(EEA_WORKS, None, "2026-01-01", None, Unconfirmed),
            f(EEA_SPECIAL_SERVICES, Some(7_200_000), "2020-02-13", Some("2022-03-23"), High),
            f(EEA_SPECIAL_SERVICES, None, "2022-03-23", None, Unconfirmed),
        ]
    }

    #[test]
    fn a_figure_applies_from_the_day_it_took_effect() {
        let all = table();
        assert_eq!(standing(&all, NATIONAL, "2018-04-05"), Standing::Unknown, "the day before");
        assert_eq!(standing(&all, NATIONAL, "2018-04-06").amount(), Some(1_300_000), "the day it took effect");
        assert_eq!(standing(&all, EEA_GOODS_SERVICES, "2024-03-13"), Standing::Unknown);
        assert!(
            matches!(standing(&all, EEA_GOODS_SERVICES, "2024-03-14"), Standing::InForce(f) if f.amount == Some(2_300_000))
        );
    }

    #[test]
    fn the_national_threshold_has_no_end_date() {
        let all = table();
        for day in ["2025-12-31", "2026-01-01", "2026-12-01", "2031-06-30"] {
            let s = standing(&all, NATIONAL, day);
            assert!(matches!(s, Standing::InForce(f) if f.amount == Some(1_300_000)), "{day}");
            assert!(!s.uncertain(), "{day}");
        }
    }

    #[test]
    fn an_unconfirmed_successor_leaves_the_last_figure_for_orientation() {
        let all = table();
        assert!(
            matches!(standing(&all, EEA_GOODS_SERVICES, "2025-12-31"), Standing::InForce(_)),
            "last day before the adjustment"
        );
        match standing(&all, EEA_GOODS_SERVICES, "2026-01-01") {
            Standing::Unconfirmed { last, successor } => {
                assert_eq!(last.amount, Some(2_300_000));
                assert_eq!(successor.amount, None);
            }
            other => panic!("expected unconfirmed, got {other:?}"),
        }
        let s = standing(&all, EEA_WORKS, "2026-12-01");
        assert_eq!(s.amount(), Some(57_800_000), "the orientation figure is still used to place a value");
        assert!(s.uncertain());
    }

    #[test]
    fn the_lower_limit_before_and_after_1_july_2026() {
        let all = table();
        let before = standing(&all, LOWER_LIMIT, "2026-06-30");
        let after = standing(&all, LOWER_LIMIT, "2026-07-01");
        assert_eq!(before.amount(), Some(100_000));
        assert!(!before.uncertain());
        assert_eq!(after.amount(), Some(500_000));
        assert!(after.uncertain(), "secondary sources only");
        assert_eq!(assess(&all, Some(300_000), None, "2026-06-30").regime, Regime::BelowNational);
        assert_eq!(assess(&all, Some(300_000), None, "2026-07-01").regime, Regime::BelowLowerLimit);
        assert_eq!(assess(&all, Some(99_999), None, "2026-06-30").regime, Regime::BelowLowerLimit);
    }

    #[test]
    fn places_values_in_regimes_with_equality_going_up() {
        let all = table();
        let day = "2026-12-01";
        let regime = |v, ct| assess(&all, Some(v), ct, day).regime;
        assert_eq!(regime(499_999, None), Regime::BelowLowerLimit);
        assert_eq!(regime(500_000, None), Regime::BelowNational);
        assert_eq!(regime(1_299_999, None), Regime::BelowNational);
        assert_eq!(regime(1_300_000, None), Regime::National);
        assert_eq!(regime(2_299_999, Some("goods-services")), Regime::National);
        assert_eq!(regime(2_300_000, Some("goods-services")), Regime::Eea);
        assert_eq!(regime(2_300_000, Some("works")), Regime::National);
        assert_eq!(regime(57_800_000, Some("works")), Regime::Eea);
        assert_eq!(assess(&all, None, None, day).regime, Regime::ValueUnknown);
        assert!(assess(&all, Some(2_300_000), None, day).at_threshold);
        assert!(assess(&all, Some(1_300_000), None, day).at_threshold);
        assert!(assess(&all, Some(500_000), None, day).at_threshold);
        assert!(!assess(&all, Some(1_300_001), None, day).at_threshold);
    }

    #[test]
    fn a_works_contract_is_placed_by_the_works_threshold() {
        let all = table();
        let day = "2026-12-07";
        let regime = |v| assess(&all, Some(v), Some(WORKS), day).regime;
        assert_eq!(regime(1_299_999), Regime::BelowNational);
        assert_eq!(regime(10_000_000), Regime::National, "NOK 10 million of works is Part II, not Part III");
        assert_eq!(regime(57_799_999), Regime::National);
        assert_eq!(regime(57_800_000), Regime::Eea);
        assert_eq!(assess(&all, Some(10_000_000), Some(WORKS), day).eea.amount(), Some(57_800_000));
        assert_eq!(assess(&all, Some(10_000_000), Some(GOODS_SERVICES), day).regime, Regime::Eea);
    }

    #[test]
    fn special_services_have_their_own_threshold_and_no_part_ii() {
        let all = table();
        let day = "2026-12-07";
        let at = |v| assess(&all, Some(v), Some(SPECIAL_SERVICES), day);
        assert_eq!(at(499_999).regime, Regime::BelowLowerLimit);
        assert_eq!(at(500_000).regime, Regime::SpecialBelowEea);
        assert_eq!(at(3_000_000).regime, Regime::SpecialBelowEea, "a NOK 3 million care service is not in Part III");
        assert_eq!(at(7_199_999).regime, Regime::SpecialBelowEea);
        assert_eq!(at(7_200_000).regime, Regime::SpecialEea);
        assert!(at(7_200_000).at_threshold);
        // The current figure is not confirmed: the 2020 figure is for orientation, with the warning near it.
        assert!(matches!(at(3_000_000).eea, Standing::Unconfirmed { last, .. } if last.amount == Some(7_200_000)));
        let near = |v| at(v).near_uncertain.iter().filter_map(|s| s.figure()).map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(near(6_500_000), [EEA_SPECIAL_SERVICES]);
        assert!(near(3_000_000).is_empty());
        assert_eq!(
            at(3_000_000).bounds().len(),
            2,
            "bounded by the lower limit and the special threshold, not the national one"
        );
    }

    #[test]
    fn near_an_uncertain_figure_the_regime_may_differ() {
        let all = table();
        let day = "2026-12-01";
        let near = |v: u64| {
            assess(&all, Some(v), None, day)
                .near_uncertain
                .iter()
                .filter_map(|s| s.figure())
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        };
        // 15 % of 2.3 million is 345,000.
        assert_eq!(near(1_955_000), [EEA_GOODS_SERVICES]);
        assert_eq!(near(2_645_000), [EEA_GOODS_SERVICES]);
        assert!(near(1_954_999).is_empty());
        assert!(near(2_645_001).is_empty());
        // The national threshold is confirmed: being close to it needs no warning.
        assert!(near(1_300_000).is_empty());
        // The lower limit is from secondary sources.
        assert_eq!(near(450_000), [LOWER_LIMIT]);
        // Before the adjustment the EEA figure was confirmed.
        assert!(assess(&all, Some(2_300_000), None, "2025-06-01").near_uncertain.is_empty());
    }

    /// Norway brings EEA adjustments into force by amending the regulation, never yet on
    /// 1 January: a record dated 1 January is an earliest day with no amount, and its note says
    /// the Norwegian date is not known (domain notes §7.6).
    #[test]
    fn no_eea_adjustment_is_dated_1_january_as_fact() {
        let data = figures();
        for fig in data.figures.iter().filter(|f| f.id.starts_with("eea-") && f.valid_from.ends_with("-01-01")) {
            assert_eq!((fig.amount, fig.confidence), (None, Confidence::Unconfirmed), "{} {}", fig.id, fig.valid_from);
            let note = fig.note.as_ref().expect("says why");
            for (lang, past) in
                [(crate::Lang::Nb, "14. mars"), (crate::Lang::Nn, "14. mars"), (crate::Lang::En, "14 March")]
            {
                assert!(note.get(lang).contains(past), "{} names the past Norwegian dates in {lang:?}", fig.id);
            }
        }
        // The 500,000 lower limit cites what reports it, not the article about the 300,000 proposal.
        let limit = data.figures.iter().find(|f| f.id == LOWER_LIMIT && f.amount == Some(500_000)).unwrap();
        assert!(limit.sources.iter().all(|s| !s.url.contains("bahr.no")), "{:?}", limit.sources);
        assert!(limit.sources.iter().any(|s| s.url.contains("cobrief.com")));
        assert_eq!(limit.confidence, Confidence::Medium);
    }

    #[test]
    fn checked_on_is_the_oldest_check_of_the_figures_in_use() {
        let mut all = table();
        all[2].checked_on = "2026-11-02".into();
        assert_eq!(checked_on(&all, "2026-12-01").as_deref(), Some("2026-11-02"));
    }

    #[test]
    fn shipped_figures_are_complete_and_consistent() {
        let data = figures();
        let all = &data.figures;
        for id in SERIES {
            let s = data.series(id).unwrap_or_else(|| panic!("series {id}"));
            assert!(s.name.missing().is_empty() && s.meaning.missing().is_empty(), "{id}");
            let mut series: Vec<&Figure> = all.iter().filter(|f| f.id == id).collect();
            series.sort_by(|a, b| a.valid_from.cmp(&b.valid_from));
            assert!(!series.is_empty(), "{id} has figures");
            for pair in series.windows(2) {
                if let Some(on) = &pair[0].superseded_on {
                    assert_eq!(on, &pair[1].valid_from, "{id}: superseded_on is the day the next figure took effect");
                }
            }
            assert!(series.last().unwrap().superseded_on.is_none(), "{id}: the newest figure is not superseded");
        }
        for fig in all {
            assert!(data.series(&fig.id).is_some(), "{} has a series", fig.id);
            assert_eq!(
                fig.amount.is_none(),
                fig.confidence == Confidence::Unconfirmed,
                "{} {}",
                fig.id,
                fig.valid_from
            );
            assert!(
                fig.confidence == Confidence::High || fig.note.is_some(),
                "{}: an uncertain figure says why",
                fig.id
            );
            assert!(!fig.sources.is_empty());
            for s in &fig.sources {
                assert!(s.url.starts_with("https://") && s.label.missing().is_empty(), "{}: {}", fig.id, s.url);
            }
            if let Some(note) = &fig.note {
                assert!(note.missing().is_empty(), "{}", fig.id);
            }
            for date in [Some(&fig.valid_from), fig.superseded_on.as_ref(), Some(&fig.checked_on)].into_iter().flatten()
            {
                assert!(
                    date.len() == 10 && crate::format::format_date(date, crate::Lang::Nb) != *date,
                    "{}: {date}",
                    fig.id
                );
            }
        }
    }

    #[test]
    fn shipped_figures_match_domain_section_7_5() {
        let all = &figures().figures;
        let day = "2026-12-01";
        assert!(
            matches!(standing(all, NATIONAL, day), Standing::InForce(f) if f.amount == Some(1_300_000) && f.valid_from == "2018-04-06")
        );
        for (id, amount) in [(EEA_GOODS_SERVICES, 2_300_000), (EEA_WORKS, 57_800_000)] {
            match standing(all, id, day) {
                Standing::Unconfirmed { last, .. } => {
                    assert_eq!((last.amount, last.valid_from.as_str()), (Some(amount), "2024-03-14"), "{id}")
                }
                other => panic!("{id}: {other:?}"),
            }
        }
        assert!(matches!(standing(all, EEA_SPECIAL_SERVICES, day), Standing::Unconfirmed { last, .. }
            if last.amount == Some(7_200_000) && last.valid_from == "2020-02-13"));
        assert_eq!(standing(all, LOWER_LIMIT, "2026-06-30").amount(), Some(100_000));
        assert!(
            matches!(standing(all, LOWER_LIMIT, day), Standing::InForce(f) if f.amount == Some(500_000) && f.confidence == Confidence::Medium)
        );
    }
}
