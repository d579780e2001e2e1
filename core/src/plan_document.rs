//! The whole plan as one document for the case file: a title block, a summary (route, progress,
//! what is still open), each LUP tool's document in order, the decision with its reasons and the
//! amounts it used, and the roadmap's status. One model; the print view, Markdown
//! ([`crate::markdown`]) and Word (the docx worker) only render it.

use crate::content::{ColumnKind, Content, Tool};
use crate::decision_document::{chosen_item, procedures_section, recommended_item, route_section};
use crate::document::{self, format_date, Item, Section};
use crate::i18n::{t, tf, tn};
use crate::plan::Plan;
use crate::progress::{overdue, tool_progress, Status, ToolProgress};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// What a document needs besides the plan: the day it is made and the app's version.
#[derive(Clone, Copy, Debug)]
pub struct Made<'a> {
    /// `YYYY-MM-DD`.
    pub today: &'a str,
    pub app_version: &'a str,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDocument {
    pub lang: Lang,
    /// The plan's title (the document's title).
    pub title: String,
    /// What the document is: "Plan for an innovative procurement".
    pub kind: String,
    /// For the Word file's author; empty when not given.
    pub organisation: String,
    /// The title block, in order.
    pub meta: Vec<Meta>,
    pub chapters: Vec<Chapter>,
    /// Last line: made with the app, and when its legal facts were checked.
    pub footer: String,
    /// What a part with no answer says ("Not answered yet."), so renderers need no texts.
    pub missing_text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub label: String,
    pub value: String,
}

/// A part of the document that starts on a new page in print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// `summary`, a tool id, `decision` or `roadmap`: stable, for anchors and tests.
    pub id: String,
    pub heading: String,
    pub intro: String,
    pub sections: Vec<Section>,
}

/// Builds the whole-plan document of `plan` in `lang`.
pub fn build(content: &Content, plan: &Plan, lang: Lang, made: Made) -> PlanDocument {
    let tools: Vec<(&Tool, document::Document)> =
        content.tools.iter().map(|tool| (tool, document::build(content, tool, plan, lang))).collect();
    let mut chapters = vec![summary(content, plan, &tools, lang, made.today)];
    chapters.extend(tools.into_iter().map(|(tool, doc)| Chapter {
        id: tool.id.clone(),
        heading: doc.title,
        intro: doc.intro,
        sections: doc.sections,
    }));
    chapters.push(Chapter {
        id: "decision".into(),
        heading: t(lang, "plan_document.decision.title").into(),
        intro: t(lang, "plan_document.decision.intro").into(),
        sections: vec![route_section(plan, made.today, lang), procedures_section(plan, made.today, lang)],
    });
    chapters.push(roadmap(content, plan, lang));
    let mut meta = Vec::new();
    let mut add = |key: &str, value: String| {
        if !value.trim().is_empty() {
            meta.push(Meta { label: t(lang, key).into(), value });
        }
    };
    add("document.organisation", plan.organisation.clone());
    add("document.case_number", plan.case_number.clone());
    add("document.date", format_date(made.today, lang));
    add("plan_document.revision", plan.revision.to_string());
    add("plan_document.app_version", made.app_version.to_string());
    add("plan_document.language", lang.native_name().to_string());
    PlanDocument {
        lang,
        title: plan.title.clone(),
        kind: t(lang, "plan_document.kind").into(),
        organisation: plan.organisation.clone(),
        meta,
        chapters,
        footer: tf(lang, "document.facts_checked", &[("date", &format_date(&crate::legal::checked_on(made.today), lang))]),
        missing_text: t(lang, "document.missing").into(),
    }
}

/// Route chosen and why, progress per tool and on the roadmap, and what is still open.
fn summary(content: &Content, plan: &Plan, tools: &[(&Tool, document::Document)], lang: Lang, today: &str) -> Chapter {
    let outcome = crate::decision::outcome(plan, today);
    let chosen = chosen_item(plan, lang);
    let recommended = recommended_item(&outcome, lang);
    let status = |s: Status| t(lang, s.label_key()).to_string();
    let mut rows: Vec<Vec<String>> = tools
        .iter()
        .map(|(tool, doc)| {
            let p = tool_progress(tool, plan);
            vec![tool.title.get(lang).into(), status(p.status), steps_done(&p, lang), doc.missing.to_string()]
        })
        .collect();
    let phases: Vec<_> = content.roadmap.phases.iter().map(|p| tool_progress(&p.worksheet, plan)).collect();
    let phases_done = phases.iter().filter(|p| p.status.is_settled()).count();
    let roadmap_status = if phases_done == phases.len() {
        Status::Done
    } else if phases.iter().any(|p| p.status != Status::NotStarted) {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    rows.push(vec![
        t(lang, "plan_document.roadmap.title").into(),
        status(roadmap_status),
        tf(lang, "plan_document.phases_of", &[("done", &phases_done.to_string()), ("total", &phases.len().to_string())]),
        String::new(),
    ]);
    let progress = Item::Table {
        label: t(lang, "plan_document.summary.progress_table").into(),
        headers: ["plan_document.summary.part", "document.progress.status", "plan_document.summary.steps", "plan_document.summary.missing"]
            .map(|k| t(lang, k).to_string())
            .to_vec(),
        kinds: vec![ColumnKind::Text, ColumnKind::Choice, ColumnKind::Number, ColumnKind::Number],
        rows,
    };
    let mut open: Vec<String> = Vec::new();
    if plan.decision.chosen_route.is_none() {
        open.push(t(lang, "plan_document.open.no_route").into());
    }
    for (tool, doc) in tools.iter().filter(|(_, doc)| doc.missing > 0) {
        open.push(tn(lang, "plan_document.open.missing", doc.missing, &[("tool", tool.title.get(lang))]));
    }
    for late in overdue(plan, today) {
        open.push(tf(
            lang,
            "plan_document.open.overdue",
            &[("step", late.step.title.get(lang)), ("tool", late.tool.title.get(lang)), ("date", &format_date(&late.due, lang))],
        ));
    }
    let open_label = t(lang, "plan_document.open.label").to_string();
    let open = if open.is_empty() {
        Item::Text { label: open_label, text: t(lang, "plan_document.open.none").into() }
    } else {
        Item::List { label: open_label, items: open }
    };
    Chapter {
        id: "summary".into(),
        heading: t(lang, "plan_document.summary.title").into(),
        intro: t(lang, "plan_document.summary.intro").into(),
        sections: vec![
            Section { heading: t(lang, "document.route.heading").into(), items: vec![chosen, recommended], standalone: false },
            Section { heading: t(lang, "plan_document.summary.progress").into(), items: vec![progress, open], standalone: false },
        ],
    }
}

/// KS's six phases with their status, then the steps of every phase the team has started.
fn roadmap(content: &Content, plan: &Plan, lang: Lang) -> Chapter {
    let rows = content
        .roadmap
        .phases
        .iter()
        .map(|phase| {
            let p = tool_progress(&phase.worksheet, plan);
            vec![phase.worksheet.title.get(lang).to_string(), t(lang, p.status.label_key()).to_string(), steps_done(&p, lang)]
        })
        .collect();
    let mut sections = vec![Section {
        heading: t(lang, "plan_document.roadmap.phases").into(),
        items: vec![Item::Table {
            label: t(lang, "plan_document.roadmap.table").into(),
            headers: ["plan_document.roadmap.phase", "document.progress.status", "plan_document.summary.steps"]
                .map(|k| t(lang, k).to_string())
                .to_vec(),
            kinds: vec![ColumnKind::Text, ColumnKind::Choice, ColumnKind::Number],
            rows,
        }],
        standalone: false,
    }];
    for phase in &content.roadmap.phases {
        if tool_progress(&phase.worksheet, plan).status == Status::NotStarted {
            continue;
        }
        let mut steps = document::step_progress(&phase.worksheet, plan, lang);
        steps.heading = phase.worksheet.title.get(lang).to_string();
        sections.push(steps);
    }
    Chapter {
        id: "roadmap".into(),
        heading: t(lang, "plan_document.roadmap.title").into(),
        intro: t(lang, "plan_document.roadmap.intro").into(),
        sections,
    }
}

/// "5 of 8": the steps of a tool or phase that are done or skipped, out of all.
pub fn steps_done(p: &ToolProgress, lang: Lang) -> String {
    tf(lang, "plan_document.steps_of", &[("done", &p.settled().to_string()), ("total", &p.steps_total.to_string())])
}

impl PlanDocument {
    /// Parts with no answer yet, in the tools' documents (the summary names them).
    pub fn missing(&self) -> usize {
        self.chapters
            .iter()
            .flat_map(|c| &c.sections)
            .flat_map(|s| &s.items)
            .filter(|i| matches!(i, Item::Missing { .. }))
            .count()
    }
}

#[cfg(test)]
pub(crate) mod tests;
