//! Texts of the decision helper (`content/decision.json`), checked against the ids the decision
//! logic uses.

use crate::content::ChoiceOption;
use crate::text::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Question {
    pub id: String,
    pub text: Text,
    pub why: Text,
    pub options: Vec<ChoiceOption>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ValueQuestion {
    pub text: Text,
    pub why: Text,
    pub amount_label: Text,
    pub contract_type_label: Text,
    pub contract_types: Vec<ChoiceOption>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct RouteText {
    pub id: String,
    pub title: Text,
    pub summary: Text,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ProcedureText {
    pub id: String,
    pub title: Text,
    pub fits: Text,
    pub condition: Text,
    pub source: crate::thresholds::Source,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct DecisionText {
    pub title: Text,
    pub intro: Text,
    pub disclaimer: Text,
    pub concepts: BTreeMap<String, Text>,
    pub questions: Vec<Question>,
    pub value_question: ValueQuestion,
    pub routes: Vec<RouteText>,
    pub procedures: Vec<ProcedureText>,
    pub reasons: BTreeMap<String, Text>,
    pub regimes: BTreeMap<String, Text>,
    pub threshold_notes: BTreeMap<String, Text>,
}

impl DecisionText {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn route(&self, id: &str) -> Option<&RouteText> {
        self.routes.iter().find(|r| r.id == id)
    }
    pub fn procedure(&self, id: &str) -> Option<&ProcedureText> {
        self.procedures.iter().find(|p| p.id == id)
    }
    /// A route's title in `lang` (empty for an unknown id; the tests keep every route's text).
    pub fn route_title(&self, id: &str, lang: crate::Lang) -> &str {
        self.route(id).map_or("", |r| r.title.get(lang))
    }
    /// A reason's text in `lang` (empty for an unknown id; the tests keep every reason's text).
    pub fn reason_text(&self, id: &str, lang: crate::Lang) -> &str {
        self.reasons.get(id).map_or("", |t| t.get(lang))
    }
    /// The label of an option of a question.
    pub fn option_label(&self, question: &str, option: &str) -> Option<&Text> {
        self.question(question)?.options.iter().find(|o| o.id == option).map(|o| &o.label)
    }
}

pub fn decision_text() -> &'static DecisionText {
    static TEXT: OnceLock<DecisionText> = OnceLock::new();
    TEXT.get_or_init(|| serde_json::from_str(include_str!("../../content/decision.json")).expect("decision.json parses"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::{Procedure, Route, QUESTION_IDS};
    use crate::thresholds::Regime;

    fn complete(path: &str, t: &Text) {
        assert!(t.missing().is_empty(), "{path} is missing {:?}", t.missing());
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
        let content = crate::content::content();
        for (question, key) in crate::decision::PREFILLS {
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
        for regime in [Regime::ValueUnknown, Regime::BelowNational, Regime::National, Regime::Eea] {
            complete(regime.id(), text.regimes.get(regime.id()).unwrap_or_else(|| panic!("regime {}", regime.id())));
        }
        for note in ["expired", "at-threshold"] {
            complete(note, &text.threshold_notes[note]);
        }
        for c in ["innovation-friendly", "innovation-procurement"] {
            complete(c, &text.concepts[c]);
        }
        for t in [&text.title, &text.intro, &text.disclaimer, &text.value_question.text, &text.value_question.why] {
            complete("decision", t);
        }
    }
}
