//! The whole plan as one document for the case file: a title block, a summary (route, progress,
//! what is still open), each LUP tool's document in order, the decision with its reasons and the
//! amounts it used, the roadmap's status, and each of its phases' documents. Every answer the
//! plan holds is in it: what no tool's or phase's own document shows is added to the chapter of
//! the worksheet that asks for it. One model; the print view, Markdown
//! ([`crate::documents::markdown`]) and Word (the docx worker) only render it.

use crate::catalog::Catalog;
use crate::content::{ColumnKind, FieldKind, Phase, Tool};
use crate::documents::decision::{chosen_item, procedures_section, recommended_item, route_section};
use crate::documents::tool::{self, resolve, Internal, Item, Ref, Section};
use crate::format::format_date;
use crate::plan::Plan;
use crate::progress::{overdue, tool_progress, Status, ToolProgress};
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What a document needs besides the plan: the day it is made, the app's version, and the
/// local time zone at the plan's last change (so the title block gives that change in local time).
#[derive(Clone, Copy, Debug)]
pub struct Made<'a> {
    /// `YYYY-MM-DD`.
    pub today: &'a str,
    pub app_version: &'a str,
    /// How far local time was ahead of UTC when the plan was last changed (60 in Norwegian
    /// winter time, 120 in summer time).
    pub utc_offset_minutes: i32,
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
pub fn build(cat: &Catalog, plan: &Plan, lang: Lang, made: Made) -> PlanDocument {
    let content = cat.content();
    let choice = plan.whole_document;
    let internal = if choice.leave_out_internal { Internal::LeaveOut } else { Internal::Mark };
    let tools: Vec<(&Tool, tool::Document)> =
        cat.content().tools.iter().map(|tool| (tool, tool::build_with(cat, tool, plan, lang, internal))).collect();
    let phases: Vec<(&Phase, tool::Document)> = content
        .roadmap
        .phases
        .iter()
        .map(|phase| (phase, tool::build_with(cat, &phase.worksheet, plan, lang, internal)))
        .collect();
    let mut shown = Shown::of(cat, internal);
    let mut chapters = vec![summary(cat, plan, &tools, &phases, lang, made.today)];
    for (tool, doc) in tools {
        chapters.push(worksheet_chapter(cat, tool, doc, doc_heading(cat, tool, None, lang), plan, lang, &mut shown));
    }
    chapters.push(Chapter {
        id: "decision".into(),
        heading: cat.t(lang, "plan_document.decision.title").into(),
        intro: cat.t(lang, "plan_document.decision.intro").into(),
        sections: vec![route_section(cat, plan, made.today, lang), procedures_section(cat, plan, made.today, lang)],
    });
    chapters.push(roadmap(cat, plan, lang));
    for (phase, doc) in phases {
        let heading = doc_heading(cat, &phase.worksheet, Some(phase), lang);
        chapters.push(worksheet_chapter(cat, &phase.worksheet, doc, heading, plan, lang, &mut shown));
    }
    if choice.leave_out_unanswered {
        for chapter in &mut chapters {
            list_unanswered(cat, chapter, lang);
        }
    }
    let mut meta = Vec::new();
    let mut add = |key: &str, value: String| {
        if !value.trim().is_empty() {
            meta.push(Meta { label: cat.t(lang, key).into(), value });
        }
    };
    // A version a case officer can cite: when the plan was last changed and its save number,
    // then the day the document was made and the app that made it.
    add("document.organisation", plan.organisation.clone());
    add("document.case_number", plan.case_number.clone());
    add("plan_document.changed", crate::format::format_moment(plan.updated_at, made.utc_offset_minutes, lang));
    add("plan_document.save_number", plan.revision.to_string());
    add("plan_document.made_on", format_date(made.today, lang));
    add("plan_document.made_with", cat.tf(lang, "plan_document.app", &[("version", made.app_version)]));
    add("plan_document.language", lang.native_name().to_string());
    // Said on the document itself, so a reader knows what is not there and what is internal.
    let internal_parts = internal_labels(cat, lang);
    if !internal_parts.is_empty() {
        let value = match internal {
            Internal::LeaveOut => {
                cat.tf(lang, "plan_document.internal.left_out", &[("parts", &internal_parts.join("; "))])
            }
            _ => cat.t(lang, "plan_document.internal.included").to_string(),
        };
        add("plan_document.internal.label", value);
    }
    if choice.leave_out_unanswered {
        add("plan_document.unanswered.label", cat.t(lang, "plan_document.unanswered.left_out").to_string());
    }
    PlanDocument {
        lang,
        title: plan.title.clone(),
        kind: cat.t(lang, "plan_document.kind").into(),
        organisation: plan.organisation.clone(),
        meta,
        chapters,
        footer: cat.tf(
            lang,
            "document.facts_checked",
            &[("date", &format_date(&crate::legal::checked_on(cat, made.today), lang))],
        ),
        missing_text: cat.t(lang, "document.missing").into(),
    }
}

/// Route chosen and why, progress per tool and on the roadmap, and what is still open.
fn summary(
    cat: &Catalog,
    plan: &Plan,
    tools: &[(&Tool, tool::Document)],
    phases: &[(&Phase, tool::Document)],
    lang: Lang,
    today: &str,
) -> Chapter {
    let outcome = crate::decision::outcome(plan, today);
    let chosen = chosen_item(cat, plan, lang);
    let recommended = recommended_item(cat, &outcome, lang);
    let status = |s: Status| cat.t(lang, s.label_key()).to_string();
    let mut rows: Vec<Vec<String>> = tools
        .iter()
        .map(|(tool, doc)| {
            let p = tool_progress(tool, plan);
            vec![
                cat.text(&tool.title, lang).into(),
                status(p.status),
                steps_done(cat, &p, lang),
                doc.missing.to_string(),
            ]
        })
        .collect();
    let phase_progress: Vec<_> =
        cat.content().roadmap.phases.iter().map(|p| tool_progress(&p.worksheet, plan)).collect();
    let phases_done = phase_progress.iter().filter(|p| p.status.is_settled()).count();
    let roadmap_status = if phases_done == phase_progress.len() {
        Status::Done
    } else if phase_progress.iter().any(|p| p.status != Status::NotStarted) {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    rows.push(vec![
        cat.t(lang, "plan_document.roadmap.title").into(),
        status(roadmap_status),
        cat.tf(
            lang,
            "plan_document.phases_of",
            &[("done", &phases_done.to_string()), ("total", &phase_progress.len().to_string())],
        ),
        phases.iter().map(|(_, doc)| doc.missing).sum::<usize>().to_string(),
    ]);
    let progress = Item::Table {
        label: cat.t(lang, "plan_document.summary.progress_table").into(),
        headers: [
            "plan_document.summary.part",
            "document.progress.status",
            "plan_document.summary.steps",
            "plan_document.summary.missing",
        ]
        .map(|k| cat.t(lang, k).to_string())
        .to_vec(),
        kinds: vec![ColumnKind::Text, ColumnKind::Choice, ColumnKind::Number, ColumnKind::Number],
        rows,
    };
    let mut open: Vec<String> = Vec::new();
    if plan.decision.chosen_route.is_none() {
        open.push(cat.t(lang, "plan_document.open.no_route").into());
    }
    for (tool, doc) in tools.iter().filter(|(_, doc)| doc.missing > 0) {
        open.push(cat.tn(lang, "plan_document.open.missing", doc.missing, &[("tool", cat.text(&tool.title, lang))]));
    }
    // A phase the team has not started is counted in the roadmap's row, not listed here.
    for ((phase, doc), _) in
        phases.iter().zip(&phase_progress).filter(|((_, doc), p)| doc.missing > 0 && p.status != Status::NotStarted)
    {
        open.push(cat.tn(
            lang,
            "plan_document.open.missing",
            doc.missing,
            &[("tool", cat.text(&phase.worksheet.title, lang))],
        ));
    }
    for late in overdue(cat.content(), plan, today) {
        open.push(cat.tf(
            lang,
            "plan_document.open.overdue",
            &[
                ("step", cat.text(&late.step.title, lang)),
                ("tool", cat.text(&late.tool.title, lang)),
                ("date", &format_date(&late.due, lang)),
            ],
        ));
    }
    let open_label = cat.t(lang, "plan_document.open.label").to_string();
    let open = if open.is_empty() {
        Item::Text { label: open_label, text: cat.t(lang, "plan_document.open.none").into() }
    } else {
        Item::List { label: open_label, items: open }
    };
    Chapter {
        id: "summary".into(),
        heading: cat.t(lang, "plan_document.summary.title").into(),
        intro: cat.t(lang, "plan_document.summary.intro").into(),
        sections: vec![
            Section {
                heading: cat.t(lang, "document.route.heading").into(),
                items: std::iter::once(chosen)
                    .chain(tool::stale_value_item(cat, plan, lang))
                    .chain([recommended])
                    .collect(),
                standalone: false,
            },
            Section {
                heading: cat.t(lang, "plan_document.summary.progress").into(),
                items: vec![progress, open],
                standalone: false,
            },
        ],
    }
}

/// KS's six phases with their status; each phase's document is a chapter of its own after this.
fn roadmap(cat: &Catalog, plan: &Plan, lang: Lang) -> Chapter {
    let content = cat.content();
    let rows = content
        .roadmap
        .phases
        .iter()
        .map(|phase| {
            let p = tool_progress(&phase.worksheet, plan);
            vec![
                cat.text(&phase.worksheet.title, lang).to_string(),
                cat.t(lang, p.status.label_key()).to_string(),
                steps_done(cat, &p, lang),
            ]
        })
        .collect();
    let sections = vec![Section {
        heading: cat.t(lang, "plan_document.roadmap.phases").into(),
        items: vec![Item::Table {
            label: cat.t(lang, "plan_document.roadmap.table").into(),
            headers: ["plan_document.roadmap.phase", "document.progress.status", "plan_document.summary.steps"]
                .map(|k| cat.t(lang, k).to_string())
                .to_vec(),
            kinds: vec![ColumnKind::Text, ColumnKind::Choice, ColumnKind::Number],
            rows,
        }],
        standalone: false,
    }];
    Chapter {
        id: "roadmap".into(),
        heading: cat.t(lang, "plan_document.roadmap.title").into(),
        intro: cat.t(lang, "plan_document.roadmap.intro").into(),
        sections,
    }
}

/// A tool's or a phase's chapter: its document, then what the plan holds from that worksheet
/// that no document shows ("also written here"), then the steps' status.
fn worksheet_chapter(
    cat: &Catalog,
    worksheet: &Tool,
    doc: tool::Document,
    heading: String,
    plan: &Plan,
    lang: Lang,
    shown: &mut Shown,
) -> Chapter {
    let mut sections = doc.sections;
    if let Some(more) = also_written(cat, worksheet, plan, lang, shown) {
        // Before the steps' status, which is the document's last section.
        let at = sections.len().saturating_sub(1);
        sections.insert(at, more);
    }
    Chapter { id: worksheet.id.clone(), heading, intro: doc.intro, sections }
}

/// A tool's chapter is headed by its document's title; a phase's also names the phase:
/// "Phase 1, Anchoring: Anchoring memo".
fn doc_heading(cat: &Catalog, worksheet: &Tool, phase: Option<&Phase>, lang: Lang) -> String {
    let title = cat.text(&worksheet.document.title, lang);
    match phase {
        None => title.to_string(),
        Some(phase) => cat.tf(
            lang,
            "plan_document.phase_heading",
            &[
                ("number", phase.number.to_string().as_str()),
                ("phase", cat.text(&worksheet.title, lang)),
                ("document", title),
            ],
        ),
    }
}

/// What the documents of all tools and phases show: answers by the key they are stored under,
/// and register columns by register.
struct Shown {
    keys: BTreeSet<String>,
    columns: BTreeSet<(String, String)>,
    internal: Internal,
}

impl Shown {
    /// Internal columns and fields count as shown even when left out: they are not added again.
    fn of(cat: &Catalog, internal: Internal) -> Shown {
        let mut shown = Shown { keys: BTreeSet::new(), columns: BTreeSet::new(), internal };
        for worksheet in cat.content().worksheets() {
            for reference in worksheet.document.sections.iter().flat_map(|s| &s.fields) {
                match resolve(cat.content(), worksheet, reference) {
                    Ok(Ref::Field { key_tool, step, field }) => {
                        shown.keys.insert(field.storage_key(key_tool, step));
                    }
                    Ok(Ref::Register { register, columns }) => {
                        let ids: Vec<&str> = match columns {
                            Some(list) => list.split(',').collect(),
                            None => register.columns.iter().map(|c| c.id.as_str()).collect(),
                        };
                        shown.columns.extend(ids.into_iter().map(|c| (register.id.clone(), c.to_string())));
                    }
                    Err(_) => {}
                }
            }
        }
        shown
    }
}

/// The answers `worksheet` asks for that no document shows: its fields not in any document, and
/// register columns it edits that no document has (each with the register's first column, which
/// names the row). Each is given once, in the first chapter that asks for it; unanswered ones
/// are left out, since no document has a place for them.
fn also_written(cat: &Catalog, worksheet: &Tool, plan: &Plan, lang: Lang, shown: &mut Shown) -> Option<Section> {
    let internal = shown.internal;
    let mut items = Vec::new();
    for step in &worksheet.steps {
        for field in &step.fields {
            let item = match &field.kind {
                FieldKind::Register { register, columns, .. } => {
                    let Some(register) = cat.content().register(register) else { continue };
                    let new: Vec<&str> = columns
                        .iter()
                        .filter(|c| shown.columns.insert((register.id.clone(), c.to_string())))
                        .map(String::as_str)
                        .collect();
                    if new.is_empty() {
                        continue;
                    }
                    let first = register.columns[0].id.as_str();
                    let ids: Vec<&str> =
                        std::iter::once(first).chain(new.into_iter().filter(|c| *c != first)).collect();
                    let list = ids.join(",");
                    let Some(item) =
                        tool::item_with(cat, Ref::Register { register, columns: Some(&list) }, plan, lang, internal)
                    else {
                        continue;
                    };
                    item
                }
                _ => {
                    if !shown.keys.insert(field.storage_key(&worksheet.id, &step.id)) {
                        continue;
                    }
                    let Some(item) = tool::item_with(
                        cat,
                        Ref::Field { key_tool: &worksheet.id, step: &step.id, field },
                        plan,
                        lang,
                        internal,
                    ) else {
                        continue;
                    };
                    item
                }
            };
            if !matches!(item, Item::Missing { .. }) {
                items.push(item);
            }
        }
    }
    (!items.is_empty()).then(|| Section {
        heading: cat.t(lang, "plan_document.also_written").into(),
        items,
        standalone: false,
    })
}

/// What the content marks as internal, as a reader finds it: "Stakeholders: Interest, Influence,
/// Attitude" for a register's columns, a field's label for a field.
fn internal_labels(cat: &Catalog, lang: Lang) -> Vec<String> {
    let content = cat.content();
    let mut parts: Vec<String> = content
        .registers
        .iter()
        .filter_map(|register| {
            let columns: Vec<&str> =
                register.columns.iter().filter(|c| c.internal).map(|c| cat.text(&c.label, lang)).collect();
            (!columns.is_empty()).then(|| format!("{}: {}", cat.text(&register.title, lang), columns.join(", ")))
        })
        .collect();
    for worksheet in cat.content().worksheets() {
        for field in worksheet.steps.iter().flat_map(|s| &s.fields).filter(|f| f.internal) {
            parts.push(cat.tf(
                lang,
                "plan_document.internal.field",
                &[("tool", cat.text(&worksheet.title, lang)), ("label", cat.text(&field.label, lang))],
            ));
        }
    }
    parts
}

/// Takes the parts with no answer out of `chapter` and names them in one short list at its end,
/// by section: "Background: Today's situation, What goes wrong". Sections left empty go.
fn list_unanswered(cat: &Catalog, chapter: &mut Chapter, lang: Lang) {
    let mut lines = Vec::new();
    for section in &mut chapter.sections {
        let labels: Vec<String> = section
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Missing { label } => Some(label.clone()),
                _ => None,
            })
            .collect();
        if labels.is_empty() {
            continue;
        }
        section.items.retain(|i| !matches!(i, Item::Missing { .. }));
        lines.push(format!("{}: {}", section.heading, labels.join(", ")));
    }
    chapter.sections.retain(|s| !s.items.is_empty());
    if !lines.is_empty() {
        chapter.sections.push(Section {
            heading: cat.t(lang, "plan_document.unanswered.heading").into(),
            items: vec![Item::List { label: cat.t(lang, "plan_document.unanswered.list").into(), items: lines }],
            standalone: false,
        });
    }
}

/// "5 of 8": the steps of a tool or phase that are done or skipped, out of all.
pub fn steps_done(cat: &Catalog, p: &ToolProgress, lang: Lang) -> String {
    cat.tf(lang, "plan_document.steps_of", &[("done", &p.settled().to_string()), ("total", &p.steps_total.to_string())])
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
