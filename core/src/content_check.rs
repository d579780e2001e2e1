//! Checks that the content files are complete and consistent: every text in every language,
//! every reference a document, roadmap or rule makes, the fields other code reads by id. It
//! reads the whole catalog and what the guide, the benefits register and the documents expect,
//! so it sits above them all rather than inside `content`.

use crate::catalog::Catalog;
use crate::content::{Column, ColumnKind, Content, FieldKind, Tool, PHASE_IDS, TOOL_IDS};
use crate::text::Text;
use std::collections::BTreeSet;

/// Fields other code reads by id, with their kind and (for choices) exact option ids.
pub const FIXED_FIELDS: &[(&str, &str, &[&str])] = &[
    ("startup/framework/estimated-value", "amount", &[]),
    ("startup/framework/contract-type", "choice", &["goods-services", "works", "special-services", "unknown"]),
    ("startup/route/first-view", "choice", &["innovation-friendly", "innovation-procurement", "unsure"]),
    ("leadership/risk/risk-appetite", "choice", &["low", "moderate", "high", "unknown"]),
    ("leadership/risk/backing", "choice", &["yes", "partly", "no", "unknown"]),
    (crate::guide::CHANGE_OR_BUY_KEY, "choice", &["own-change", "both", "buy"]),
];

/// Every problem found, as a readable line; empty means the content is sound.
pub fn validate(cat: &Catalog, content: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    let mut text = |path: String, t: &Text, problems: &mut Vec<String>| {
        for lang in cat.missing(t) {
            problems.push(format!("{path}: missing {lang:?} text"));
        }
    };

    let mut register_ids = BTreeSet::new();
    for reg in &content.registers {
        let path = format!("registers/{}", reg.id);
        if !register_ids.insert(reg.id.as_str()) {
            problems.push(format!("{path}: duplicate register id"));
        }
        text(format!("{path}.title"), &reg.title, &mut problems);
        text(format!("{path}.item_name"), &reg.item_name, &mut problems);
        if reg.columns.first().map(|c| c.kind) != Some(ColumnKind::Text) {
            problems.push(format!("{path}: first column must be a text column (the row's name)"));
        }
        check_columns(&path, &reg.columns, &mut problems, &mut text);
    }

    let ids: Vec<_> = content.tools.iter().map(|t| t.id.as_str()).collect();
    if ids != TOOL_IDS {
        problems.push(format!("tools are {ids:?}, expected {TOOL_IDS:?}"));
    }
    for tool in &content.tools {
        check_tool(cat, content, tool, LUP_SITE, &mut problems, &mut text);
    }
    check_roadmap(cat, content, &mut problems, &mut text);
    check_crosswalk(content, &mut problems, &mut text);

    for (key, kind, options) in FIXED_FIELDS {
        match content.field(key) {
            None => problems.push(format!("{key}: fixed field is missing")),
            Some(field) => {
                let actual_kind = match &field.kind {
                    FieldKind::Amount => "amount",
                    FieldKind::Choice { .. } => "choice",
                    _ => "other",
                };
                if actual_kind != *kind {
                    problems.push(format!("{key}: must be a {kind} field"));
                }
                let actual: Vec<_> = field.options().iter().map(|o| o.id.as_str()).collect();
                if actual != *options {
                    problems.push(format!("{key}: options must be {options:?}, are {actual:?}"));
                }
            }
        }
    }
    problems
}

fn check_columns(
    path: &str,
    columns: &[Column],
    problems: &mut Vec<String>,
    text: &mut impl FnMut(String, &Text, &mut Vec<String>),
) {
    if columns.is_empty() {
        problems.push(format!("{path}: no columns"));
    }
    let mut seen = BTreeSet::new();
    for col in columns {
        let cpath = format!("{path}/{}", col.id);
        if !seen.insert(col.id.as_str()) {
            problems.push(format!("{cpath}: duplicate column id"));
        }
        text(format!("{cpath}.label"), &col.label, problems);
        match (col.kind == ColumnKind::Choice, col.options.is_empty()) {
            (true, true) => problems.push(format!("{cpath}: choice column without options")),
            (false, false) => problems.push(format!("{cpath}: options on a non-choice column")),
            _ => {}
        }
        check_options(&cpath, col.options.iter().map(|o| (o.id.as_str(), &o.label)), problems, text);
    }
}

fn check_options<'a>(
    path: &str,
    options: impl Iterator<Item = (&'a str, &'a Text)>,
    problems: &mut Vec<String>,
    text: &mut impl FnMut(String, &Text, &mut Vec<String>),
) {
    let mut seen = BTreeSet::new();
    for (id, label) in options {
        if !seen.insert(id) {
            problems.push(format!("{path}: duplicate option {id}"));
        }
        text(format!("{path}:{id}"), label, problems);
    }
}

const LUP_SITE: &str = "https://innovativeanskaffelser.no/";
const KS_SITE: &str = "https://www.ks.no/";

/// The roadmap's texts, its six phases in order (each a complete worksheet linking to KS), and a
/// calculation aid for every benefit type the register offers.
fn check_roadmap(
    cat: &Catalog,
    content: &Content,
    problems: &mut Vec<String>,
    text: &mut impl FnMut(String, &Text, &mut Vec<String>),
) {
    let roadmap = &content.roadmap;
    for (name, t) in [
        ("title", &roadmap.title),
        ("summary", &roadmap.summary),
        ("intro", &roadmap.intro),
        ("original", &roadmap.original.label),
    ] {
        text(format!("roadmap.{name}"), t, problems);
    }
    let benefits = &roadmap.benefits;
    for (name, t) in [
        ("title", &benefits.title),
        ("intro", &benefits.intro),
        ("stages.explore", &benefits.stages.explore),
        ("stages.map", &benefits.stages.map),
        ("stages.plan", &benefits.stages.plan),
        ("stages.follow-up", &benefits.stages.follow_up),
        ("original", &benefits.original.label),
    ] {
        text(format!("roadmap.benefits.{name}"), t, problems);
    }
    for url in [&roadmap.original.url, &benefits.original.url] {
        if !url.starts_with(KS_SITE) {
            problems.push(format!("roadmap: {url} must link to KS's site"));
        }
    }
    let kinds = content
        .register(crate::benefit::REGISTER)
        .and_then(|r| r.column("kind"))
        .map(|c| c.options.as_slice())
        .unwrap_or(&[]);
    if kinds.is_empty() {
        problems.push("registers/goals: no benefit kinds".into());
    }
    for kind in kinds {
        match benefits.types.get(&kind.id) {
            Some(t) => text(format!("roadmap.benefits.types.{}", kind.id), t, problems),
            None => problems.push(format!("roadmap.benefits.types: no calculation aid for {}", kind.id)),
        }
    }
    let ids: Vec<_> = roadmap.phases.iter().map(|p| p.worksheet.id.as_str()).collect();
    if ids != PHASE_IDS {
        problems.push(format!("phases are {ids:?}, expected {PHASE_IDS:?}"));
    }
    for (i, phase) in roadmap.phases.iter().enumerate() {
        let path = format!("roadmap/{}", phase.worksheet.id);
        if usize::from(phase.number) != i + 1 {
            problems.push(format!("{path}: number {} in place {}", phase.number, i + 1));
        }
        check_tool(cat, content, &phase.worksheet, KS_SITE, problems, text); // reported as tools/<phase id>
        for (list, items) in [("questions", &phase.questions), ("outputs", &phase.outputs)] {
            if items.is_empty() {
                problems.push(format!("{path}: no {list}"));
            }
            for (j, t) in items.iter().enumerate() {
                text(format!("{path}.{list}[{j}]"), t, problems);
            }
        }
        if phase.methods.is_empty() {
            problems.push(format!("{path}: no methods"));
        }
        for (j, m) in phase.methods.iter().enumerate() {
            text(format!("{path}.methods[{j}].name"), &m.name, problems);
            text(format!("{path}.methods[{j}].note"), &m.note, problems);
            if m.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                problems.push(format!("{path}.methods[{j}]: links must be https"));
            }
        }
    }
}

/// Every stage's texts, references to real worksheets, steps and registers, unique ids.
fn check_crosswalk(
    content: &Content,
    problems: &mut Vec<String>,
    text: &mut impl FnMut(String, &Text, &mut Vec<String>),
) {
    let cw = &content.crosswalk;
    text("crosswalk.json: title".into(), &cw.title, problems);
    text("crosswalk.json: intro".into(), &cw.intro, problems);
    for (name, spine) in [("roadmap", &cw.spines.roadmap), ("lup", &cw.spines.lup)] {
        for (part, t) in [("title", &spine.title), ("when", &spine.when), ("why", &spine.why)] {
            text(format!("crosswalk.spines.{name}.{part}"), t, problems);
        }
    }
    if cw.stages.is_empty() {
        problems.push("crosswalk: no stages".into());
    }
    let mut ids = BTreeSet::new();
    for stage in &cw.stages {
        let path = format!("crosswalk/{}", stage.id);
        if !ids.insert(stage.id.as_str()) {
            problems.push(format!("{path}: duplicate stage id"));
        }
        for (name, t) in [
            ("title", &stage.title),
            ("note", &stage.note),
            ("advice.roadmap", &stage.advice.roadmap),
            ("advice.lup", &stage.advice.lup),
        ] {
            text(format!("{path}.{name}"), t, problems);
        }
        let resolves = |reference: &str| {
            reference == "decision"
                || match reference.split_once(':') {
                    Some((tool, step)) => content.tool(tool).is_some_and(|t| t.step(step).is_some()),
                    None => content.tool(reference).is_some(),
                }
        };
        for (side, refs, own) in [("lup", &stage.lup, &TOOL_IDS[..]), ("ks", &stage.ks, &PHASE_IDS[..])] {
            for reference in refs {
                let worksheet = reference.split(':').next().unwrap_or_default();
                let on_its_side = own.contains(&worksheet) || (side == "lup" && reference == "decision");
                if !resolves(reference) || !on_its_side {
                    problems.push(format!("{path}.{side}: {reference} is not a {side} worksheet or step"));
                }
            }
        }
        for register in &stage.shared {
            if content.register(register).is_none() {
                problems.push(format!("{path}.shared: unknown register {register}"));
            }
        }
    }
}

fn check_tool(
    cat: &Catalog,
    content: &Content,
    tool: &Tool,
    site: &str,
    problems: &mut Vec<String>,
    text: &mut impl FnMut(String, &Text, &mut Vec<String>),
) {
    let path = format!("tools/{}", tool.id);
    for (name, t) in [("title", &tool.title), ("summary", &tool.summary), ("intro", &tool.intro)] {
        text(format!("{path}.{name}"), t, problems);
    }
    text(format!("{path}.original"), &tool.original.label, problems);
    if !tool.original.url.starts_with(site) {
        problems.push(format!("{path}: original must link to {site}"));
    }
    if tool.steps.is_empty() {
        problems.push(format!("{path}: no steps"));
    }
    let mut step_ids = BTreeSet::new();
    for step in &tool.steps {
        let spath = format!("{path}/{}", step.id);
        if !step_ids.insert(step.id.as_str()) {
            problems.push(format!("{spath}: duplicate step id"));
        }
        for (name, t) in [("title", &step.title), ("purpose", &step.purpose), ("guidance", &step.guidance)] {
            text(format!("{spath}.{name}"), t, problems);
        }
        for rule in &step.rules {
            if cat.rule(rule).is_none() {
                problems.push(format!("{spath}: unknown legal rule {rule}"));
            }
        }
        if let Some(sd) = &step.service_design {
            text(format!("{spath}.service_design"), sd, problems);
        }
        if step.fields.is_empty() {
            problems.push(format!("{spath}: no fields"));
        }
        let mut field_ids = BTreeSet::new();
        for field in &step.fields {
            let fpath = format!("{spath}/{}", field.id);
            if !field_ids.insert(field.id.as_str()) {
                problems.push(format!("{fpath}: duplicate field id"));
            }
            text(format!("{fpath}.label"), &field.label, problems);
            text(format!("{fpath}.help"), &field.help, problems);
            if let Some(reference) = &field.stored_at {
                check_shared(content, &fpath, reference, field, problems);
            }
            match &field.example {
                Some(ex) => text(format!("{fpath}.example"), ex, problems),
                None if !matches!(field.kind, FieldKind::Register { .. }) => {
                    problems.push(format!("{fpath}: no example answer"))
                }
                None => {}
            }
            match &field.kind {
                FieldKind::Table { columns } => check_columns(&fpath, columns, problems, text),
                FieldKind::Checklist { options } | FieldKind::Choice { options } => {
                    if options.is_empty() {
                        problems.push(format!("{fpath}: no options"));
                    }
                    check_options(&fpath, options.iter().map(|o| (o.id.as_str(), &o.label)), problems, text);
                }
                FieldKind::Register { register, columns, readonly } => match content.register(register) {
                    None => problems.push(format!("{fpath}: unknown register {register}")),
                    Some(reg) => {
                        if columns.is_empty() {
                            problems.push(format!("{fpath}: shows no columns"));
                        }
                        for col in columns.iter().chain(readonly) {
                            if reg.column(col).is_none() {
                                problems.push(format!("{fpath}: register {register} has no column {col}"));
                            }
                        }
                        for col in readonly {
                            if !columns.contains(col) {
                                problems.push(format!("{fpath}: read-only column {col} is not shown"));
                            }
                        }
                        if columns.iter().all(|c| readonly.contains(c)) {
                            problems.push(format!("{fpath}: every column is read-only"));
                        }
                    }
                },
                _ => {}
            }
        }
    }

    let doc = &tool.document;
    text(format!("{path}.document.title"), &doc.title, problems);
    text(format!("{path}.document.intro"), &doc.intro, problems);
    if doc.sections.is_empty() {
        problems.push(format!("{path}.document: no sections"));
    }
    for (i, section) in doc.sections.iter().enumerate() {
        text(format!("{path}.document.sections[{i}]"), &section.heading, problems);
        if section.fields.is_empty() {
            problems.push(format!("{path}.document.sections[{i}]: empty"));
        }
        for reference in &section.fields {
            if let Err(e) = crate::documents::tool::resolve(content, tool, reference) {
                problems.push(format!("{path}.document.sections[{i}]: {reference}: {e}"));
            }
        }
    }
}

/// A field that stores its answer with another must point at a real field that keeps its own
/// answer, and hold the same kind of answer (same options, same column ids and kinds).
fn check_shared(
    content: &Content,
    fpath: &str,
    reference: &str,
    field: &crate::content::Field,
    problems: &mut Vec<String>,
) {
    let Some(key) = crate::content::reference_key(reference) else {
        problems.push(format!("{fpath}: stored_at {reference} is not tool:step/field"));
        return;
    };
    let Some(target) = content.field(&key) else {
        problems.push(format!("{fpath}: stored_at {reference} is not a field"));
        return;
    };
    if target.stored_at.is_some() {
        problems.push(format!("{fpath}: stored_at {reference} itself stores elsewhere"));
    }
    if !same_shape(&field.kind, &target.kind) {
        problems.push(format!("{fpath}: stored_at {reference} holds another kind of answer"));
    }
}

/// Two kinds store the same answer shape: same kind, same option ids, same column ids and kinds.
pub(super) fn same_shape(a: &FieldKind, b: &FieldKind) -> bool {
    let options = |o: &[crate::content::ChoiceOption]| o.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let columns = |c: &[Column]| c.iter().map(|x| (x.id.clone(), x.kind, options(&x.options))).collect::<Vec<_>>();
    match (a, b) {
        (FieldKind::Table { columns: x }, FieldKind::Table { columns: y }) => columns(x) == columns(y),
        (FieldKind::Choice { options: x }, FieldKind::Choice { options: y })
        | (FieldKind::Checklist { options: x }, FieldKind::Checklist { options: y }) => options(x) == options(y),
        (FieldKind::Register { .. }, _) | (_, FieldKind::Register { .. }) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;

    #[test]
    fn embedded_content_is_complete_and_consistent() {
        let content = content().clone();
        let problems = validate(cat(), &content);
        assert!(problems.is_empty(), "{} content problems:\n{}", problems.len(), problems.join("\n"));
    }

    #[test]
    fn validation_catches_gaps() {
        let mut content = content().clone();
        let tool = &mut content.tools[0];
        tool.steps[0].title = tool.steps[0].title.with(crate::Lang::Nn, "");
        tool.steps[1].fields.clear();
        tool.document.sections[0].fields.push("no-such-step/field".into());
        let problems = validate(cat(), &content).join("\n");
        assert!(problems.contains("missing Nn text"), "{problems}");
        assert!(problems.contains("no fields"), "{problems}");
        assert!(problems.contains("no-such-step/field"), "{problems}");
    }

    #[test]
    fn validation_catches_roadmap_and_crosswalk_gaps() {
        let mut content = content().clone();
        let phase = &mut content.roadmap.phases[1];
        phase.worksheet.original.url = "https://example.com/insight".into();
        phase.methods[0].note = phase.methods[0].note.with(crate::Lang::Nn, "");
        phase.questions.clear();
        content.roadmap.phases.swap(2, 3);
        let stage = &mut content.crosswalk.stages[0];
        stage.ks.push("leadership".into());
        stage.lup.push("insight:nowhere".into());
        stage.shared.push("risks".into());
        content.crosswalk.stages[1].id = stage_id_of(&content, 0);
        let problems = validate(cat(), &content).join("\n");
        for expected in [
            "tools/insight: original must link to https://www.ks.no/",
            "roadmap/insight.methods[0].note: missing Nn text",
            "roadmap/insight: no questions",
            "phases are [\"anchoring\", \"insight\", \"piloting\", \"development\"",
            "ks: leadership is not a ks worksheet or step",
            "lup: insight:nowhere is not a lup worksheet or step",
            "shared: unknown register risks",
            "duplicate stage id",
        ] {
            assert!(problems.contains(expected), "expected {expected:?} in:\n{problems}");
        }
    }

    fn stage_id_of(content: &Content, i: usize) -> String {
        content.crosswalk.stages[i].id.clone()
    }

    #[test]
    fn every_tool_has_steps_with_fields() {
        let content = content().clone();
        for tool in &content.tools {
            assert!(tool.steps.len() >= 5, "{} has {} steps", tool.id, tool.steps.len());
            assert!(tool.steps.iter().all(|s| !s.fields.is_empty()));
        }
        for phase in &content.roadmap.phases {
            assert!(
                phase.worksheet.steps.len() >= 3,
                "{} has {} steps",
                phase.worksheet.id,
                phase.worksheet.steps.len()
            );
        }
        // No step is presented as KS's where KS's pages do not list it (DOMAIN §5.3): phase 3
        // and phase 5 are wholly our proposal.
        for id in ["development", "transition"] {
            assert!(
                content.tool(id).unwrap().steps.iter().all(|s| s.proposal),
                "{id}: every step is marked as our proposal"
            );
        }
        for id in ["anchoring", "practice"] {
            assert!(content.tool(id).unwrap().steps.iter().all(|s| !s.proposal), "{id}: KS lists these steps");
        }
    }
}
