//! The decision helper's texts in words, read through a catalog: route titles, reasons, and the
//! regime with the amounts that stand on the day. The texts themselves are content
//! ([`crate::content::DecisionText`]); the tests here check them against the ids the decision
//! logic uses.

use crate::catalog::Catalog;
use crate::format::format_nok;
use crate::legal::{amount_text, fill};
use crate::thresholds::{figures, Assessment, Figure, Source, Standing};
use crate::Lang;

/// A note beside the regime, with where to check it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeNote {
    /// `at-threshold`, `orientation`, `to-check` or `near`.
    pub id: &'static str,
    pub text: String,
    pub source: Option<&'static Source>,
}

/// The decision texts in words: they need the catalog's strings.
impl Catalog {
    /// A route's title in `lang` (empty for an unknown id; the tests keep every route's text).
    pub fn route_title(&self, id: &str, lang: Lang) -> &'static str {
        self.decision().route(id).map_or("", |r| self.text(&r.title, lang))
    }
    /// A reason's text in `lang` (empty for an unknown id; the tests keep every reason's text).
    pub fn reason_text(&self, id: &str, lang: Lang) -> &'static str {
        self.decision().reasons.get(id).map_or("", |t| self.text(t, lang))
    }

    /// Which part of the rules applies, in words, with the amounts that stand on `today`.
    /// "The" EEA threshold in these texts is the assessment's: the one for the plan's contract
    /// type (works, special services, or goods and services).
    pub fn regime_text(&self, assessment: &Assessment, value: Option<u64>, today: &str, lang: Lang) -> String {
        let template = self.decision().regimes.get(assessment.regime.id()).map_or("", |t| self.text(t, lang));
        let filled = template
            .replace("{value}", &value.map(|v| format_nok(v, lang)).unwrap_or_default())
            .replace("{eea_threshold}", &amount_text(self, assessment.eea, lang));
        fill(self, &filled, today, lang)
    }

    /// The notes a reader needs beside the regime: the value sits exactly on a figure; a figure
    /// that bounds the regime is only the last confirmed one, or from secondary sources; the value
    /// is near such a figure, so the regime may differ.
    pub fn regime_notes(&self, assessment: &Assessment<'static>, lang: Lang) -> Vec<RegimeNote> {
        let series_name = |f: &Figure| figures().series(&f.id).map_or("", |s| self.text(&s.name, lang)).to_string();
        let note = |id: &'static str, args: &[(&str, String)], source: Option<&'static Source>| {
            let mut text = self.decision().threshold_notes.get(id).map_or("", |t| self.text(t, lang)).to_string();
            for (name, value) in args {
                text = text.replace(&format!("{{{name}}}"), value);
            }
            // Collapse the plain spaces an empty {note} leaves; no-break spaces keep amounts whole.
            let text = text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            RegimeNote { id, text, source }
        };
        let amount = |f: &Figure| f.amount.map(|a| format_nok(a, lang)).unwrap_or_default();
        let mut notes = Vec::new();
        if assessment.at_threshold {
            notes.push(note("at-threshold", &[], None));
        }
        for standing in assessment.bounds() {
            match standing {
                Standing::Unconfirmed { last, successor } => notes.push(note(
                    "orientation",
                    &[
                        ("name", series_name(last)),
                        ("amount", amount(last)),
                        ("note", successor.note.as_ref().map_or("", |n| self.text(n, lang)).to_string()),
                    ],
                    Some(successor.source()),
                )),
                Standing::InForce(f) if standing.uncertain() => notes.push(note(
                    "to-check",
                    &[
                        ("name", series_name(f)),
                        ("amount", amount(f)),
                        ("note", f.note.as_ref().map_or("", |n| self.text(n, lang)).to_string()),
                    ],
                    Some(f.source()),
                )),
                _ => {}
            }
        }
        for standing in &assessment.near_uncertain {
            if let Some(f) = standing.figure() {
                let source = match standing {
                    Standing::Unconfirmed { successor, .. } => successor.source(),
                    _ => f.source(),
                };
                notes.push(note("near", &[("name", series_name(f)), ("amount", amount(f))], Some(source)));
            }
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use crate::content::THRESHOLD_NOTES;
    use crate::decision::{Procedure, Route, QUESTION_IDS};
    use crate::text::Text;
    use crate::thresholds::Regime;

    fn complete(path: &str, t: &Text) {
        assert!(t.missing().is_empty(), "{path} is missing {:?}", t.missing());
    }

    fn notes_on(value: u64, today: &str, lang: Lang) -> Vec<RegimeNote> {
        let a = crate::thresholds::assess(&figures().figures, Some(value), None, today);
        cat().regime_notes(&a, lang)
    }

    #[test]
    fn no_expiry_warning_for_the_national_threshold_and_orientation_for_the_eea_figure() {
        for lang in Lang::ALL {
            // Part II on 1 December 2026: bounded by the national threshold (confirmed) and the EEA
            // threshold (adjusted in 2026, new figure not confirmed).
            let notes = notes_on(1_500_000, "2026-12-01", lang);
            let ids: Vec<_> = notes.iter().map(|n| n.id).collect();
            assert_eq!(ids, ["orientation"], "{lang:?}");
            let national = figures().series("national").unwrap().name.get(lang);
            assert!(notes.iter().all(|n| !n.text.contains(national)), "{lang:?}: {notes:?}");
            assert!(
                notes[0].source.unwrap().url.contains("terskelverdier"),
                "points to where the current figure is published"
            );
            assert!(notes[0].text.contains("2026"), "{lang:?}: says it was adjusted in 2026: {}", notes[0].text);
            assert!(!notes[0].text.contains('{'), "{}", notes[0].text);
            let amount = crate::format::format_nok(2_300_000, lang);
            assert!(
                notes[0].text.contains(&amount),
                "{lang:?}: the amount stays whole (no-break spaces): {}",
                notes[0].text
            );
        }
    }

    #[test]
    fn near_an_unconfirmed_figure_the_notes_say_the_current_figure_decides() {
        let ids: Vec<_> = notes_on(2_100_000, "2026-12-01", Lang::En).into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["orientation", "near"]);
        let ids: Vec<_> = notes_on(2_300_000, "2026-12-01", Lang::En).into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["at-threshold", "orientation", "near"]);
        // Before the adjustment the same values need no caveat.
        assert!(notes_on(2_100_000, "2025-06-01", Lang::En).is_empty());
        // Below the national threshold after 1 July 2026 the lower limit is from secondary sources.
        let ids: Vec<_> = notes_on(800_000, "2026-12-01", Lang::Nb).into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["to-check"]);
    }

    #[test]
    fn regime_texts_carry_the_amounts_from_the_data() {
        let text = decision_text();
        let a = crate::thresholds::assess(&figures().figures, Some(1_000_000), None, "2026-12-01");
        let nb = cat().regime_text(&a, Some(1_000_000), "2026-12-01", Lang::Nb);
        assert!(
            nb.contains("1\u{a0}000\u{a0}000\u{a0}kr")
                && nb.contains("1\u{a0}300\u{a0}000\u{a0}kr")
                && nb.contains("500\u{a0}000\u{a0}kr"),
            "{nb}"
        );
        assert!(!nb.contains('{'), "{nb}");
        let before = cat().regime_text(&a, Some(1_000_000), "2026-06-30", Lang::En);
        assert!(before.contains("NOK 100,000") && !before.contains("500,000"), "the amounts follow the day: {before}");
        for regime in crate::thresholds::Regime::ALL {
            for lang in Lang::ALL {
                let t = text.regimes[regime.id()].get(lang);
                let filled = fill(cat(), &t.replace("{value}", "X"), "2026-12-01", lang);
                assert!(!filled.contains('{'), "{}: unknown placeholder in {filled}", regime.id());
            }
        }
    }

    /// Every text that names an EEA threshold gives the figure for the plan's contract type:
    /// the regime text and the notes beside it, in every language, on both sides of each figure.
    #[test]
    fn every_eea_threshold_named_is_the_one_for_the_contract_type() {
        use crate::thresholds::{assess, GOODS_SERVICES, SPECIAL_SERVICES, WORKS};
        let text = decision_text();
        let day = "2026-12-07";
        let cases: [(Option<&str>, u64, &[u64]); 4] = [
            (Some(GOODS_SERVICES), 2_300_000, &[1_500_000, 3_000_000]),
            (None, 2_300_000, &[1_500_000, 3_000_000]),
            (Some(WORKS), 57_800_000, &[10_000_000, 60_000_000]),
            (Some(SPECIAL_SERVICES), 7_200_000, &[3_000_000, 8_000_000]),
        ];
        let all_eea = [2_300_000, 57_800_000, 7_200_000];
        for (contract_type, eea, values) in cases {
            for &value in values {
                let a = assess(&figures().figures, Some(value), contract_type, day);
                for lang in Lang::ALL {
                    let template = text.regimes[a.regime.id()].get(lang);
                    let mut said = cat().regime_text(&a, Some(value), day, lang);
                    said.extend(cat().regime_notes(&a, lang).into_iter().map(|n| n.text));
                    if template.contains("{eea_threshold}") {
                        assert!(
                            said.contains(&crate::format::format_nok(eea, lang)),
                            "{contract_type:?} {value} {lang:?}: {said}"
                        );
                    }
                    for other in all_eea.iter().filter(|&&o| o != eea) {
                        let other = crate::format::format_nok(*other, lang);
                        assert!(!said.contains(&other), "{contract_type:?} {value} {lang:?} names {other}: {said}");
                    }
                }
            }
        }
        // The two cases the review found, by regime.
        let works = assess(&figures().figures, Some(10_000_000), Some(WORKS), day);
        assert_eq!(works.regime, crate::thresholds::Regime::National);
        assert!(cat().regime_text(&works, Some(10_000_000), day, Lang::En).contains("NOK 57,800,000"));
        let care = assess(&figures().figures, Some(3_000_000), Some(SPECIAL_SERVICES), day);
        assert_eq!(care.regime, crate::thresholds::Regime::SpecialBelowEea);
        let notes: Vec<_> = cat().regime_notes(&care, Lang::Nb).into_iter().map(|n| n.id).collect();
        assert!(
            notes.contains(&"orientation"),
            "the unconfirmed special-services figure is for orientation: {notes:?}"
        );
    }

    #[test]
    fn questions_match_the_logic_and_offer_dont_know() {
        let text = decision_text();
        let ids: Vec<_> = text.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, QUESTION_IDS);
        for q in &text.questions {
            complete(&q.id, &q.text);
            complete(&q.id, &q.why);
            let last = q.options.last().unwrap().id.as_str();
            let expected = if q.id == "first-view" { "unsure" } else { "unknown" };
            assert_eq!(last, expected, "{}: last option", q.id);
            for o in &q.options {
                complete(&format!("{}:{}", q.id, o.id), &o.label);
            }
        }
        // The prefilled questions use the worksheet fields' option ids.
        let content = content();
        for (question, key) in crate::decision::SHARED {
            let field = content.field(key).unwrap();
            for option in field.options() {
                assert!(text.option_label(question, &option.id).is_some(), "{question} lacks {}", option.id);
            }
        }
    }

    #[test]
    fn every_route_procedure_reason_and_regime_has_text() {
        let text = decision_text();
        for r in Route::ALL {
            let rt = text.route(r.id()).unwrap_or_else(|| panic!("route {}", r.id()));
            complete(r.id(), &rt.title);
            complete(r.id(), &rt.summary);
        }
        use crate::decision::Headline;
        for h in [Headline::NotAnswered, Headline::MixedSignals, Headline::AnchorFirst] {
            let ht = text.headline(h).unwrap_or_else(|| panic!("headline {}", h.id()));
            complete(h.id(), &ht.title);
            complete(h.id(), &ht.summary);
        }
        use Procedure::*;
        for p in [OpenRestricted, Negotiation, CompetitiveDialogue, InnovationPartnership, PreCommercial, StartOff] {
            let pt = text.procedure(p.id()).unwrap_or_else(|| panic!("procedure {}", p.id()));
            for t in [&pt.title, &pt.fits, &pt.condition, &pt.source.label] {
                complete(p.id(), t);
            }
            assert!(pt.source.url.starts_with("https://"), "{}", p.id());
        }
        let source = include_str!("decision.rs");
        let used: Vec<&str> = source
            .split("reason(\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .chain(["matches-first-view", "differs-from-first-view"])
            .collect();
        assert!(used.len() > 20);
        for id in used {
            complete(id, text.reasons.get(id).unwrap_or_else(|| panic!("no text for reason {id}")));
        }
        for regime in Regime::ALL {
            complete(regime.id(), text.regimes.get(regime.id()).unwrap_or_else(|| panic!("regime {}", regime.id())));
        }
        for id in crate::decision::FIT_IDS {
            complete(id, text.procedure_fits.get(id).unwrap_or_else(|| panic!("no text for procedure fit {id}")));
        }
        assert_eq!(text.procedure_fits.len(), crate::decision::FIT_IDS.len(), "every fit text is used");
        for note in THRESHOLD_NOTES {
            complete(note, text.threshold_notes.get(note).unwrap_or_else(|| panic!("threshold note {note}")));
        }
        for c in ["innovation-friendly", "innovation-procurement"] {
            complete(c, &text.concepts[c]);
        }
        for t in [&text.title, &text.intro, &text.disclaimer, &text.value_question.text, &text.value_question.why] {
            complete("decision", t);
        }
    }
}
