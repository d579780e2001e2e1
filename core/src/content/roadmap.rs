//! KS's roadmap for service innovation and the crosswalk between it and LUP's tools, as content.
//! A phase is a worksheet ([`Tool`]) with a few more facts, so the one worksheet engine shows it.

use super::Tool;
use crate::text::Text;
use serde::Deserialize;

/// Where a phase stands in benefit realisation, which runs through all six phases.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BenefitStage {
    Explore,
    Map,
    Plan,
    FollowUp,
}

/// A tool or method KS names for a phase.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Method {
    pub name: Text,
    pub note: Text,
    #[serde(default)]
    pub url: Option<String>,
    /// KS names the method but not where it is used: the place given in the note is our
    /// proposal, and the phase page says so with the same tag as a proposed step.
    #[serde(default)]
    pub proposal: bool,
}

/// One of the roadmap's six phases.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(from = "PhaseFile")]
pub struct Phase {
    /// Its steps, texts and document, shown by the worksheet engine like a LUP tool.
    pub worksheet: Tool,
    pub number: u8,
    pub benefit_stage: BenefitStage,
    pub methods: Vec<Method>,
    pub questions: Vec<Text>,
    pub outputs: Vec<Text>,
}

/// A phase file as written: a tool's keys and the phase's own side by side. Read as one flat
/// struct rather than with `#[serde(flatten)]`, which would buffer the file and compile a second
/// deserializer for every content type (about 30 kB of WebAssembly).
#[derive(Deserialize)]
struct PhaseFile {
    id: String,
    title: Text,
    summary: Text,
    intro: Text,
    original: super::Link,
    steps: Vec<super::Step>,
    document: super::DocumentSpec,
    number: u8,
    benefit_stage: BenefitStage,
    methods: Vec<Method>,
    questions: Vec<Text>,
    outputs: Vec<Text>,
}

impl From<PhaseFile> for Phase {
    fn from(f: PhaseFile) -> Phase {
        let worksheet = Tool {
            id: f.id,
            title: f.title,
            summary: f.summary,
            intro: f.intro,
            original: f.original,
            steps: f.steps,
            document: f.document,
        };
        Phase {
            worksheet,
            number: f.number,
            benefit_stage: f.benefit_stage,
            methods: f.methods,
            questions: f.questions,
            outputs: f.outputs,
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct BenefitStages {
    pub explore: Text,
    pub map: Text,
    pub plan: Text,
    #[serde(rename = "follow-up")]
    pub follow_up: Text,
}

impl BenefitStages {
    pub fn get(&self, stage: BenefitStage) -> &Text {
        match stage {
            BenefitStage::Explore => &self.explore,
            BenefitStage::Map => &self.map,
            BenefitStage::Plan => &self.plan,
            BenefitStage::FollowUp => &self.follow_up,
        }
    }
}

/// A short calculation aid per benefit type (the goals register's `kind` options).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct BenefitTypes {
    #[serde(rename = "avoided-cost")]
    pub avoided_cost: Text,
    #[serde(rename = "saved-time")]
    pub saved_time: Text,
    pub quality: Text,
    pub other: Text,
}

impl BenefitTypes {
    pub fn get(&self, kind: &str) -> Option<&Text> {
        match kind {
            "avoided-cost" => Some(&self.avoided_cost),
            "saved-time" => Some(&self.saved_time),
            "quality" => Some(&self.quality),
            "other" => Some(&self.other),
            _ => None,
        }
    }
}

/// Benefit realisation across the phases.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct BenefitsGuide {
    pub title: Text,
    pub intro: Text,
    pub stages: BenefitStages,
    pub types: BenefitTypes,
    pub original: super::Link,
}

/// The roadmap as a whole: its introduction, benefit realisation and the six phases in order.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Roadmap {
    pub title: Text,
    pub summary: Text,
    pub intro: Text,
    pub original: super::Link,
    pub benefits: BenefitsGuide,
    /// Filled from `content/roadmap/<phase>.json`.
    #[serde(skip)]
    pub phases: Vec<Phase>,
}

/// How LUP's tools and KS's phases relate in one stage of the time line.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Both do this; one shared record serves both.
    Overlap,
    /// LUP's tools cover what the roadmap leaves out.
    LupAdds,
    /// The roadmap covers what LUP's tools leave out.
    KsAdds,
    /// Something one sequence needs that the other has no step for.
    Gap,
}

impl Relation {
    /// Locale key of the relation's short label.
    pub fn label_key(self) -> &'static str {
        match self {
            Relation::Overlap => "crosswalk.relation.overlap",
            Relation::LupAdds => "crosswalk.relation.lup_adds",
            Relation::KsAdds => "crosswalk.relation.ks_adds",
            Relation::Gap => "crosswalk.relation.gap",
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SpineText {
    pub title: Text,
    pub when: Text,
    pub why: Text,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Spines {
    pub roadmap: SpineText,
    pub lup: SpineText,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct StageAdvice {
    pub roadmap: Text,
    pub lup: Text,
}

/// One stage of the crosswalk's time line.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Stage {
    pub id: String,
    pub title: Text,
    /// A LUP tool id, `tool:step`, or `decision` for the decision helper.
    pub lup: Vec<String>,
    /// A phase id or `phase:step`.
    pub ks: Vec<String>,
    /// Register ids both sides use in this stage.
    pub shared: Vec<String>,
    pub relation: Relation,
    pub note: Text,
    pub advice: StageAdvice,
}

/// "When do we use what, and how do the tools overlap?"
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Crosswalk {
    pub title: Text,
    pub intro: Text,
    pub spines: Spines,
    pub stages: Vec<Stage>,
}

impl Crosswalk {
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }
}
