//! The decision helper: innovation-friendly procurement or procurement of innovation, and which
//! procedures fit. A pure function from answers to a recommendation that carries its reasons.
//!
//! Rules, in order (texts in `content/decision.json`):
//! 1. Too little known (three or more of the four core questions unknown, or both "do solutions
//!    exist" and "is R&D needed" unknown) → run market dialogue first.
//! 2. Answers that contradict each other → market dialogue first, naming the contradiction
//!    (several solutions yet substantial R&D; nothing exists yet nothing to develop; an
//!    innovation route yet "nothing needs to be developed").
//! 3. Whether solutions exist left open (and no substantial R&D) → market dialogue first: every
//!    other route assumes an answer to it.
//! 4. Substantial R&D, or no solution on the market with R&D left open → procurement of
//!    innovation, unless risk appetite is low or leaders do not back it (then anchor first).
//!    Innovation partnership when development and purchase go together, pre-commercial
//!    procurement only when substantial R&D is confirmed (FOA § 2-5: R&D must be the main
//!    element), both when open and R&D is confirmed.
//! 5. Solutions exist only partly or not at all, adaptation is needed, or needs cannot be
//!    specified for comparison without negotiation → innovation-friendly with negotiation (type
//!    of solution known) or competitive dialogue (only the need known). Adapting what exists is
//!    the ground for negotiation (FOA § 13-2), not real innovation.
//! 6. Otherwise → innovation-friendly open or restricted competition with functional
//!    requirements.
//!
//! A route that rests on a deciding question left open says so (`rests-on-open-answers`).
//! Notes (time, market, joint procurement, funding, first view) are added on top; they never
//! change the route. They come from answers given, never from questions left open.
//!
//! The regime (which part of the regulations the estimated value falls under) never changes the
//! route either, but it decides what each named procedure means at that value: [`fit`] says so
//! for every procedure and regime, so an above-EEA procedure is never named for a lower value
//! without what applies instead.

use crate::plan::{Answer, Plan};
use crate::thresholds::{assess, figures, Assessment, Regime};
use std::collections::BTreeMap;

/// Question ids in the order they are asked.
pub const QUESTION_IDS: [&str; 12] = [
    "solutions-exist",
    "rnd-needed",
    "specifiable",
    "solution-type",
    "develop-and-buy",
    "risk-appetite",
    "leadership-backing",
    "time-horizon",
    "market",
    "others-same-need",
    "external-funding",
    "first-view",
];

/// Questions the helper shares with a worksheet: (decision question, plan answer key). The
/// answer is stored once, with the worksheet; the helper shows it and edits that same value.
pub const SHARED: [(&str, &str); 3] = [
    ("risk-appetite", "leadership/risk/risk-appetite"),
    ("leadership-backing", "leadership/risk/backing"),
    ("first-view", "startup/route/first-view"),
];
/// The estimated value and the contract type live in the start-up tool too.
pub const VALUE_KEY: &str = "startup/framework/estimated-value";
pub const CONTRACT_TYPE_KEY: &str = "startup/framework/contract-type";

/// The worksheet key a decision question is stored under, if it shares one.
pub fn shared_key(question: &str) -> Option<&'static str> {
    SHARED.iter().find(|(q, _)| *q == question).map(|(_, k)| *k)
}

/// Records an answer given in the helper: with the worksheet for a shared question, else in
/// the helper's own answers.
pub fn set_answer(plan: &mut Plan, question: &str, option: &str, now: u64) {
    match shared_key(question) {
        Some(key) => plan.set_answer(key, Answer::Choice(option.to_string()), now),
        None => {
            plan.decision.answers.insert(question.to_string(), option.to_string());
            plan.touch(now);
        }
    }
}

/// Records the estimated value given in the helper, in the start-up tool's field.
pub fn set_value(plan: &mut Plan, value: Option<u64>, now: u64) {
    match value {
        Some(v) => plan.set_answer(VALUE_KEY, Answer::Amount(v), now),
        None => {
            plan.answers.remove(VALUE_KEY);
            plan.touch(now);
        }
    }
}

crate::ids::id_enum! {
    /// A route's id is stored in plans (`chosen_route`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub enum Route {
        InnovationFriendlyOpen = "innovation-friendly-open",
        InnovationFriendlyNegotiated = "innovation-friendly-negotiated",
        ProcurementOfInnovation = "procurement-of-innovation",
        DialogueFirst = "dialogue-first",
    }
}

crate::ids::id_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Procedure {
        OpenRestricted = "open-restricted",
        Negotiation = "negotiation",
        CompetitiveDialogue = "competitive-dialogue",
        InnovationPartnership = "innovation-partnership",
        PreCommercial = "pre-commercial",
        StartOff = "startoff",
    }
}

/// One step of reasoning: a text id and the questions whose answers led to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub id: &'static str,
    pub basis: Vec<&'static str>,
}

fn reason(id: &'static str, basis: &[&'static str]) -> Reason {
    Reason { id, basis: basis.to_vec() }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub route: Route,
    /// Fitting procedures, best fit first. Empty for [`Route::DialogueFirst`].
    pub procedures: Vec<Procedure>,
    /// Why this route: the reasoning that decided it.
    pub reasons: Vec<Reason>,
    /// Things to weigh that do not change the route.
    pub notes: Vec<Reason>,
    /// The part of the regulations the estimated value falls under.
    pub regime: Regime,
}

impl Recommendation {
    /// Each procedure with what it means at this value (a text id in `procedure_fits`).
    pub fn fits(&self) -> Vec<(Procedure, &'static str)> {
        self.procedures.iter().map(|p| (*p, fit(*p, self.regime))).collect()
    }

    /// The legal rules behind this result (ids in `content/legal-rules.json`), most basic first.
    pub fn rules(&self) -> Vec<&'static str> {
        let mut rules = vec!["regulation-parts"];
        let has = |p| self.procedures.contains(&p);
        if self.route == Route::DialogueFirst {
            rules.push("market-dialogue");
        }
        if (has(Procedure::Negotiation) || has(Procedure::CompetitiveDialogue))
            && matches!(self.regime, Regime::Eea | Regime::National | Regime::ValueUnknown)
        {
            rules.push("negotiation-conditions");
        }
        if has(Procedure::InnovationPartnership) {
            rules.push("innovation-partnership");
        }
        if has(Procedure::PreCommercial) {
            rules.push("rnd-exemption");
        }
        if matches!(self.regime, Regime::SpecialBelowEea | Regime::SpecialEea) {
            rules.push("special-services");
        }
        if self.regime != Regime::BelowLowerLimit {
            rules.push("climate-environment");
        }
        rules
    }
}

/// What a procedure means at a regime, as a text id in `content/decision.json` `procedure_fits`.
/// Competitive dialogue, negotiation and innovation partnership as defined in Part III are
/// above-EEA procedures; under Part II the buyer runs a national tender where negotiation is
/// allowed; below the national threshold no procedure is prescribed. Health, social and other
/// special services have lighter rules of their own at every value. Pre-commercial procurement
/// is not a procedure at all: R&D services bought under the R&D exemption at any value.
pub fn fit(procedure: Procedure, regime: Regime) -> &'static str {
    use Procedure::*;
    match (procedure, regime) {
        (PreCommercial, _) => "rnd-exemption",
        (_, Regime::ValueUnknown) => "value-unknown",
        (_, Regime::BelowLowerLimit) => "below-lower-limit",
        (_, Regime::BelowNational) => "below-national",
        (_, Regime::SpecialBelowEea) => "special-below-eea",
        (_, Regime::SpecialEea) => "special-eea",
        (OpenRestricted | StartOff, Regime::National) => "national-tender",
        (Negotiation | CompetitiveDialogue, Regime::National) => "national-negotiation",
        (InnovationPartnership, Regime::National) => "national-partnership",
        (OpenRestricted, Regime::Eea) => "eea-open",
        (Negotiation | CompetitiveDialogue, Regime::Eea) => "eea-conditions",
        (InnovationPartnership, Regime::Eea) => "eea-partnership",
        (StartOff, Regime::Eea) => "eea-general",
    }
}

/// Every text id [`fit`] can return.
pub const FIT_IDS: [&str; 13] = [
    "rnd-exemption",
    "value-unknown",
    "below-lower-limit",
    "below-national",
    "national-tender",
    "national-negotiation",
    "national-partnership",
    "eea-open",
    "eea-conditions",
    "eea-partnership",
    "eea-general",
    "special-below-eea",
    "special-eea",
];

/// Answers by question id; a missing question counts as "unknown".
pub type Answers = BTreeMap<String, String>;

fn get<'a>(answers: &'a Answers, q: &str) -> &'a str {
    answers.get(q).map(String::as_str).unwrap_or("unknown")
}

/// The recommendation for a set of answers, at the regime the estimated value falls under.
pub fn recommend(answers: &Answers, regime: Regime) -> Recommendation {
    let a = |q| get(answers, q);
    let (solutions, rnd, specifiable, kind) =
        (a("solutions-exist"), a("rnd-needed"), a("specifiable"), a("solution-type"));
    let route_for_notes = |route| notes(answers, route);
    let dialogue_first = |reasons: Vec<Reason>| Recommendation {
        route: Route::DialogueFirst,
        procedures: vec![],
        reasons,
        notes: route_for_notes(Route::DialogueFirst),
        regime,
    };

    let core = ["solutions-exist", "rnd-needed", "specifiable", "solution-type"];
    let unknown: Vec<&'static str> = core.into_iter().filter(|q| a(q) == "unknown").collect();
    if unknown.len() >= 3 {
        return dialogue_first(vec![reason("mostly-unknown", &unknown)]);
    }
    if solutions == "unknown" && rnd == "unknown" {
        return dialogue_first(vec![reason("solutions-and-rnd-unknown", &["solutions-exist", "rnd-needed"])]);
    }

    let mut contradictions = Vec::new();
    if solutions == "yes-several" && rnd == "substantial" {
        contradictions.push(reason("contradiction-solutions-vs-rnd", &["solutions-exist", "rnd-needed"]));
    }
    if solutions == "no" && rnd == "no" {
        contradictions.push(reason("contradiction-no-solutions-no-rnd", &["solutions-exist", "rnd-needed"]));
    }
    let innovation = rnd == "substantial" || (solutions == "no" && rnd == "unknown");
    if innovation && a("develop-and-buy") == "not-relevant" {
        let basis: &[&'static str] = if rnd == "substantial" {
            &["develop-and-buy", "rnd-needed"]
        } else {
            &["develop-and-buy", "solutions-exist"]
        };
        contradictions.push(reason("contradiction-nothing-to-develop", basis));
    }
    if !contradictions.is_empty() {
        return dialogue_first(contradictions);
    }

    // Whether solutions exist is the question the route rests on most: an open competition or a
    // negotiation over existing solutions assumes an answer the team has not given.
    if solutions == "unknown" && rnd != "substantial" {
        return dialogue_first(vec![reason("solutions-unknown", &["solutions-exist"])]);
    }

    let mut reasons = Vec::new();
    if innovation {
        if solutions == "no" {
            reasons.push(reason("no-solutions-on-market", &["solutions-exist"]));
        }
        if rnd == "substantial" {
            reasons.push(reason("substantial-rnd", &["rnd-needed"]));
        }
        let (risk, backing) = (a("risk-appetite"), a("leadership-backing"));
        if risk == "low" || backing == "no" {
            let basis: Vec<&'static str> = [("risk-appetite", risk == "low"), ("leadership-backing", backing == "no")]
                .into_iter()
                .filter_map(|(q, hit)| hit.then_some(q))
                .collect();
            reasons.push(reason("innovation-needs-backing", &basis));
            // Buying what exists is an alternative only where something partly exists.
            if solutions == "partly" {
                reasons.push(reason("backing-alternative-partly", &["solutions-exist"]));
            }
            return dialogue_first(reasons);
        }
        // Pre-commercial procurement is lawful only when R&D is the main element (FOA § 2-5).
        let rnd_confirmed = rnd == "substantial";
        let mut procedures = match (a("develop-and-buy"), rnd_confirmed) {
            ("together", _) => {
                reasons.push(reason("develop-and-buy-together", &["develop-and-buy"]));
                vec![Procedure::InnovationPartnership]
            }
            ("separately", true) => {
                reasons.push(reason("develop-separately", &["develop-and-buy"]));
                vec![Procedure::PreCommercial]
            }
            ("separately", false) => {
                reasons.push(reason("pre-commercial-needs-rnd", &["develop-and-buy", "rnd-needed"]));
                return dialogue_first(reasons);
            }
            (_, true) => {
                reasons.push(reason("develop-buy-open", &["develop-and-buy"]));
                vec![Procedure::InnovationPartnership, Procedure::PreCommercial]
            }
            (_, false) => {
                reasons.push(reason("develop-buy-open-rnd-unknown", &["develop-and-buy", "rnd-needed"]));
                vec![Procedure::InnovationPartnership]
            }
        };
        if a("market") == "startups" {
            procedures.push(Procedure::StartOff);
        }
        push_open(&mut reasons, answers, &["solutions-exist", "rnd-needed"]);
        let notes = route_for_notes(Route::ProcurementOfInnovation);
        return Recommendation { route: Route::ProcurementOfInnovation, procedures, reasons, notes, regime };
    }

    let needs_negotiation = solutions == "partly" || solutions == "no" || rnd == "adaptation" || specifiable == "no";
    if needs_negotiation {
        if solutions == "partly" {
            reasons.push(reason("solutions-partly", &["solutions-exist"]));
        }
        if solutions == "no" {
            // Only adaptation is left (no R&D is a contradiction, unknown R&D is innovation).
            reasons.push(reason("adaptation-not-innovation", &["solutions-exist", "rnd-needed"]));
        } else if rnd == "adaptation" {
            reasons.push(reason("adaptation-needed", &["rnd-needed"]));
        }
        if specifiable == "no" {
            reasons.push(reason("not-specifiable", &["specifiable"]));
        }
        let procedures = match kind {
            "type-known" => {
                reasons.push(reason("solution-type-known", &["solution-type"]));
                vec![Procedure::Negotiation]
            }
            "need-only" => {
                reasons.push(reason("only-need-known", &["solution-type"]));
                vec![Procedure::CompetitiveDialogue]
            }
            _ => {
                reasons.push(reason("solution-type-open", &["solution-type"]));
                vec![Procedure::Negotiation, Procedure::CompetitiveDialogue]
            }
        };
        push_open(&mut reasons, answers, &["rnd-needed"]);
        let notes = route_for_notes(Route::InnovationFriendlyNegotiated);
        return Recommendation { route: Route::InnovationFriendlyNegotiated, procedures, reasons, notes, regime };
    }

    if solutions == "yes-several" {
        reasons.push(reason("solutions-exist", &["solutions-exist"]));
    }
    if rnd == "no" {
        reasons.push(reason("no-rnd", &["rnd-needed"]));
    }
    if specifiable == "yes" {
        reasons.push(reason("specifiable", &["specifiable"]));
    } else {
        reasons.push(reason("check-specifiable", &["specifiable"]));
    }
    push_open(&mut reasons, answers, &["rnd-needed"]);
    let notes = route_for_notes(Route::InnovationFriendlyOpen);
    Recommendation {
        route: Route::InnovationFriendlyOpen,
        procedures: vec![Procedure::OpenRestricted],
        reasons,
        notes,
        regime,
    }
}

/// Says so when a route rests on questions the team left open: the questions among `deciding`
/// answered "don't know yet" or not at all, whose answer could change the route.
fn push_open(reasons: &mut Vec<Reason>, answers: &Answers, deciding: &[&'static str]) {
    let open: Vec<&'static str> = deciding.iter().copied().filter(|q| get(answers, q) == "unknown").collect();
    if !open.is_empty() {
        reasons.push(reason("rests-on-open-answers", &open));
    }
}

fn notes(answers: &Answers, route: Route) -> Vec<Reason> {
    let a = |q| get(answers, q);
    // Only what was answered: an open question adds nothing.
    let given = |q: &str| answers.get(q).map(String::as_str);
    let mut notes = Vec::new();
    let innovation = route == Route::ProcurementOfInnovation;
    if innovation && a("time-horizon") == "months" {
        notes.push(reason("innovation-takes-time", &["time-horizon", "rnd-needed"]));
    }
    match given("market") {
        Some("few") => notes.push(reason("few-suppliers", &["market"])),
        Some("unknown") => notes.push(reason("market-unknown", &["market"])),
        // A StartOff-style competition develops something new: it belongs to procurement of
        // innovation. Elsewhere, start-ups are bidders to make room for.
        Some("startups") if innovation => notes.push(reason("startups", &["market"])),
        Some("startups") => notes.push(reason("startups-as-bidders", &["market"])),
        _ => {}
    }
    if a("others-same-need") == "yes" {
        notes.push(reason("joint-procurement", &["others-same-need"]));
    }
    if matches!(a("external-funding"), "yes" | "maybe") {
        notes.push(reason("external-funding", &["external-funding"]));
    }
    notes
}

/// What the result says first: a route, or that there is nothing to go on yet, or that the
/// answers pull in different directions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Headline {
    /// None of the four core questions has an answer yet.
    NotAnswered,
    /// The answers given contradict each other.
    MixedSignals,
    /// The need points to procurement of innovation, but the leaders' risk appetite or backing
    /// does not: not a contradiction, a tension to resolve with the leaders first.
    AnchorFirst,
    Route(Route),
}

impl Headline {
    /// The text id in `content/decision.json`: a route id or a headline id.
    pub fn id(self) -> &'static str {
        match self {
            Headline::NotAnswered => "not-answered",
            Headline::MixedSignals => "mixed-signals",
            Headline::AnchorFirst => "anchor-first",
            Headline::Route(r) => r.id(),
        }
    }
}

const CORE_QUESTIONS: [&str; 4] = ["solutions-exist", "rnd-needed", "specifiable", "solution-type"];

/// The headline for a result. "Don't know yet" is an answer: only questions never answered
/// count as not answered.
pub fn headline(answers: &Answers, rec: &Recommendation) -> Headline {
    if CORE_QUESTIONS.iter().all(|q| !answers.contains_key(*q)) {
        return Headline::NotAnswered;
    }
    if rec.route == Route::DialogueFirst {
        if rec.reasons.iter().any(|r| r.id.starts_with("contradiction-")) {
            return Headline::MixedSignals;
        }
        if rec.reasons.iter().any(|r| r.id == "innovation-needs-backing") {
            return Headline::AnchorFirst;
        }
    }
    Headline::Route(rec.route)
}

/// The helper's whole result for a plan on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub effective: Effective,
    pub assessment: Assessment<'static>,
    pub recommendation: Recommendation,
    /// Agreement with the start-up tool's first view, when one was given.
    pub first_view: Option<Reason>,
    pub headline: Headline,
}

/// Answers, where the value stands on `today`, and the recommendation at that regime.
pub fn outcome(plan: &Plan, today: &str) -> Outcome {
    let effective = effective(plan);
    let assessment = assess(&figures().figures, effective.value, effective.contract_type.as_deref(), today);
    let recommendation = recommend(&effective.answers, assessment.regime);
    let first_view = first_view_note(&effective.answers, recommendation.route);
    let headline = headline(&effective.answers, &recommendation);
    Outcome { effective, assessment, recommendation, first_view, headline }
}

/// Compares the recommendation with the start-up tool's first view, if one was given.
pub fn first_view_note(answers: &Answers, route: Route) -> Option<Reason> {
    let view = answers.get("first-view")?.as_str();
    let agrees = match (view, route) {
        ("innovation-friendly", Route::InnovationFriendlyOpen | Route::InnovationFriendlyNegotiated) => true,
        ("innovation-procurement", Route::ProcurementOfInnovation) => true,
        ("innovation-friendly" | "innovation-procurement", Route::DialogueFirst) => return None,
        ("innovation-friendly" | "innovation-procurement", _) => false,
        _ => return None,
    };
    Some(reason(if agrees { "matches-first-view" } else { "differs-from-first-view" }, &["first-view"]))
}

/// The answers the helper works with: its own, and the shared ones read from the worksheets.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Effective {
    pub answers: Answers,
    pub value: Option<u64>,
    pub contract_type: Option<String>,
}

pub fn effective(plan: &Plan) -> Effective {
    let mut out = Effective { answers: plan.decision.answers.clone(), ..Effective::default() };
    for (q, key) in SHARED {
        // A worksheet holds the one stored value; nothing here can override it.
        out.answers.remove(q);
        if let Some(Answer::Choice(option)) = plan.answer(key) {
            out.answers.insert(q.to_string(), option.clone());
        }
    }
    if let Some(Answer::Amount(v)) = plan.answer(VALUE_KEY) {
        out.value = Some(*v);
    }
    if let Some(Answer::Choice(ct)) = plan.answer(CONTRACT_TYPE_KEY) {
        out.contract_type = Some(ct.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use crate::plan::NewPlan;
    use Procedure::*;
    use Route::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect()
    }

    struct Scenario {
        name: &'static str,
        answers: &'static [(&'static str, &'static str)],
        route: Route,
        procedures: &'static [Procedure],
        reason: &'static str,
    }

    const SCENARIOS: &[Scenario] = &[
        Scenario {
            name: "mature market, specifiable need",
            answers: &[("solutions-exist", "yes-several"), ("rnd-needed", "no"), ("specifiable", "yes"), ("solution-type", "type-known")],
            route: InnovationFriendlyOpen, procedures: &[OpenRestricted], reason: "specifiable",
        },
        Scenario {
            name: "solutions exist but specifiability unknown",
            answers: &[("solutions-exist", "yes-several"), ("rnd-needed", "no"), ("solution-type", "type-known")],
            route: InnovationFriendlyOpen, procedures: &[OpenRestricted], reason: "check-specifiable",
        },
        Scenario {
            name: "partial solutions, known type",
            answers: &[("solutions-exist", "partly"), ("rnd-needed", "adaptation"), ("specifiable", "no"), ("solution-type", "type-known")],
            route: InnovationFriendlyNegotiated, procedures: &[Negotiation], reason: "solution-type-known",
        },
        Scenario {
            name: "need known, solution open",
            answers: &[("solutions-exist", "partly"), ("rnd-needed", "no"), ("specifiable", "no"), ("solution-type", "need-only")],
            route: InnovationFriendlyNegotiated, procedures: &[CompetitiveDialogue], reason: "only-need-known",
        },
        Scenario {
            name: "cannot specify, type unknown",
            answers: &[("solutions-exist", "yes-several"), ("rnd-needed", "no"), ("specifiable", "no")],
            route: InnovationFriendlyNegotiated, procedures: &[Negotiation, CompetitiveDialogue], reason: "solution-type-open",
        },
        Scenario {
            name: "nothing exists, develop and buy together",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("develop-and-buy", "together"), ("risk-appetite", "high"), ("leadership-backing", "yes")],
            route: ProcurementOfInnovation, procedures: &[InnovationPartnership], reason: "develop-and-buy-together",
        },
        Scenario {
            name: "R&D first, purchase later",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("develop-and-buy", "separately"), ("risk-appetite", "moderate"), ("leadership-backing", "partly")],
            route: ProcurementOfInnovation, procedures: &[PreCommercial], reason: "develop-separately",
        },
        Scenario {
            name: "innovation with open development model and a start-up market",
            answers: &[("solutions-exist", "partly"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("market", "startups")],
            route: ProcurementOfInnovation, procedures: &[InnovationPartnership, PreCommercial, StartOff], reason: "develop-buy-open",
        },
        Scenario {
            name: "innovation needed but leaders risk-averse",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("develop-and-buy", "together"), ("risk-appetite", "low")],
            route: DialogueFirst, procedures: &[], reason: "innovation-needs-backing",
        },
        Scenario {
            name: "innovation needed but no leadership backing",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "unknown"), ("specifiable", "no"), ("leadership-backing", "no")],
            route: DialogueFirst, procedures: &[], reason: "innovation-needs-backing",
        },
        Scenario {
            name: "everything unknown",
            answers: &[],
            route: DialogueFirst, procedures: &[], reason: "mostly-unknown",
        },
        Scenario {
            name: "three of four core answers unknown",
            answers: &[("solutions-exist", "yes-several"), ("risk-appetite", "high"), ("market", "many")],
            route: DialogueFirst, procedures: &[], reason: "mostly-unknown",
        },
        Scenario {
            name: "market and R&D both unknown",
            answers: &[("specifiable", "yes"), ("solution-type", "type-known")],
            route: DialogueFirst, procedures: &[], reason: "solutions-and-rnd-unknown",
        },
        Scenario {
            name: "contradiction: several solutions yet substantial R&D",
            answers: &[("solutions-exist", "yes-several"), ("rnd-needed", "substantial"), ("specifiable", "yes"), ("solution-type", "type-known")],
            route: DialogueFirst, procedures: &[], reason: "contradiction-solutions-vs-rnd",
        },
        // The second legal review (issue 20, items 7-12).
        Scenario {
            name: "7: whether solutions exist left open, no R&D, specifiable: dialogue first, not an open competition",
            answers: &[("solutions-exist", "unknown"), ("rnd-needed", "no"), ("specifiable", "yes"), ("solution-type", "type-known")],
            route: DialogueFirst, procedures: &[], reason: "solutions-unknown",
        },
        Scenario {
            name: "7: whether solutions exist left open, adaptation: dialogue first, not a negotiation over nothing",
            answers: &[("solutions-exist", "unknown"), ("rnd-needed", "adaptation"), ("specifiable", "no"), ("solution-type", "type-known")],
            route: DialogueFirst, procedures: &[], reason: "solutions-unknown",
        },
        Scenario {
            name: "8: no solutions, but only adaptation of what exists: negotiation, not innovation",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "adaptation"), ("specifiable", "no"), ("solution-type", "type-known"),
                ("develop-and-buy", "together"), ("risk-appetite", "high"), ("leadership-backing", "yes")],
            route: InnovationFriendlyNegotiated, procedures: &[Negotiation], reason: "adaptation-not-innovation",
        },
        Scenario {
            name: "9: an innovation route yet nothing needs to be developed is a contradiction",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("develop-and-buy", "not-relevant"), ("risk-appetite", "high"), ("leadership-backing", "yes")],
            route: DialogueFirst, procedures: &[], reason: "contradiction-nothing-to-develop",
        },
        Scenario {
            name: "10: development first with R&D unknown: confirm R&D before pre-commercial procurement",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "unknown"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("develop-and-buy", "separately"), ("risk-appetite", "high"), ("leadership-backing", "yes")],
            route: DialogueFirst, procedures: &[], reason: "pre-commercial-needs-rnd",
        },
        Scenario {
            name: "10: development model open with R&D unknown: innovation partnership only, resting on the open answer",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "unknown"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("risk-appetite", "high"), ("leadership-backing", "yes")],
            route: ProcurementOfInnovation, procedures: &[InnovationPartnership], reason: "rests-on-open-answers",
        },
        Scenario {
            name: "11: no solutions and low risk appetite: anchor first, with no alternative to buy what does not exist",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("risk-appetite", "low")],
            route: DialogueFirst, procedures: &[], reason: "innovation-needs-backing",
        },
        Scenario {
            name: "11: partial solutions, substantial R&D and no backing: anchor first, the innovation-friendly alternative offered",
            answers: &[("solutions-exist", "partly"), ("rnd-needed", "substantial"), ("specifiable", "no"), ("solution-type", "need-only"),
                ("leadership-backing", "no")],
            route: DialogueFirst, procedures: &[], reason: "backing-alternative-partly",
        },
        Scenario {
            name: "12: start-ups on an open competition are bidders, not a StartOff competition",
            answers: &[("solutions-exist", "yes-several"), ("rnd-needed", "no"), ("specifiable", "yes"), ("solution-type", "type-known"),
                ("market", "startups")],
            route: InnovationFriendlyOpen, procedures: &[OpenRestricted], reason: "specifiable",
        },
        Scenario {
            name: "contradiction: nothing exists yet nothing to develop",
            answers: &[("solutions-exist", "no"), ("rnd-needed", "no"), ("specifiable", "yes"), ("solution-type", "type-known")],
            route: DialogueFirst, procedures: &[], reason: "contradiction-no-solutions-no-rnd",
        },
    ];

    #[test]
    fn named_scenarios() {
        assert!(SCENARIOS.len() >= 12);
        for s in SCENARIOS {
            let rec = recommend(&answers(s.answers), Regime::Eea);
            assert_eq!(rec.route, s.route, "{}", s.name);
            assert_eq!(rec.procedures, s.procedures, "{}", s.name);
            assert!(rec.reasons.iter().any(|r| r.id == s.reason), "{}: reasons {:?}", s.name, rec.reasons);
            assert!(!rec.reasons.is_empty(), "{}: a recommendation always explains itself", s.name);
            for r in rec.reasons.iter().chain(&rec.notes) {
                assert!(!r.basis.is_empty(), "{}: reason {} names no answer", s.name, r.id);
                assert!(r.basis.iter().all(|q| QUESTION_IDS.contains(q)), "{}: {:?}", s.name, r.basis);
            }
        }
        for route in Route::ALL {
            assert!(SCENARIOS.iter().any(|s| s.route == route), "no scenario reaches {route:?}");
        }
    }

    #[test]
    fn reasons_name_the_answers_that_led_to_them() {
        let rec = recommend(
            &answers(&[
                ("solutions-exist", "no"),
                ("rnd-needed", "substantial"),
                ("specifiable", "no"),
                ("risk-appetite", "low"),
                ("leadership-backing", "no"),
            ]),
            Regime::National,
        );
        let backing = rec.reasons.iter().find(|r| r.id == "innovation-needs-backing").unwrap();
        assert_eq!(backing.basis, vec!["risk-appetite", "leadership-backing"]);
    }

    #[test]
    fn notes_add_context_without_changing_the_route() {
        let base = [
            ("solutions-exist", "no"),
            ("rnd-needed", "substantial"),
            ("specifiable", "no"),
            ("develop-and-buy", "together"),
        ];
        let plain = recommend(&answers(&base), Regime::Eea);
        let mut more = base.to_vec();
        more.extend([
            ("time-horizon", "months"),
            ("market", "few"),
            ("others-same-need", "yes"),
            ("external-funding", "maybe"),
        ]);
        let with_notes = recommend(&answers(&more), Regime::Eea);
        assert_eq!(plain.route, with_notes.route);
        let ids: Vec<_> = with_notes.notes.iter().map(|n| n.id).collect();
        assert_eq!(ids, ["innovation-takes-time", "few-suppliers", "joint-procurement", "external-funding"]);
    }

    #[test]
    fn notes_come_from_answers_not_from_their_absence() {
        let core = [
            ("solutions-exist", "yes-several"),
            ("rnd-needed", "no"),
            ("specifiable", "yes"),
            ("solution-type", "type-known"),
        ];
        assert!(recommend(&answers(&core), Regime::Eea).notes.is_empty(), "nothing answered beyond the core: no notes");
        let note_ids = |market: &'static str| {
            let mut a = core.to_vec();
            a.push(("market", market));
            recommend(&answers(&a), Regime::Eea).notes.iter().map(|n| n.id).collect::<Vec<_>>()
        };
        assert_eq!(note_ids("few"), ["few-suppliers"]);
        assert_eq!(note_ids("unknown"), ["market-unknown"]);
        assert_eq!(note_ids("many"), Vec::<&str>::new());
    }

    struct RegimeScenario {
        name: &'static str,
        answers: &'static [(&'static str, &'static str)],
        regime: Regime,
        route: Route,
        fits: &'static [(Procedure, &'static str)],
        rules: &'static [&'static str],
    }

    const OPEN: &[(&str, &str)] = &[
        ("solutions-exist", "yes-several"),
        ("rnd-needed", "no"),
        ("specifiable", "yes"),
        ("solution-type", "type-known"),
    ];
    const NEGOTIATED: &[(&str, &str)] =
        &[("solutions-exist", "partly"), ("rnd-needed", "adaptation"), ("specifiable", "no")];
    const PARTNERSHIP: &[(&str, &str)] = &[
        ("solutions-exist", "no"),
        ("rnd-needed", "substantial"),
        ("specifiable", "no"),
        ("solution-type", "need-only"),
        ("develop-and-buy", "together"),
        ("risk-appetite", "high"),
        ("leadership-backing", "yes"),
    ];
    const RND_FIRST: &[(&str, &str)] = &[
        ("solutions-exist", "no"),
        ("rnd-needed", "substantial"),
        ("specifiable", "no"),
        ("solution-type", "need-only"),
        ("develop-and-buy", "separately"),
        ("market", "startups"),
    ];

    const REGIME_SCENARIOS: &[RegimeScenario] = &[
        RegimeScenario {
            name: "open competition above the EEA threshold",
            answers: OPEN,
            regime: Regime::Eea,
            route: InnovationFriendlyOpen,
            fits: &[(OpenRestricted, "eea-open")],
            rules: &["regulation-parts", "climate-environment"],
        },
        RegimeScenario {
            name: "open competition under Part II is a national tender",
            answers: OPEN,
            regime: Regime::National,
            route: InnovationFriendlyOpen,
            fits: &[(OpenRestricted, "national-tender")],
            rules: &["regulation-parts", "climate-environment"],
        },
        RegimeScenario {
            name: "open competition below the national threshold",
            answers: OPEN,
            regime: Regime::BelowNational,
            route: InnovationFriendlyOpen,
            fits: &[(OpenRestricted, "below-national")],
            rules: &["regulation-parts", "climate-environment"],
        },
        RegimeScenario {
            name: "below the Act's lower limit",
            answers: OPEN,
            regime: Regime::BelowLowerLimit,
            route: InnovationFriendlyOpen,
            fits: &[(OpenRestricted, "below-lower-limit")],
            rules: &["regulation-parts"],
        },
        RegimeScenario {
            name: "negotiation above the EEA threshold needs the § 13-2 conditions",
            answers: NEGOTIATED,
            regime: Regime::Eea,
            route: InnovationFriendlyNegotiated,
            fits: &[(Negotiation, "eea-conditions"), (CompetitiveDialogue, "eea-conditions")],
            rules: &["regulation-parts", "negotiation-conditions", "climate-environment"],
        },
        RegimeScenario {
            name: "negotiation under Part II happens in a national tender",
            answers: NEGOTIATED,
            regime: Regime::National,
            route: InnovationFriendlyNegotiated,
            fits: &[(Negotiation, "national-negotiation"), (CompetitiveDialogue, "national-negotiation")],
            rules: &["regulation-parts", "negotiation-conditions", "climate-environment"],
        },
        RegimeScenario {
            name: "negotiation below the national threshold: no procedure prescribed",
            answers: NEGOTIATED,
            regime: Regime::BelowNational,
            route: InnovationFriendlyNegotiated,
            fits: &[(Negotiation, "below-national"), (CompetitiveDialogue, "below-national")],
            rules: &["regulation-parts", "climate-environment"],
        },
        RegimeScenario {
            name: "innovation partnership above the EEA threshold",
            answers: PARTNERSHIP,
            regime: Regime::Eea,
            route: ProcurementOfInnovation,
            fits: &[(InnovationPartnership, "eea-partnership")],
            rules: &["regulation-parts", "innovation-partnership", "climate-environment"],
        },
        RegimeScenario {
            name: "innovation partnership named at NOK 1 million says what applies instead",
            answers: PARTNERSHIP,
            regime: Regime::BelowNational,
            route: ProcurementOfInnovation,
            fits: &[(InnovationPartnership, "below-national")],
            rules: &["regulation-parts", "innovation-partnership", "climate-environment"],
        },
        RegimeScenario {
            name: "innovation partnership under Part II",
            answers: PARTNERSHIP,
            regime: Regime::National,
            route: ProcurementOfInnovation,
            fits: &[(InnovationPartnership, "national-partnership")],
            rules: &["regulation-parts", "innovation-partnership", "climate-environment"],
        },
        RegimeScenario {
            name: "pre-commercial procurement is the R&D exemption at any value",
            answers: RND_FIRST,
            regime: Regime::National,
            route: ProcurementOfInnovation,
            fits: &[(PreCommercial, "rnd-exemption"), (StartOff, "national-tender")],
            rules: &["regulation-parts", "rnd-exemption", "climate-environment"],
        },
        RegimeScenario {
            name: "StartOff above the EEA threshold",
            answers: RND_FIRST,
            regime: Regime::Eea,
            route: ProcurementOfInnovation,
            fits: &[(PreCommercial, "rnd-exemption"), (StartOff, "eea-general")],
            rules: &["regulation-parts", "rnd-exemption", "climate-environment"],
        },
        RegimeScenario {
            name: "value not estimated yet",
            answers: PARTNERSHIP,
            regime: Regime::ValueUnknown,
            route: ProcurementOfInnovation,
            fits: &[(InnovationPartnership, "value-unknown")],
            rules: &["regulation-parts", "innovation-partnership", "climate-environment"],
        },
        RegimeScenario {
            name: "a care service below its own EEA threshold: part I, no procedure prescribed",
            answers: OPEN,
            regime: Regime::SpecialBelowEea,
            route: InnovationFriendlyOpen,
            fits: &[(OpenRestricted, "special-below-eea")],
            rules: &["regulation-parts", "special-services", "climate-environment"],
        },
        RegimeScenario {
            name: "negotiation for special services below their threshold",
            answers: NEGOTIATED,
            regime: Regime::SpecialBelowEea,
            route: InnovationFriendlyNegotiated,
            fits: &[(Negotiation, "special-below-eea"), (CompetitiveDialogue, "special-below-eea")],
            rules: &["regulation-parts", "special-services", "climate-environment"],
        },
        RegimeScenario {
            name: "innovation partnership for special services below their threshold",
            answers: PARTNERSHIP,
            regime: Regime::SpecialBelowEea,
            route: ProcurementOfInnovation,
            fits: &[(InnovationPartnership, "special-below-eea")],
            rules: &["regulation-parts", "innovation-partnership", "special-services", "climate-environment"],
        },
        RegimeScenario {
            name: "special services above their EEA threshold: the lighter rules, not part III",
            answers: OPEN,
            regime: Regime::SpecialEea,
            route: InnovationFriendlyOpen,
            fits: &[(OpenRestricted, "special-eea")],
            rules: &["regulation-parts", "special-services", "climate-environment"],
        },
        RegimeScenario {
            name: "negotiation for special services above their threshold needs no § 13-2 condition",
            answers: NEGOTIATED,
            regime: Regime::SpecialEea,
            route: InnovationFriendlyNegotiated,
            fits: &[(Negotiation, "special-eea"), (CompetitiveDialogue, "special-eea")],
            rules: &["regulation-parts", "special-services", "climate-environment"],
        },
        RegimeScenario {
            name: "R&D first for special services above their threshold",
            answers: RND_FIRST,
            regime: Regime::SpecialEea,
            route: ProcurementOfInnovation,
            fits: &[(PreCommercial, "rnd-exemption"), (StartOff, "special-eea")],
            rules: &["regulation-parts", "rnd-exemption", "special-services", "climate-environment"],
        },
        RegimeScenario {
            name: "market dialogue first names no procedure at any value",
            answers: &[],
            regime: Regime::National,
            route: DialogueFirst,
            fits: &[],
            rules: &["regulation-parts", "market-dialogue", "climate-environment"],
        },
    ];

    #[test]
    fn regime_by_route_scenarios() {
        for s in REGIME_SCENARIOS {
            let rec = recommend(&answers(s.answers), s.regime);
            assert_eq!(rec.route, s.route, "{}", s.name);
            assert_eq!(rec.fits(), s.fits, "{}", s.name);
            assert_eq!(rec.rules(), s.rules, "{}", s.name);
            let without_regime = recommend(&answers(s.answers), Regime::Eea);
            assert_eq!(
                (rec.route, &rec.procedures),
                (without_regime.route, &without_regime.procedures),
                "{}: the value never changes the route",
                s.name
            );
        }
        for regime in Regime::ALL {
            for route in [InnovationFriendlyOpen, InnovationFriendlyNegotiated, ProcurementOfInnovation] {
                assert!(
                    REGIME_SCENARIOS.iter().any(|s| s.route == route && s.regime == regime)
                        || matches!(regime, Regime::BelowLowerLimit | Regime::ValueUnknown),
                    "no scenario for {route:?} at {regime:?}"
                );
            }
        }
    }

    #[test]
    fn no_above_eea_procedure_is_named_below_the_eea_threshold_without_what_applies() {
        use Procedure::*;
        for regime in [Regime::ValueUnknown, Regime::BelowLowerLimit, Regime::BelowNational, Regime::National] {
            for p in [Negotiation, CompetitiveDialogue, InnovationPartnership, OpenRestricted, StartOff] {
                assert!(!fit(p, regime).starts_with("eea-"), "{p:?} at {regime:?}");
            }
        }
        for p in [OpenRestricted, Negotiation, CompetitiveDialogue, InnovationPartnership, PreCommercial, StartOff] {
            for regime in Regime::ALL {
                assert!(FIT_IDS.contains(&fit(p, regime)), "{p:?} {regime:?}");
            }
        }
    }

    #[test]
    fn the_headline_says_not_answered_mixed_or_the_route() {
        let head = |pairs: &[(&str, &str)]| {
            let a = answers(pairs);
            headline(&a, &recommend(&a, Regime::Eea))
        };
        assert_eq!(head(&[]), Headline::NotAnswered, "a brand-new plan");
        assert_eq!(
            head(&[("risk-appetite", "high"), ("market", "many")]),
            Headline::NotAnswered,
            "no core question answered yet"
        );
        let all_unknown = [
            ("solutions-exist", "unknown"),
            ("rnd-needed", "unknown"),
            ("specifiable", "unknown"),
            ("solution-type", "unknown"),
        ];
        assert_eq!(
            head(&all_unknown),
            Headline::Route(DialogueFirst),
            "'don't know yet' everywhere: too little to go on"
        );
        assert_eq!(
            head(&[
                ("solutions-exist", "yes-several"),
                ("rnd-needed", "substantial"),
                ("specifiable", "yes"),
                ("solution-type", "type-known")
            ]),
            Headline::MixedSignals,
            "answered, but pulling apart"
        );
        assert_eq!(
            head(&[
                ("solutions-exist", "no"),
                ("rnd-needed", "substantial"),
                ("specifiable", "no"),
                ("solution-type", "need-only"),
                ("risk-appetite", "low")
            ]),
            Headline::AnchorFirst,
            "the need and the leaders pull apart: not a contradiction in the answers"
        );
        assert_eq!(head(OPEN), Headline::Route(InnovationFriendlyOpen));
    }

    #[test]
    fn compares_with_the_first_view() {
        let a = answers(&[("first-view", "innovation-friendly")]);
        assert_eq!(first_view_note(&a, InnovationFriendlyNegotiated).unwrap().id, "matches-first-view");
        assert_eq!(first_view_note(&a, ProcurementOfInnovation).unwrap().id, "differs-from-first-view");
        assert_eq!(first_view_note(&a, DialogueFirst), None);
        assert_eq!(first_view_note(&answers(&[("first-view", "unsure")]), InnovationFriendlyOpen), None);
        assert_eq!(first_view_note(&answers(&[]), InnovationFriendlyOpen), None);
    }

    #[test]
    fn shared_answers_are_stored_once_with_the_worksheet() {
        let mut plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        plan.set_answer("leadership/risk/risk-appetite", Answer::Choice("high".into()), 1);
        plan.set_answer(VALUE_KEY, Answer::Amount(2_300_000), 1);
        plan.set_answer(CONTRACT_TYPE_KEY, Answer::Choice("goods-services".into()), 1);
        let eff = effective(&plan);
        assert_eq!(eff.answers["risk-appetite"], "high", "the helper shows the worksheet's answer");
        assert!(!eff.answers.contains_key("leadership-backing"));
        assert_eq!((eff.value, eff.contract_type.as_deref()), (Some(2_300_000), Some("goods-services")));

        // Answering in the helper changes the worksheet's value, not a copy.
        set_answer(&mut plan, "first-view", "innovation-procurement", 2);
        set_answer(&mut plan, "risk-appetite", "low", 2);
        set_value(&mut plan, Some(5_000_000), 2);
        assert_eq!(plan.answer("startup/route/first-view"), Some(&Answer::Choice("innovation-procurement".into())));
        assert_eq!(plan.answer("leadership/risk/risk-appetite"), Some(&Answer::Choice("low".into())));
        assert_eq!(plan.answer(VALUE_KEY), Some(&Answer::Amount(5_000_000)));
        assert!(plan.decision.answers.is_empty(), "nothing shared is stored twice");
        // Changing the worksheet is seen by the helper at once.
        plan.set_answer("startup/route/first-view", Answer::Choice("innovation-friendly".into()), 3);
        assert_eq!(effective(&plan).answers["first-view"], "innovation-friendly");
        // A stray copy (an old file) never overrides the worksheet.
        plan.decision.answers.insert("first-view".into(), "unsure".into());
        assert_eq!(effective(&plan).answers["first-view"], "innovation-friendly");
        // Own questions stay with the helper.
        set_answer(&mut plan, "market", "few", 4);
        assert_eq!(plan.decision.answers["market"], "few");
        set_value(&mut plan, None, 5);
        assert_eq!(effective(&plan).value, None);
    }

    #[test]
    fn the_review_findings_hold_beyond_their_scenarios() {
        let rec = |pairs: &[(&str, &str)]| recommend(&answers(pairs), Regime::Eea);
        let ids = |r: &Recommendation| r.reasons.iter().map(|r| r.id).collect::<Vec<_>>();
        // 11: with nothing on the market, buying what exists is never offered.
        let none = rec(&[
            ("solutions-exist", "no"),
            ("rnd-needed", "substantial"),
            ("risk-appetite", "low"),
            ("leadership-backing", "no"),
        ]);
        assert!(!ids(&none).contains(&"backing-alternative-partly"), "{:?}", ids(&none));
        // 10: pre-commercial procurement is never named unless substantial R&D is confirmed.
        for rnd in ["no", "adaptation", "unknown"] {
            for solutions in ["yes-several", "partly", "no", "unknown"] {
                for develop in ["together", "separately", "not-relevant", "unknown"] {
                    let r = rec(&[
                        ("solutions-exist", solutions),
                        ("rnd-needed", rnd),
                        ("develop-and-buy", develop),
                        ("specifiable", "no"),
                        ("solution-type", "need-only"),
                        ("risk-appetite", "high"),
                        ("leadership-backing", "yes"),
                    ]);
                    assert!(!r.procedures.contains(&PreCommercial), "{solutions}/{rnd}/{develop}: {:?}", r.procedures);
                }
            }
        }
        // 12: the StartOff note and procedure appear only on procurement of innovation.
        for (solutions, rnd) in [("yes-several", "no"), ("partly", "adaptation"), ("no", "substantial")] {
            let r = rec(&[
                ("solutions-exist", solutions),
                ("rnd-needed", rnd),
                ("specifiable", "no"),
                ("solution-type", "type-known"),
                ("develop-and-buy", "together"),
                ("market", "startups"),
            ]);
            let startoff = r.procedures.contains(&StartOff) || r.notes.iter().any(|n| n.id == "startups");
            assert_eq!(startoff, r.route == ProcurementOfInnovation, "{solutions}/{rnd}: {:?}", r.route);
        }
    }

    /// Every answer combination of the four core questions and the development model: a route
    /// other than "market dialogue first" never rests on a deciding question left open without
    /// saying so.
    #[test]
    fn no_route_rests_on_an_open_answer_without_saying_so() {
        let opts = |q: &str| -> Vec<&'static str> {
            match q {
                "solutions-exist" => vec!["yes-several", "partly", "no", "unknown"],
                "rnd-needed" => vec!["no", "adaptation", "substantial", "unknown"],
                "specifiable" => vec!["yes", "no", "unknown"],
                "solution-type" => vec!["type-known", "need-only", "unknown"],
                _ => vec!["together", "separately", "not-relevant", "unknown"],
            }
        };
        let mut checked = 0;
        for s in opts("solutions-exist") {
            for r in opts("rnd-needed") {
                for sp in opts("specifiable") {
                    for k in opts("solution-type") {
                        for d in opts("develop-and-buy") {
                            let a = answers(&[
                                ("solutions-exist", s),
                                ("rnd-needed", r),
                                ("specifiable", sp),
                                ("solution-type", k),
                                ("develop-and-buy", d),
                            ]);
                            let rec = recommend(&a, Regime::Eea);
                            checked += 1;
                            if rec.route == DialogueFirst {
                                continue;
                            }
                            // Whether solutions exist and whether R&D is needed decide every route.
                            let open: Vec<&str> = ["solutions-exist", "rnd-needed"]
                                .into_iter()
                                .filter(|q| get(&a, q) == "unknown")
                                .collect();
                            let said: Vec<&str> = rec
                                .reasons
                                .iter()
                                .filter(|r| r.id == "rests-on-open-answers")
                                .flat_map(|r| r.basis.clone())
                                .collect();
                            for q in open {
                                assert!(
                                    said.contains(&q),
                                    "{s}/{r}/{sp}/{k}/{d} → {:?} rests on open {q}: {:?}",
                                    rec.route,
                                    rec.reasons
                                );
                            }
                            if rec.route == InnovationFriendlyOpen {
                                assert_eq!(s, "yes-several", "an open competition only where the market has solutions");
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 4 * 4 * 3 * 3 * 4);
    }

    #[test]
    fn route_ids_round_trip() {
        for r in Route::ALL {
            assert_eq!(Route::from_id(r.id()), Some(r));
        }
    }
}
