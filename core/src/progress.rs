//! Progress through the worksheets, derived from the plan (never stored).

use crate::content::{step_key, FieldKind, Step, Tool};
use crate::plan::Plan;

/// Status of a tool or a step, as the task list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    pub fn label_key(self) -> &'static str {
        match self {
            Status::NotStarted => "status.not_started",
            Status::InProgress => "status.in_progress",
            Status::Done => "status.done",
        }
    }
}

/// True when any field of the step holds something. A register view counts when the register
/// has a row with content in a column this step may edit.
pub fn step_has_content(tool: &Tool, step: &Step, plan: &Plan) -> bool {
    step.fields.iter().any(|field| match &field.kind {
        FieldKind::Register { register, columns, readonly } => plan.register(register).iter().any(|row| {
            columns.iter().filter(|c| !readonly.contains(c)).any(|c| !row.cell(c).trim().is_empty())
        }),
        _ => plan.answer(&field.storage_key(&tool.id, &step.id)).is_some_and(|a| !a.is_empty()),
    })
}

pub fn step_status(tool: &Tool, step: &Step, plan: &Plan) -> Status {
    if plan.done_steps.contains(&step_key(&tool.id, &step.id)) {
        Status::Done
    } else if step_has_content(tool, step, plan) {
        Status::InProgress
    } else {
        Status::NotStarted
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ToolProgress {
    pub steps_done: usize,
    pub steps_total: usize,
    pub status: Status,
}

/// A tool is done when every step is marked done, in progress when any step has been touched.
pub fn tool_progress(tool: &Tool, plan: &Plan) -> ToolProgress {
    let statuses: Vec<Status> = tool.steps.iter().map(|s| step_status(tool, s, plan)).collect();
    let steps_done = statuses.iter().filter(|s| **s == Status::Done).count();
    let status = if !statuses.is_empty() && steps_done == statuses.len() {
        Status::Done
    } else if statuses.iter().any(|s| *s != Status::NotStarted) {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    ToolProgress { steps_done, steps_total: statuses.len(), status }
}

/// The step to continue with: the first one not marked done, or the first step.
pub fn next_step<'a>(tool: &'a Tool, plan: &Plan) -> Option<&'a Step> {
    tool.steps
        .iter()
        .find(|s| !plan.done_steps.contains(&step_key(&tool.id, &s.id)))
        .or_else(|| tool.steps.first())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;
    use crate::plan::{Answer, NewPlan};

    fn empty_plan() -> Plan {
        Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap()
    }

    #[test]
    fn empty_plan_has_nothing_started() {
        let plan = empty_plan();
        for tool in &content().tools {
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
            plan.set_step_done(&step_key("startup", &step.id), true, 2);
        }
        let p = tool_progress(tool, &plan);
        assert_eq!((p.steps_done, p.status), (tool.steps.len() - 1, Status::InProgress));
        assert_eq!(next_step(tool, &plan).unwrap().id, tool.steps.last().unwrap().id);
        plan.set_step_done(&step_key("startup", &tool.steps.last().unwrap().id), true, 3);
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
    }
}
