//! Progress through the worksheets, derived from the plan (never stored).

use crate::content::{step_key, Content, FieldKind, Step, Tool};
use crate::plan::{Plan, StepMark};

crate::ids::id_enum! {
    /// Status of a tool, a phase or a step, as the task lists show it. The id is what CSS and
    /// tests read (`data-status`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Status {
        NotStarted = "not-started",
        InProgress = "in-progress",
        Done = "done",
        /// Skipped on purpose: a step, or a tool or phase whose every step was skipped.
        NotRelevant = "not-relevant",
    }
}

impl Status {
    pub fn label_key(self) -> &'static str {
        match self {
            Status::NotStarted => "status.not_started",
            Status::InProgress => "status.in_progress",
            Status::Done => "status.done",
            Status::NotRelevant => "status.not_relevant",
        }
    }

    /// Done, or skipped on purpose: nothing more to do here.
    pub fn is_settled(self) -> bool {
        matches!(self, Status::Done | Status::NotRelevant)
    }
}

/// True when any field of the step holds something. In LUP's tools a register view counts when
/// the register has a row with content in a column this step may edit. In the roadmap's phases
/// neither register rows nor answers stored in a LUP tool count: those are filled by the tools
/// as well, and a phase is started by the team's own work in it, not by what was written
/// elsewhere.
pub fn step_has_content(tool: &Tool, step: &Step, plan: &Plan) -> bool {
    let in_phase = crate::content::PHASE_IDS.contains(&tool.id.as_str());
    step.fields.iter().any(|field| match &field.kind {
        FieldKind::Register { .. } if in_phase => false,
        FieldKind::Register { register, columns, readonly } => plan
            .register(register)
            .iter()
            .any(|row| columns.iter().filter(|c| !readonly.contains(c)).any(|c| !row.cell(c).trim().is_empty())),
        _ if in_phase && field.stored_at.is_some() => false,
        _ => plan.answer(&field.storage_key(&tool.id, &step.id)).is_some_and(|a| !a.is_empty()),
    })
}

/// The status a step has by itself, with no status set: in progress once anything is written in
/// it (its fields, or its record's owner, date or note), else not started. Choosing this status
/// in the step's panel clears the team's own, so the step follows its content again.
pub fn automatic_status(tool: &Tool, step: &Step, plan: &Plan) -> Status {
    let record = plan.step(&step_key(&tool.id, &step.id));
    let written =
        record.is_some_and(|r| !(r.reason.is_empty() && r.owner.is_empty() && r.due.is_empty() && r.note.is_empty()));
    if written || step_has_content(tool, step, plan) {
        Status::InProgress
    } else {
        Status::NotStarted
    }
}

impl From<StepMark> for Status {
    fn from(mark: StepMark) -> Status {
        match mark {
            StepMark::NotStarted => Status::NotStarted,
            StepMark::InProgress => Status::InProgress,
            StepMark::Done => Status::Done,
            StepMark::NotRelevant => Status::NotRelevant,
        }
    }
}

impl From<Status> for StepMark {
    fn from(status: Status) -> StepMark {
        match status {
            Status::NotStarted => StepMark::NotStarted,
            Status::InProgress => StepMark::InProgress,
            Status::Done => StepMark::Done,
            Status::NotRelevant => StepMark::NotRelevant,
        }
    }
}

/// A target date that has passed while the step is neither done nor skipped. `today` and `due`
/// are ISO dates, which compare as text.
pub fn is_overdue(due: &str, status: Status, today: &str) -> bool {
    !due.is_empty() && due < today && !status.is_settled()
}

/// The status the team set, else the step's [`automatic_status`].
pub fn step_status(tool: &Tool, step: &Step, plan: &Plan) -> Status {
    match plan.step(&step_key(&tool.id, &step.id)).and_then(|r| r.status) {
        Some(mark) => mark.into(),
        None => automatic_status(tool, step, plan),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ToolProgress {
    pub steps_done: usize,
    /// Steps marked "not relevant".
    pub steps_skipped: usize,
    pub steps_total: usize,
    pub status: Status,
}

impl ToolProgress {
    /// Steps done or skipped, out of all.
    pub fn settled(&self) -> usize {
        self.steps_done + self.steps_skipped
    }
}

/// A tool or phase is done when every step is done or not relevant (and at least one is
/// done), in progress when any step has been touched.
pub fn tool_progress(tool: &Tool, plan: &Plan) -> ToolProgress {
    let statuses: Vec<Status> = tool.steps.iter().map(|s| step_status(tool, s, plan)).collect();
    let steps_done = statuses.iter().filter(|s| **s == Status::Done).count();
    let steps_skipped = statuses.iter().filter(|s| **s == Status::NotRelevant).count();
    let status = if steps_done > 0 && steps_done + steps_skipped == statuses.len() {
        Status::Done
    } else if steps_skipped == statuses.len() && !statuses.is_empty() {
        Status::NotRelevant
    } else if statuses.iter().any(|s| *s != Status::NotStarted) {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    ToolProgress { steps_done, steps_skipped, steps_total: statuses.len(), status }
}

/// The step to continue with: the first one not done or skipped, or the first step.
pub fn next_step<'a>(tool: &'a Tool, plan: &Plan) -> Option<&'a Step> {
    tool.steps.iter().find(|s| !step_status(tool, s, plan).is_settled()).or_else(|| tool.steps.first())
}

/// A step whose target date has passed while it is not done or skipped.
#[derive(Clone, Debug)]
pub struct Overdue {
    pub tool: &'static Tool,
    pub step: &'static Step,
    pub due: String,
}

/// The same step with the same date (compared by ids, not walked).
impl PartialEq for Overdue {
    fn eq(&self, other: &Self) -> bool {
        self.tool.id == other.tool.id && self.step.id == other.step.id && self.due == other.due
    }
}

/// Every overdue step of the plan, earliest date first. `today` is `YYYY-MM-DD`; ISO dates
/// compare as text.
pub fn overdue(content: &'static Content, plan: &Plan, today: &str) -> Vec<Overdue> {
    let mut out: Vec<Overdue> = content
        .worksheets()
        .flat_map(|tool| tool.steps.iter().map(move |step| (tool, step)))
        .filter_map(|(tool, step)| {
            let record = plan.step(&step_key(&tool.id, &step.id))?;
            is_overdue(&record.due, step_status(tool, step, plan), today).then(|| Overdue {
                tool,
                step,
                due: record.due.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.due.cmp(&b.due));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use crate::plan::{Answer, NewPlan, StepPart};

    fn empty_plan() -> Plan {
        Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap()
    }

    #[test]
    fn empty_plan_has_nothing_started() {
        let plan = empty_plan();
        for tool in content().worksheets() {
            let p = tool_progress(tool, &plan);
            assert_eq!((p.steps_done, p.status), (0, Status::NotStarted));
            assert_eq!(p.steps_total, tool.steps.len());
            assert_eq!(next_step(tool, &plan).unwrap().id, tool.steps[0].id);
        }
    }

    #[test]
    fn an_answer_starts_a_tool_and_marking_every_step_finishes_it() {
        let tool = content().tool("startup").unwrap();
        let mut plan = empty_plan();
        plan.set_answer("startup/framework/estimated-value", Answer::Amount(1), 1);
        assert_eq!(tool_progress(tool, &plan).status, Status::InProgress);
        let framework = tool.step("framework").unwrap();
        assert_eq!(step_status(tool, framework, &plan), Status::InProgress);

        for step in &tool.steps[..tool.steps.len() - 1] {
            plan.set_step_status(&step_key("startup", &step.id), Some(StepMark::Done), 2);
        }
        let p = tool_progress(tool, &plan);
        assert_eq!((p.steps_done, p.status), (tool.steps.len() - 1, Status::InProgress));
        assert_eq!(next_step(tool, &plan).unwrap().id, tool.steps.last().unwrap().id);
        plan.set_step_status(&step_key("startup", &tool.steps.last().unwrap().id), Some(StepMark::Done), 3);
        assert_eq!(tool_progress(tool, &plan).status, Status::Done);
    }

    #[test]
    fn a_shared_register_starts_every_step_that_edits_it() {
        let content = content();
        let mut plan = empty_plan();
        let row = plan.add_register_row("needs", 1);
        plan.set_register_cell("needs", row, "name", "Trygg natt".into(), 1);
        let needs = content.tool("needs").unwrap();
        assert_eq!(step_status(needs, needs.step("needs-list").unwrap(), &plan), Status::InProgress);
        // The priority step shows the name read-only: a name alone does not start it.
        assert_eq!(step_status(needs, needs.step("priority").unwrap(), &plan), Status::NotStarted);
        plan.set_register_cell("needs", row, "priority", "must".into(), 2);
        assert_eq!(step_status(needs, needs.step("priority").unwrap(), &plan), Status::InProgress);
        // A phase shows the same register, but rows written in the tools do not start it, nor
        // does an answer it shares with a tool.
        let insight = content.tool("insight").unwrap();
        let sum_up = insight.step("sum-up").unwrap();
        assert!(sum_up.fields.iter().any(|f| f.stored_at.as_deref() == Some("needs:insight/design-principles")));
        plan.set_answer("needs/insight/design-principles", Answer::List(vec!["Sov godt".into()]), 3);
        assert_eq!(step_status(insight, sum_up, &plan), Status::NotStarted);
        plan.set_answer("insight/sum-up/root-causes", Answer::Text("Faste runder".into()), 4);
        assert_eq!(step_status(insight, sum_up, &plan), Status::InProgress, "its own field does");
    }

    #[test]
    fn not_relevant_steps_settle_a_phase_and_an_explicit_status_wins() {
        let phase = content().tool("piloting").unwrap();
        let mut plan = empty_plan();
        let key = |i: usize| step_key("piloting", &phase.steps[i].id);
        plan.set_step_part(&key(0), StepPart::Owner, "Kari".into(), 1);
        assert_eq!(step_status(phase, &phase.steps[0], &plan), Status::InProgress, "an owner starts a step");
        plan.set_step_status(&key(0), Some(StepMark::NotStarted), 2);
        assert_eq!(step_status(phase, &phase.steps[0], &plan), Status::NotStarted, "the team's own status wins");
        for i in 0..phase.steps.len() {
            plan.set_step_status(&key(i), Some(StepMark::NotRelevant), 3);
        }
        let p = tool_progress(phase, &plan);
        assert_eq!(
            (p.steps_skipped, p.status),
            (phase.steps.len(), Status::NotRelevant),
            "a skipped phase is not done"
        );
        plan.set_step_status(&key(0), Some(StepMark::Done), 4);
        let p = tool_progress(phase, &plan);
        assert_eq!((p.steps_done, p.settled(), p.status), (1, phase.steps.len(), Status::Done));
        assert_eq!(next_step(phase, &plan).unwrap().id, phase.steps[0].id, "nothing left: back to the first");
        plan.set_step_status(&key(1), None, 5);
        assert_eq!(next_step(phase, &plan).unwrap().id, phase.steps[1].id, "the first step not settled");
    }

    #[test]
    fn overdue_steps_are_late_and_unsettled_earliest_first() {
        let mut plan = empty_plan();
        plan.set_step_part("insight/interviews", StepPart::Due, "2026-11-01".into(), 1);
        plan.set_step_part("startup/goals", StepPart::Due, "2026-10-15".into(), 1);
        plan.set_step_part("anchoring/team", StepPart::Due, "2026-12-01".into(), 1);
        plan.set_step_part("needs/problem", StepPart::Due, "2026-09-01".into(), 1);
        plan.set_step_status("needs/problem", Some(StepMark::Done), 1);
        let late: Vec<(String, String)> = overdue(content(), &plan, "2026-12-01")
            .into_iter()
            .map(|o| (step_key(&o.tool.id, &o.step.id), o.due))
            .collect();
        assert_eq!(
            late,
            [
                ("startup/goals".to_string(), "2026-10-15".to_string()),
                ("insight/interviews".to_string(), "2026-11-01".to_string()),
            ],
            "due today is not late; done is never late"
        );
    }
}
