//! The decision helper's texts (`content/decision.json`) as the content bundle carries them.
//! The words made from them (titles, reasons, the regime with its amounts) are in
//! [`crate::decision_text`], which reads them through a catalog.

use super::ChoiceOption;
use crate::text::Text;
use crate::thresholds::Source;
use serde::Deserialize;
use std::collections::BTreeMap;

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
    pub source: Source,
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
    /// Headlines that are not routes: nothing answered yet, answers pulling apart.
    pub headlines: Vec<RouteText>,
    pub procedures: Vec<ProcedureText>,
    pub reasons: BTreeMap<String, Text>,
    pub regimes: BTreeMap<String, Text>,
    /// What a procedure means at a regime, by [`crate::decision::fit`] id.
    pub procedure_fits: BTreeMap<String, Text>,
    pub threshold_notes: BTreeMap<String, Text>,
}

/// The notes shown beside the regime: the value sits on a figure; a figure is the last confirmed
/// one (its successor is not); a figure is from secondary sources; the value is near a figure
/// that may not be the one in force.
pub const THRESHOLD_NOTES: [&str; 4] = ["at-threshold", "orientation", "to-check", "near"];

impl DecisionText {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn route(&self, id: &str) -> Option<&RouteText> {
        self.routes.iter().find(|r| r.id == id)
    }
    /// The title and summary a result leads with.
    pub fn headline(&self, headline: crate::decision::Headline) -> Option<&RouteText> {
        self.routes.iter().chain(&self.headlines).find(|r| r.id == headline.id())
    }
    pub fn procedure(&self, id: &str) -> Option<&ProcedureText> {
        self.procedures.iter().find(|p| p.id == id)
    }
    /// The label of an option of a question.
    pub fn option_label(&self, question: &str, option: &str) -> Option<&Text> {
        self.question(question)?.options.iter().find(|o| o.id == option).map(|o| &o.label)
    }
}
