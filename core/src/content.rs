//! Worksheet content: the four LUP-based tools and the shared registers, loaded from
//! `content/*.json`. One engine renders every tool from this data; no tool is a hand-written form.
//! The decision helper's texts and the legal rules are content too: the types here are what a
//! content bundle holds, and they import nothing that reads a catalog.

mod decision_text;
mod legal;
#[cfg(test)]
mod lint;
mod roadmap;
#[cfg(test)]
mod shared_facts;

pub use decision_text::{DecisionText, ProcedureText, Question, RouteText, ValueQuestion, THRESHOLD_NOTES};
pub use legal::{MayHaveChanged, Rule};
pub use roadmap::{BenefitStage, BenefitsGuide, Crosswalk, Method, Phase, Relation, Roadmap, Stage};

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// One choice in a `choice` or `checklist` field or column.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ChoiceOption {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    LongText,
    Choice,
    Date,
    Amount,
    YesNo,
    /// A whole number that is not money (minutes, tasks per year).
    Number,
}

/// A typed column of a table field or a register.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Column {
    pub id: String,
    pub kind: ColumnKind,
    pub label: Text,
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// An assessment of people (a stakeholder's attitude): the whole-plan document marks it, or
    /// leaves it out when the team chooses, since a case file is open to public access.
    #[serde(default)]
    pub internal: bool,
}

/// A table that lives once in a plan and is shown by every tool that needs it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Register {
    pub id: String,
    pub title: Text,
    pub item_name: Text,
    pub columns: Vec<Column>,
}

impl Register {
    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.id == id)
    }
}

/// What kind of input a field is, with the data that kind needs.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    ShortText,
    LongText,
    List,
    Table {
        columns: Vec<Column>,
    },
    Checklist {
        options: Vec<ChoiceOption>,
    },
    Date,
    Amount,
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// A view of a shared register: which columns to show, and which of them are read-only here.
    Register {
        register: String,
        columns: Vec<String>,
        #[serde(default)]
        readonly: Vec<String>,
    },
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Field {
    pub id: String,
    pub label: Text,
    pub help: Text,
    #[serde(default)]
    pub example: Option<Text>,
    /// `tool:step/field` of the field this one shares its answer with: the same fact, asked
    /// in another place, stored once (see [`Field::storage_key`]).
    #[serde(default)]
    pub stored_at: Option<String>,
    /// Notes about people (what worries named leaders): treated as an internal column is.
    #[serde(default)]
    pub internal: bool,
    #[serde(flatten)]
    pub kind: FieldKind,
}

impl Field {
    /// The plan key this field's answer lives under: its own `tool/step/field`, or that of the
    /// field it shares storage with.
    pub fn storage_key(&self, tool: &str, step: &str) -> String {
        match self.stored_at.as_deref().and_then(reference_key) {
            Some(key) => key,
            None => answer_key(tool, step, &self.id),
        }
    }

    pub fn options(&self) -> &[ChoiceOption] {
        match &self.kind {
            FieldKind::Checklist { options } | FieldKind::Choice { options } => options,
            _ => &[],
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: Text,
    pub purpose: Text,
    pub guidance: Text,
    /// What a service designer would do in this step, where that helps.
    #[serde(default)]
    pub service_design: Option<Text>,
    /// True for a roadmap step KS's pages do not list: our proposal, and the step says so.
    #[serde(default)]
    pub proposal: bool,
    /// Legal rules that apply to this step (ids in `content/legal-rules.json`).
    #[serde(default)]
    pub rules: Vec<String>,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Link {
    pub label: Text,
    pub url: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct DocumentSection {
    pub heading: Text,
    /// `step/field`, `tool:step/field`, `register:<id>` or `register:<id>:col,col`.
    pub fields: Vec<String>,
    /// A text that is used on its own (the market-dialogue invitation becomes the notice): the
    /// document offers to print it alone and to copy it as plain text.
    #[serde(default)]
    pub standalone: bool,
}

/// The document a tool ends in.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct DocumentSpec {
    pub title: Text,
    pub intro: Text,
    pub sections: Vec<DocumentSection>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Tool {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub intro: Text,
    /// LUP's original tool, which this one is based on.
    pub original: Link,
    pub steps: Vec<Step>,
    pub document: DocumentSpec,
}

impl Tool {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

/// All worksheet content.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub registers: Vec<Register>,
    /// In the order a team usually meets them.
    pub tools: Vec<Tool>,
    /// KS's roadmap, its six phases in order.
    pub roadmap: Roadmap,
    pub crosswalk: Crosswalk,
}

/// Tool ids in task-list order.
pub const TOOL_IDS: [&str; 4] = ["leadership", "startup", "needs", "dialogue"];

/// Phase ids in the roadmap's order.
pub const PHASE_IDS: [&str; 6] = ["anchoring", "insight", "development", "piloting", "transition", "practice"];

impl Content {
    /// A worksheet by id: one of LUP's tools or one of the roadmap's phases.
    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.worksheets().find(|t| t.id == id)
    }

    /// Every worksheet the engine shows: the four tools, then the six phases.
    pub fn worksheets(&self) -> impl Iterator<Item = &Tool> {
        self.tools.iter().chain(self.roadmap.phases.iter().map(|p| &p.worksheet))
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.roadmap.phases.iter().find(|p| p.worksheet.id == id)
    }

    pub fn register(&self, id: &str) -> Option<&Register> {
        self.registers.iter().find(|r| r.id == id)
    }

    /// Finds a field by its plan key `tool/step/field`.
    pub fn field(&self, key: &str) -> Option<&Field> {
        let mut parts = key.splitn(3, '/');
        let (tool, step, field) = (parts.next()?, parts.next()?, parts.next()?);
        self.tool(tool)?.step(step)?.fields.iter().find(|f| f.id == field)
    }
}

/// The plan key of a field: `tool/step/field`.
pub fn answer_key(tool: &str, step: &str, field: &str) -> String {
    format!("{tool}/{step}/{field}")
}

/// The plan key of a field reference `tool:step/field`.
pub fn reference_key(reference: &str) -> Option<String> {
    let (tool, path) = reference.split_once(':')?;
    let (step, field) = path.split_once('/')?;
    Some(answer_key(tool, step, field))
}

/// The plan key of a step: `tool/step`.
pub fn step_key(tool: &str, step: &str) -> String {
    format!("{tool}/{step}")
}
