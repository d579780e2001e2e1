//! Checks an imported plan against the content: it may hold only what the app itself writes.
//!
//! Serde has already checked the shape. This checks the meaning: every answer belongs to a
//! field and is of that field's kind, every option and column exists, ids are safe. The first
//! problem is reported with the part it is in, e.g. `plan.answers["startup/trigger/why"]`.

use super::{json::shorten, time::is_iso_date, FileError};
use crate::catalog::Catalog;
use crate::content::{answer_key, step_key, Column, ColumnKind, Content, FieldKind};
use crate::decision::{shared_key, Route};
use crate::plan::{validate_title, Answer, Plan, TitleError, MAX_TITLE_CHARS};
use std::collections::{BTreeMap, BTreeSet};

/// Longest organisation name or case number accepted: the title limit, as the forms had none
/// before (an export must never refuse a plan the app itself stored).
pub const MAX_DETAIL_CHARS: usize = crate::plan::MAX_TITLE_CHARS;

/// Most digits a number column holds: enough for any count, few enough that the benefit
/// estimate's product is checked, not guessed.
pub const MAX_NUMBER_DIGITS: usize = 15;

/// Longest plan id accepted (the app's own are about 16 characters).
const MAX_ID_CHARS: usize = 64;

/// The draft key earlier versions gave the decision helper's amount field (its DOM id). Drafts
/// are now kept under the answer's storage key, so every place that shows the amount shows
/// the draft too; files from earlier versions keep their DOM ids, read as before.
pub(super) const DECISION_VALUE_DRAFT: &str = "q-value";

/// What the content allows, collected once a file.
struct Known {
    /// Storage key → kind of the field whose answer lives there.
    answers: BTreeMap<String, &'static FieldKind>,
    /// `tool/step`.
    steps: BTreeSet<String>,
    /// Keys of `Plan::drafts`: the storage keys of the amount fields (and, from earlier
    /// versions, the DOM ids of their inputs).
    drafts: BTreeSet<String>,
}

impl Known {
    fn of(content: &'static Content) -> Known {
        let mut known = Known { answers: BTreeMap::new(), steps: BTreeSet::new(), drafts: BTreeSet::new() };
        known.drafts.insert(DECISION_VALUE_DRAFT.to_string());
        for tool in content.worksheets() {
            for step in &tool.steps {
                known.steps.insert(step_key(&tool.id, &step.id));
                for field in &step.fields {
                    if matches!(field.kind, FieldKind::Amount) {
                        known.drafts.insert(amount_dom_id(&tool.id, &step.id, &field.id));
                        known.drafts.insert(field.storage_key(&tool.id, &step.id));
                    }
                    // A register view stores its rows in the register, never in `answers`.
                    if matches!(field.kind, FieldKind::Register { .. }) {
                        continue;
                    }
                    let key = field.storage_key(&tool.id, &step.id);
                    // A shared field stores under the field it points to: that field's kind.
                    if let Some(owner) = content.field(&key) {
                        known.answers.insert(key, &owner.kind);
                    }
                }
            }
        }
        known
    }
}

/// The DOM id `src/worksheet/field.rs` gives a field's input (also a shared field's, which
/// shows its own input): `f-tool-step-field`.
pub(super) fn amount_dom_id(tool: &str, step: &str, field: &str) -> String {
    format!("f-{}", answer_key(tool, step, field).replace('/', "-"))
}

/// The first problem in `plan`, whose part path starts with `part` (`plan`, `plans[2]`).
pub(super) fn validate(cat: &Catalog, plan: &Plan, part: &str) -> Result<(), FileError> {
    let known = &Known::of(cat.content());
    details(plan, part)?;
    answers(known, plan, part)?;
    let at = |field: &str| format!("{part}.{field}");
    steps(known, plan, part)?;
    registers(cat, plan, part)?;
    decision(cat, plan, part)?;
    for tool in plan.document_languages.keys() {
        check(cat.content().tool(tool).is_some(), &keyed(&at("document_languages"), tool), || {
            "not a tool or phase".into()
        })?;
    }
    for key in plan.drafts.keys() {
        check(known.drafts.contains(key), &keyed(&at("drafts"), key), || "not an amount field".into())?;
    }
    Ok(())
}

/// Step records: a known step, a date that is a date, short texts short.
fn steps(known: &Known, plan: &Plan, part: &str) -> Result<(), FileError> {
    for (key, record) in &plan.steps {
        let at = keyed(&format!("{part}.steps"), key);
        check(known.steps.contains(key), &at, || "unknown step".into())?;
        let due_ok = record.due.is_empty() || is_iso_date(&record.due);
        check(due_ok, &format!("{at}.due"), || format!("{} is not a date (YYYY-MM-DD)", quoted(&record.due)))?;
        for (name, value) in [("reason", &record.reason), ("owner", &record.owner)] {
            check(value.chars().count() <= MAX_DETAIL_CHARS, &format!("{at}.{name}"), || {
                format!("over {MAX_DETAIL_CHARS} characters")
            })?;
        }
    }
    Ok(())
}

/// Id, title, organisation and case number.
fn details(plan: &Plan, part: &str) -> Result<(), FileError> {
    let at = |field: &str| format!("{part}.{field}");
    // The id becomes a storage key and a URL fragment: only the characters the app uses.
    let id_ok = (1..=MAX_ID_CHARS).contains(&plan.id.chars().count())
        && plan.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    check(id_ok, &at("id"), || format!("must be 1–{MAX_ID_CHARS} of A–Z, a–z, 0–9, '-' and '_'"))?;
    match validate_title(&plan.title) {
        Ok(_) => {}
        Err(TitleError::Empty) => return Err(invalid(&at("title"), "empty".into())),
        Err(TitleError::TooLong) => return Err(invalid(&at("title"), format!("over {MAX_TITLE_CHARS} characters"))),
    }
    for (field, value) in [("organisation", &plan.organisation), ("case_number", &plan.case_number)] {
        let short = value.chars().count() <= MAX_DETAIL_CHARS;
        check(short, &at(field), || format!("over {MAX_DETAIL_CHARS} characters"))?;
    }
    Ok(())
}

fn answers(known: &Known, plan: &Plan, part: &str) -> Result<(), FileError> {
    for (key, answer) in &plan.answers {
        let at = keyed(&format!("{part}.answers"), key);
        let kind = known.answers.get(key).ok_or_else(|| invalid(&at, "no field stores its answer here".into()))?;
        answer_fits(kind, answer).map_err(|detail| invalid(&at, detail))?;
    }
    Ok(())
}

/// Whether `answer` is what the editor of a field of `kind` writes. An empty text, date or
/// choice is accepted: it means "no answer", as the app reads it.
fn answer_fits(kind: &FieldKind, answer: &Answer) -> Result<(), String> {
    match (kind, answer) {
        (FieldKind::ShortText | FieldKind::LongText, Answer::Text(_)) | (FieldKind::List, Answer::List(_)) => Ok(()),
        (FieldKind::Amount, Answer::Amount(_)) => Ok(()),
        (FieldKind::Table { columns }, Answer::Table(rows)) => rows
            .iter()
            .enumerate()
            .try_for_each(|(i, row)| cells_fit(columns, row).map_err(|e| format!("row {}: {e}", i + 1))),
        (FieldKind::Checklist { options }, Answer::Checks(ids)) => {
            ids.iter().try_for_each(|id| option_known(options.iter().map(|o| o.id.as_str()), id))
        }
        (FieldKind::Choice { options }, Answer::Choice(id)) if !id.is_empty() => {
            option_known(options.iter().map(|o| o.id.as_str()), id)
        }
        (FieldKind::Choice { .. }, Answer::Choice(_)) => Ok(()),
        (FieldKind::Date, Answer::Date(d)) if d.is_empty() || is_iso_date(d) => Ok(()),
        (FieldKind::Date, Answer::Date(d)) => Err(format!("{} is not a date (YYYY-MM-DD)", quoted(d))),
        _ => Err(format!("{} answer for a field of kind {}", answer_name(answer), kind_name(kind))),
    }
}

/// The cells of a table row or register row: known columns, and a known option (or nothing)
/// in a choice column.
fn cells_fit(columns: &[Column], cells: &BTreeMap<String, String>) -> Result<(), String> {
    for (id, value) in cells {
        let column = columns.iter().find(|c| &c.id == id).ok_or_else(|| format!("unknown column {}", quoted(id)))?;
        let options: Vec<&str> = match column.kind {
            ColumnKind::Choice => column.options.iter().map(|o| o.id.as_str()).collect(),
            ColumnKind::YesNo => vec!["yes", "no"],
            // The editor keeps digits only; a number column is computed with.
            ColumnKind::Number if !value.chars().all(|c| c.is_ascii_digit()) || value.len() > MAX_NUMBER_DIGITS => {
                return Err(format!("column {}: {} is not a whole number", quoted(id), quoted(value)));
            }
            _ => continue,
        };
        if !value.is_empty() {
            option_known(options.into_iter(), value).map_err(|e| format!("column {}: {e}", quoted(id)))?;
        }
    }
    Ok(())
}

fn registers(cat: &Catalog, plan: &Plan, part: &str) -> Result<(), FileError> {
    for (id, rows) in &plan.registers {
        let at = keyed(&format!("{part}.registers"), id);
        let register = cat.content().register(id).ok_or_else(|| invalid(&at, "unknown register".into()))?;
        let mut seen = BTreeSet::new();
        for (i, row) in rows.iter().enumerate() {
            let row_at = format!("{at}[{i}]");
            // Rows are found by id (editing, removing, undo): two with one id are ambiguous.
            check(seen.insert(row.id), &row_at, || format!("row id {} appears twice", row.id))?;
            cells_fit(&register.columns, &row.cells).map_err(|detail| invalid(&row_at, detail))?;
        }
    }
    Ok(())
}

fn decision(cat: &Catalog, plan: &Plan, part: &str) -> Result<(), FileError> {
    let at = format!("{part}.decision");
    for (question, option) in &plan.decision.answers {
        let q_at = keyed(&format!("{at}.answers"), question);
        let known = cat.decision().question(question).ok_or_else(|| invalid(&q_at, "unknown question".into()))?;
        // Shared questions are stored with the worksheet (schema 2); here they would be ignored.
        check(shared_key(question).is_none(), &q_at, || "stored with the worksheet, not here".into())?;
        option_known(known.options.iter().map(|o| o.id.as_str()), option).map_err(|detail| invalid(&q_at, detail))?;
    }
    if let Some(route) = &plan.decision.chosen_route {
        check(Route::from_id(route).is_some(), &format!("{at}.chosen_route"), || {
            format!("unknown route {}", quoted(route))
        })?;
    }
    Ok(())
}

fn option_known<'a>(mut options: impl Iterator<Item = &'a str>, id: &str) -> Result<(), String> {
    if options.any(|o| o == id) {
        Ok(())
    } else {
        Err(format!("unknown option {}", quoted(id)))
    }
}

fn check(ok: bool, part: &str, detail: impl FnOnce() -> String) -> Result<(), FileError> {
    if ok {
        Ok(())
    } else {
        Err(invalid(part, detail()))
    }
}

fn invalid(part: &str, detail: String) -> FileError {
    FileError::InvalidPart { part: part.to_string(), detail }
}

/// `plan.answers["startup/trigger/why"]`: a map entry's part path, the key quoted as in JSON.
pub(super) fn keyed(part: &str, key: &str) -> String {
    format!("{part}[{}]", quoted(key))
}

fn quoted(text: &str) -> String {
    serde_json::to_string(&shorten(text)).unwrap_or_default()
}

fn answer_name(answer: &Answer) -> &'static str {
    match answer {
        Answer::Text(_) => "text",
        Answer::List(_) => "list",
        Answer::Table(_) => "table",
        Answer::Checks(_) => "checks",
        Answer::Date(_) => "date",
        Answer::Amount(_) => "amount",
        Answer::Choice(_) => "choice",
    }
}

fn kind_name(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::ShortText => "short_text",
        FieldKind::LongText => "long_text",
        FieldKind::List => "list",
        FieldKind::Table { .. } => "table",
        FieldKind::Checklist { .. } => "checklist",
        FieldKind::Date => "date",
        FieldKind::Amount => "amount",
        FieldKind::Choice { .. } => "choice",
        FieldKind::Register { .. } => "register",
    }
}
