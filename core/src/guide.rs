//! Which way through the work fits a plan, and what to do next. Pure rules over the plan, so
//! the dashboard and the crosswalk explain themselves the same way every time (DOMAIN §6.2).

use crate::content::{Content, Stage, Step, Tool};
use crate::decision::{outcome, Headline, Route};
use crate::plan::{Answer, Plan, Spine};
use crate::progress::{next_step, tool_progress, Status};

/// The start-up question "can you reach the goal by changing yourselves, or must you buy?".
pub const CHANGE_OR_BUY_KEY: &str = "startup/change-or-buy/assessment";

/// Why a spine is suggested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpineReason {
    /// The team expects to solve it mainly by changing the service themselves.
    ServiceChange,
    /// The route is procurement of innovation: the solution does not exist yet.
    UnknownSolution,
    /// Both a service change and a purchase.
    ChangeAndPurchase,
    /// A clear need to buy something.
    ClearPurchase,
    /// The start-up tool's "change or buy" is not answered and the route is not procurement of
    /// innovation: LUP's sequence until the team says more.
    NotAnswered,
}

impl SpineReason {
    pub fn message_key(self) -> &'static str {
        match self {
            SpineReason::ServiceChange => "guide.spine_reason.service_change",
            SpineReason::UnknownSolution => "guide.spine_reason.unknown_solution",
            SpineReason::ChangeAndPurchase => "guide.spine_reason.change_and_purchase",
            SpineReason::ClearPurchase => "guide.spine_reason.clear_purchase",
            SpineReason::NotAnswered => "guide.spine_reason.not_answered",
        }
    }
}

/// True when the plan is heading for procurement of innovation: the team's chosen route, else
/// the helper's recommendation, else the start-up tool's first view.
pub fn innovation_route(plan: &Plan, today: &str) -> bool {
    if let Some(chosen) = plan.decision.chosen_route.as_deref().and_then(Route::from_id) {
        return chosen == Route::ProcurementOfInnovation;
    }
    match outcome(plan, today).headline {
        Headline::Route(route) => route == Route::ProcurementOfInnovation,
        Headline::NotAnswered | Headline::MixedSignals | Headline::AnchorFirst => {
            matches!(plan.answer("startup/route/first-view"), Some(Answer::Choice(v)) if v == "innovation-procurement")
        }
    }
}

/// The spine the plan's answers point to, and why (the team's own choice is not consulted).
pub fn suggested_spine(plan: &Plan, today: &str) -> (Spine, SpineReason) {
    let assessment = match plan.answer(CHANGE_OR_BUY_KEY) {
        Some(Answer::Choice(v)) => v.as_str(),
        _ => "",
    };
    if assessment == "own-change" {
        (Spine::Roadmap, SpineReason::ServiceChange)
    } else if innovation_route(plan, today) {
        (Spine::Roadmap, SpineReason::UnknownSolution)
    } else if assessment == "both" {
        (Spine::Roadmap, SpineReason::ChangeAndPurchase)
    } else if assessment == "buy" {
        (Spine::Lup, SpineReason::ClearPurchase)
    } else {
        (Spine::Lup, SpineReason::NotAnswered)
    }
}

/// The spine in use: the team's choice, else the suggestion.
pub fn spine(plan: &Plan, today: &str) -> Spine {
    plan.spine.unwrap_or_else(|| suggested_spine(plan, today).0)
}

/// A stop on the way: a worksheet (tool or phase) or the decision helper. Equal when it is the
/// same stop (content is compared by identity, not walked).
#[derive(Clone, Copy, Debug)]
pub enum Waypoint {
    Worksheet(&'static Tool),
    Decision,
}

impl PartialEq for Waypoint {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id()
    }
}
impl Eq for Waypoint {}

impl Waypoint {
    fn settled(self, plan: &Plan) -> bool {
        self.status(plan).is_settled()
    }

    pub fn status(self, plan: &Plan) -> Status {
        match self {
            Waypoint::Worksheet(tool) => tool_progress(tool, plan).status,
            Waypoint::Decision if plan.decision.chosen_route.is_some() => Status::Done,
            Waypoint::Decision if !plan.decision.answers.is_empty() => Status::InProgress,
            Waypoint::Decision => Status::NotStarted,
        }
    }

    /// The worksheet id, or `decision`.
    pub fn id(self) -> &'static str {
        match self {
            Waypoint::Worksheet(tool) => &tool.id,
            Waypoint::Decision => "decision",
        }
    }
}

/// Worksheet and decision ids in the order a spine takes them. LUP's sequence runs leadership
/// anchoring, start-up, needs, market dialogue, the procedure choice, then KS's last phases for operation
/// and benefits. The roadmap runs its six phases with LUP's tools plugged in where they fit:
/// start-up beside anchoring, needs mapping after insight, leaders' decisions before the
/// market is met, market dialogue before the solution is fixed in development,
/// and the procedure choice before development when the solution is developed with a supplier
/// under contract (procurement of innovation), else when the roadmap buys, in transition.
pub fn sequence(spine: Spine, innovation_route: bool) -> Vec<&'static str> {
    match spine {
        Spine::Lup => vec!["leadership", "startup", "needs", "dialogue", "decision", "transition", "practice"],
        Spine::Roadmap if innovation_route => vec![
            "anchoring",
            "startup",
            "insight",
            "needs",
            "leadership",
            "dialogue",
            "decision",
            "development",
            "piloting",
            "transition",
            "practice",
        ],
        Spine::Roadmap => vec![
            "anchoring",
            "startup",
            "insight",
            "needs",
            "leadership",
            "dialogue",
            "development",
            "piloting",
            "decision",
            "transition",
            "practice",
        ],
    }
}

fn waypoint(content: &'static Content, id: &str) -> Waypoint {
    match id {
        "decision" => Waypoint::Decision,
        id => Waypoint::Worksheet(content.tool(id).expect("sequence ids are worksheets")),
    }
}

/// Why a next step is suggested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextReason {
    /// Nothing in the plan is settled yet: every way starts here.
    Start,
    /// The spine's first stop is not settled, though other work is.
    FirstStop,
    /// The previous stop is done (or skipped) and this one is not.
    AfterPrevious { previous: Waypoint, previous_skipped: bool },
    /// The needs (or the insight) are settled, the solution is being shaped, and no market
    /// dialogue is planned: talk to the market before the solution is fixed (DOMAIN §6.1).
    DialogueBeforeSolution { previous: Waypoint },
}

/// What to do next along a spine.
#[derive(Clone, Debug)]
pub struct NextSuggestion {
    pub waypoint: Waypoint,
    /// The step to open, for a worksheet.
    pub step: Option<&'static Step>,
    pub reason: NextReason,
}

impl NextSuggestion {
    /// Locale key of the reason, and the stop it names besides the target (`{previous}`; the
    /// target is `{target}`).
    pub fn reason_key(&self, plan: &Plan) -> (&'static str, Option<Waypoint>) {
        let started = self.waypoint.status(plan) != Status::NotStarted;
        match self.reason {
            NextReason::Start => ("guide.reason.start", None),
            NextReason::FirstStop => ("guide.reason.first_stop", None),
            NextReason::DialogueBeforeSolution { previous } => {
                ("guide.reason.dialogue_before_solution", Some(previous))
            }
            NextReason::AfterPrevious { previous, previous_skipped } => {
                let key = match (previous_skipped, started) {
                    (false, false) => "guide.reason.done_not_started",
                    (false, true) => "guide.reason.done_not_finished",
                    (true, false) => "guide.reason.skipped_not_started",
                    (true, true) => "guide.reason.skipped_not_finished",
                };
                (key, Some(previous))
            }
        }
    }
}

/// The first stop on the spine that is not done or skipped, and the reason. `None` when every
/// stop is settled.
pub fn next_suggestion(content: &'static Content, plan: &Plan, spine: Spine, today: &str) -> Option<NextSuggestion> {
    let order: Vec<Waypoint> =
        sequence(spine, innovation_route(plan, today)).into_iter().map(|id| waypoint(content, id)).collect();
    let at = order.iter().position(|w| !w.settled(plan))?;
    let target = order[at];
    let step = match target {
        Waypoint::Worksheet(tool) => next_step(tool, plan),
        Waypoint::Decision => None,
    };
    let reason = match at.checked_sub(1).map(|i| order[i]) {
        // "Nothing is done yet" only while no step anywhere is done or skipped.
        None if plan.steps.values().any(|r| r.is_settled()) || plan.decision.chosen_route.is_some() => {
            NextReason::FirstStop
        }
        None => NextReason::Start,
        Some(previous)
            if target.id() == "dialogue"
                && target.status(plan) == Status::NotStarted
                && solution_being_shaped(content, plan) =>
        {
            NextReason::DialogueBeforeSolution { previous }
        }
        Some(previous) => {
            NextReason::AfterPrevious { previous, previous_skipped: previous.status(plan) == Status::NotRelevant }
        }
    };
    Some(NextSuggestion { waypoint: target, step, reason })
}

/// True once work on the future service has begun (the development or piloting phase).
fn solution_being_shaped(content: &'static Content, plan: &Plan) -> bool {
    ["development", "piloting"]
        .iter()
        .filter_map(|id| content.tool(id))
        .any(|phase| tool_progress(phase, plan).status != Status::NotStarted)
}

/// The crosswalk's stages in the order of a spine: LUP's sequence is the content's order; on
/// the roadmap, developing and piloting come before the procedure choice unless the route is
/// procurement of innovation.
pub fn stages(content: &'static Content, spine: Spine, innovation_route: bool) -> Vec<&'static Stage> {
    let mut stages: Vec<&'static Stage> = content.crosswalk.stages.iter().collect();
    if spine == Spine::Roadmap && !innovation_route {
        if let (Some(decide), Some(develop)) =
            (stages.iter().position(|s| s.id == "decide"), stages.iter().position(|s| s.id == "develop"))
        {
            if decide < develop {
                let stage = stages.remove(decide);
                stages.insert(develop, stage);
            }
        }
    }
    stages
}

/// A crosswalk reference resolved: a whole worksheet, one step of it, or the decision helper.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    Worksheet(&'static Tool),
    Step(&'static Tool, &'static Step),
    Decision,
}

impl PartialEq for Place {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Place::Worksheet(a), Place::Worksheet(b)) => a.id == b.id,
            (Place::Step(a, x), Place::Step(b, y)) => a.id == b.id && x.id == y.id,
            (Place::Decision, Place::Decision) => true,
            _ => false,
        }
    }
}
impl Eq for Place {}

/// Resolves `tool`, `tool:step`, `phase`, `phase:step` or `decision`.
pub fn place(content: &'static Content, reference: &str) -> Option<Place> {
    if reference == "decision" {
        return Some(Place::Decision);
    }
    let (tool, step) = match reference.split_once(':') {
        Some((tool, step)) => (tool, Some(step)),
        None => (reference, None),
    };
    let tool = content.tool(tool)?;
    match step {
        None => Some(Place::Worksheet(tool)),
        Some(step) => tool.step(step).map(|s| Place::Step(tool, s)),
    }
}

#[cfg(test)]
mod tests;
