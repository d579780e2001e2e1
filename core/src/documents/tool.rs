//! Turns a tool's document spec and a plan's answers into a readable document model.
//! The UI renders the model as text nodes only; nothing here is HTML.

use crate::catalog::Catalog;
use crate::content::{Column, ColumnKind, Content, Field, FieldKind, Register, Tool};
use crate::format::{format_date, format_nok, format_number};
use crate::plan::{Answer, Plan};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// A resolved reference from a document section.
#[derive(Clone, Copy, Debug)]
pub enum Ref<'a> {
    Field { key_tool: &'a str, step: &'a str, field: &'a Field },
    Register { register: &'a Register, columns: Option<&'a str> },
}

/// Resolves `step/field`, `tool:step/field`, `register:<id>` or `register:<id>:col,col`.
pub fn resolve<'a>(content: &'a Content, tool: &'a Tool, reference: &'a str) -> Result<Ref<'a>, String> {
    if let Some(rest) = reference.strip_prefix("register:") {
        let (id, columns) = match rest.split_once(':') {
            Some((id, cols)) => (id, Some(cols)),
            None => (rest, None),
        };
        let register = content.register(id).ok_or_else(|| format!("unknown register {id}"))?;
        if let Some(cols) = columns {
            for col in cols.split(',') {
                register.column(col).ok_or_else(|| format!("register {id} has no column {col}"))?;
            }
        }
        return Ok(Ref::Register { register, columns });
    }
    let (tool, path) = match reference.split_once(':') {
        Some((other, path)) => (content.tool(other).ok_or_else(|| format!("unknown tool {other}"))?, path),
        None => (tool, reference),
    };
    let (step_id, field_id) = path.split_once('/').ok_or("expected step/field")?;
    let step = tool.step(step_id).ok_or_else(|| format!("unknown step {step_id}"))?;
    let field = step.fields.iter().find(|f| f.id == field_id).ok_or_else(|| format!("unknown field {field_id}"))?;
    if let FieldKind::Register { .. } = field.kind {
        return Err("reference the register itself (register:<id>), not a register field".into());
    }
    Ok(Ref::Field { key_tool: &tool.id, step: &step.id, field })
}

/// A document ready to show or print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
    /// Number of items with no answer yet.
    pub missing: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub items: Vec<Item>,
    /// Used on its own (the invitation that becomes the notice): printable alone and copyable.
    pub standalone: bool,
}

impl Section {
    /// The section as plain text to paste elsewhere (e.g. the notice form): each item's label on
    /// a line, then its text; items are separated by a blank line. Table rows become
    /// `column: value` lines. What is missing says so, in `lang`.
    pub fn plain_text(&self, cat: &Catalog, lang: Lang) -> String {
        self.items
            .iter()
            .map(|item| match item {
                Item::Text { label, text } => format!("{label}\n{}", text.trim()),
                Item::List { label, items } => {
                    let lines: Vec<String> = items.iter().map(|i| format!("- {}", i.trim())).collect();
                    format!("{label}\n{}", lines.join("\n"))
                }
                Item::Table { label, headers, rows, .. } => {
                    let rows: Vec<String> = rows
                        .iter()
                        .map(|row| {
                            headers
                                .iter()
                                .zip(row)
                                .filter(|(_, cell)| !cell.trim().is_empty())
                                .map(|(h, cell)| format!("{h}: {}", cell.trim()))
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .collect();
                    format!("{label}\n{}", rows.join("\n\n"))
                }
                Item::Missing { label } => format!("{label}\n{}", cat.t(lang, "document.missing")),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Item {
    Text {
        label: String,
        text: String,
    },
    List {
        label: String,
        items: Vec<String>,
    },
    /// `kinds` holds each column's kind, in header order, so the renderer can give short
    /// columns (choices, dates, amounts) the width they need and long text the rest.
    Table {
        label: String,
        headers: Vec<String>,
        kinds: Vec<ColumnKind>,
        rows: Vec<Vec<String>>,
    },
    /// Nothing answered yet: the reader sees what is missing.
    Missing {
        label: String,
    },
}

/// How a document treats what the content marks as internal (assessments of and notes about
/// people).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Internal {
    /// As any other part (a tool's own document, read by the team).
    Show,
    /// Shown, its label marked "(internal)" (the whole plan, for the case file).
    Mark,
    /// Left out (the whole plan, when the team chooses).
    LeaveOut,
}

/// Builds the document of `tool` from `plan`, in `lang`.
pub fn build(cat: &Catalog, tool: &Tool, plan: &Plan, lang: Lang) -> Document {
    build_with(cat, tool, plan, lang, Internal::Show)
}

/// [`build`], with internal parts shown, marked or left out.
pub fn build_with(cat: &Catalog, tool: &Tool, plan: &Plan, lang: Lang, internal: Internal) -> Document {
    let mut missing = 0;
    let sections = tool
        .document
        .sections
        .iter()
        .map(|section| Section {
            heading: cat.text(&section.heading, lang).to_string(),
            items: section
                .fields
                .iter()
                .filter_map(|r| resolve(cat.content(), tool, r).ok())
                .filter_map(|r| item_with(cat, r, plan, lang, internal))
                .inspect(|item| {
                    if matches!(item, Item::Missing { .. }) {
                        missing += 1;
                    }
                })
                .collect(),
            standalone: section.standalone,
        })
        .collect();
    let mut sections: Vec<Section> = sections;
    sections.push(step_progress(cat, tool, plan, lang));
    Document {
        title: cat.text(&tool.document.title, lang).to_string(),
        intro: cat.text(&tool.document.intro, lang).to_string(),
        sections,
        missing,
    }
}

/// Every step of the worksheet with its status, who is responsible, the target date and the
/// team's note: where the work stands, for the case file.
pub fn step_progress(cat: &Catalog, tool: &Tool, plan: &Plan, lang: Lang) -> Section {
    let rows = tool
        .steps
        .iter()
        .map(|step| {
            let r = step_record(cat, tool, step, plan, lang);
            vec![cat.text(&step.title, lang).to_string(), r.status, r.owner, r.due, r.note]
        })
        .collect();
    let header = |key: &str| cat.t(lang, key).to_string();
    Section {
        heading: header("document.progress.title"),
        items: vec![Item::Table {
            label: header("document.progress.label"),
            headers: [
                "document.progress.step",
                "document.progress.status",
                "step_record.owner",
                "step_record.due",
                "step_record.note",
            ]
            .map(header)
            .to_vec(),
            kinds: vec![
                ColumnKind::Text,
                ColumnKind::LongText,
                ColumnKind::Text,
                ColumnKind::Date,
                ColumnKind::LongText,
            ],
            rows,
        }],
        standalone: false,
    }
}

/// What the team recorded about one step, as a reader sees it.
pub struct StepRecordText {
    /// The status, with the reason when the step is not relevant.
    pub status: String,
    pub owner: String,
    /// Formatted; empty when none.
    pub due: String,
    pub note: String,
}

pub fn step_record(cat: &Catalog, tool: &Tool, step: &crate::content::Step, plan: &Plan, lang: Lang) -> StepRecordText {
    let record = plan.step(&crate::content::step_key(&tool.id, &step.id)).cloned().unwrap_or_default();
    let mut status = cat.t(lang, crate::progress::step_status(tool, step, plan).label_key()).to_string();
    if record.status == Some(crate::plan::StepMark::NotRelevant) && !record.reason.trim().is_empty() {
        status = format!("{status}: {}", record.reason.trim());
    }
    StepRecordText { status, owner: record.owner, due: format_date(&record.due, lang), note: record.note }
}

pub fn item(cat: &Catalog, reference: Ref<'_>, plan: &Plan, lang: Lang) -> Item {
    item_with(cat, reference, plan, lang, Internal::Show).expect("shown items are never left out")
}

/// [`item`], with internal parts shown, marked or left out: `None` for an internal field left out.
pub fn item_with(cat: &Catalog, reference: Ref<'_>, plan: &Plan, lang: Lang, internal: Internal) -> Option<Item> {
    let mark = |label: &str, is_internal: bool| {
        if is_internal && internal == Internal::Mark {
            cat.tf(lang, "document.internal_label", &[("label", label)])
        } else {
            label.to_string()
        }
    };
    Some(match reference {
        Ref::Field { field, .. } if field.internal && internal == Internal::LeaveOut => return None,
        Ref::Field { key_tool, step, field } => {
            let label = mark(cat.text(&field.label, lang), field.internal);
            let key = field.storage_key(key_tool, step);
            if let (FieldKind::Amount, Some(typed)) = (&field.kind, plan.invalid_draft(&key)) {
                return Some(stale_amount_item(cat, label, plan.answer(&key), typed, lang));
            }
            match plan.answer(&key) {
                Some(answer) if !answer.is_empty() => field_item(cat, field, answer, label, lang),
                _ => Item::Missing { label },
            }
        }
        Ref::Register { register, columns } => {
            let label = cat.text(&register.title, lang).to_string();
            let cols: Vec<&Column> = match columns {
                Some(list) => list.split(',').filter_map(|c| register.column(c)).collect(),
                None => register.columns.iter().collect(),
            };
            let cols: Vec<&Column> =
                cols.into_iter().filter(|c| !(c.internal && internal == Internal::LeaveOut)).collect();
            // The benefits register's calculation aid goes with the numbers it uses.
            let estimates = register.id == crate::benefit::REGISTER && cols.iter().any(|c| c.id == "per_task");
            let rows: Vec<Vec<String>> = plan
                .register(&register.id)
                .iter()
                .filter(|r| !r.is_empty())
                .map(|r| {
                    let mut cells: Vec<String> = cols.iter().map(|c| cell_text(cat, c, r.cell(&c.id), lang)).collect();
                    if estimates {
                        cells.push(
                            crate::benefit::estimate(&r.cells)
                                .map(|e| crate::benefit::describe(cat, e, lang))
                                .unwrap_or_default(),
                        );
                    }
                    cells
                })
                .collect();
            if rows.is_empty() {
                Item::Missing { label }
            } else {
                let mut headers: Vec<String> =
                    cols.iter().map(|c| mark(cat.text(&c.label, lang), c.internal)).collect();
                let mut kinds: Vec<ColumnKind> = cols.iter().map(|c| c.kind).collect();
                if estimates {
                    headers.push(cat.t(lang, "benefit.estimate_column").to_string());
                    kinds.push(ColumnKind::LongText);
                }
                Item::Table { label, headers, kinds, rows }
            }
        }
    })
}

/// An amount whose last typed text could not be read: the last valid amount (if any), then what
/// was typed with its error, and that whatever rests on the amount rests on the last valid one.
fn stale_amount_item(cat: &Catalog, label: String, last: Option<&Answer>, typed: &str, lang: Lang) -> Item {
    let text = match last {
        Some(Answer::Amount(nok)) => {
            let value = format_nok(*nok, lang);
            format!("{value}\n\n{}", cat.tf(lang, "document.stale_value", &[("typed", typed), ("value", &value)]))
        }
        _ => cat.tf(lang, "document.stale_value_none", &[("typed", typed)]),
    };
    Item::Text { label, text }
}

/// The estimated value, when the text last typed for it is not an amount (see
/// [`Plan::invalid_draft`]): for a document's results, which then rest on the last valid value.
/// `None` while the value is as typed.
pub fn stale_value_item(cat: &Catalog, plan: &Plan, lang: Lang) -> Option<Item> {
    let key = crate::decision::VALUE_KEY;
    let typed = plan.invalid_draft(key)?;
    let label = cat.content().field(key).map_or_else(String::new, |f| cat.text(&f.label, lang).to_string());
    Some(stale_amount_item(cat, label, plan.answer(key), typed, lang))
}

fn field_item(cat: &Catalog, field: &Field, answer: &Answer, label: String, lang: Lang) -> Item {
    let option_label = |id: &str| {
        field.options().iter().find(|o| o.id == id).map_or(id.to_string(), |o| cat.text(&o.label, lang).to_string())
    };
    match (answer, &field.kind) {
        (Answer::Text(text), _) => Item::Text { label, text: text.clone() },
        (Answer::Choice(id), _) => Item::Text { label, text: option_label(id) },
        (Answer::Date(date), _) => Item::Text { label, text: format_date(date, lang) },
        (Answer::Amount(nok), _) => Item::Text { label, text: format_nok(*nok, lang) },
        (Answer::List(items), _) => {
            Item::List { label, items: items.iter().filter(|i| !i.trim().is_empty()).cloned().collect() }
        }
        (Answer::Checks(ids), _) => Item::List { label, items: ids.iter().map(|id| option_label(id)).collect() },
        (Answer::Table(rows), FieldKind::Table { columns }) => Item::Table {
            label,
            headers: columns.iter().map(|c| cat.text(&c.label, lang).to_string()).collect(),
            kinds: columns.iter().map(|c| c.kind).collect(),
            rows: rows
                .iter()
                .filter(|r| r.values().any(|v| !v.trim().is_empty()))
                .map(|r| {
                    columns.iter().map(|c| cell_text(cat, c, r.get(&c.id).map_or("", String::as_str), lang)).collect()
                })
                .collect(),
        },
        (Answer::Table(_), _) => Item::Missing { label },
    }
}

/// Longest choice label (in characters) a table keeps on one line. Longer labels ("Ansatt eller
/// tillitsvalgt") may wrap between words, so a table with many columns still fits an A4 page.
pub const WHOLE_CHOICE_CHARS: usize = 14;

/// Whether a table column's cells stay on one line, in a column just as wide as they need:
/// dates, amounts and yes/no always; choices when every label shown is short. Text wraps
/// between words and takes the rest of the width.
pub fn keeps_whole<'a>(kind: ColumnKind, mut values: impl Iterator<Item = &'a str>) -> bool {
    match kind {
        ColumnKind::Date | ColumnKind::Amount | ColumnKind::Number | ColumnKind::YesNo => true,
        ColumnKind::Choice => values.all(|v| v.chars().count() <= WHOLE_CHOICE_CHARS),
        ColumnKind::Text | ColumnKind::LongText => false,
    }
}

/// A cell as a reader should see it: option labels, formatted dates and amounts.
pub fn cell_text(cat: &Catalog, column: &Column, raw: &str, lang: Lang) -> String {
    match column.kind {
        ColumnKind::Choice => column
            .options
            .iter()
            .find(|o| o.id == raw)
            .map_or(raw.to_string(), |o| cat.text(&o.label, lang).to_string()),
        ColumnKind::Date => format_date(raw, lang),
        ColumnKind::Amount => raw.parse().map_or(raw.to_string(), |n| format_nok(n, lang)),
        ColumnKind::Number => raw.parse().map_or(raw.to_string(), |n| format_number(n, lang)),
        ColumnKind::YesNo => match raw {
            "yes" => cat.t(lang, "common.yes").to_string(),
            "no" => cat.t(lang, "common.no").to_string(),
            other => other.to_string(),
        },
        ColumnKind::Text | ColumnKind::LongText => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use crate::plan::NewPlan;

    #[test]
    fn empty_plan_document_lists_what_is_missing() {
        let content = content();
        let plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        for tool in content.worksheets() {
            let doc = build(cat(), tool, &plan, Lang::Nb);
            // The last section is the steps' status, which is never "missing".
            let (progress, answers) = doc.sections.split_last().unwrap();
            let items: usize = answers.iter().map(|s| s.items.len()).sum();
            assert!(items > 0, "{} document has no items", tool.id);
            assert_eq!(doc.missing, items, "{}: every item is missing in an empty plan", tool.id);
            let Item::Table { rows, .. } = &progress.items[0] else { panic!("{}: no step table", tool.id) };
            assert_eq!(rows.len(), tool.steps.len(), "{}: one row per step", tool.id);
            assert!(rows.iter().all(|r| r[1] == "Ikke startet"), "{}: {rows:?}", tool.id);
        }
    }

    #[test]
    fn the_steps_status_owner_date_and_reason_are_in_the_document() {
        use crate::plan::{StepMark, StepPart};
        let content = content();
        let mut plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        plan.set_step_status("piloting/plan", Some(StepMark::Done), 1);
        plan.set_step_part("piloting/run", StepPart::Owner, "Trude Lien".into(), 1);
        plan.set_step_part("piloting/run", StepPart::Due, "2028-02-01".into(), 1);
        plan.set_step_part("piloting/run", StepPart::Note, "Start med 20 brukere".into(), 1);
        plan.set_step_status("piloting/evaluate", Some(StepMark::NotRelevant), 1);
        plan.set_step_part("piloting/evaluate", StepPart::Reason, "Evalueres i drift".into(), 1);
        let doc = build(cat(), content.tool("piloting").unwrap(), &plan, Lang::Nb);
        let Item::Table { rows, headers, .. } = &doc.sections.last().unwrap().items[0] else { panic!("no step table") };
        assert_eq!(headers.len(), 5);
        assert_eq!(rows[0][1], "Ferdig");
        assert_eq!(
            rows[1][1..],
            ["Påbegynt".to_string(), "Trude Lien".into(), "01.02.2028".into(), "Start med 20 brukere".into()]
        );
        assert_eq!(rows[2][1], "Ikke aktuelt: Evalueres i drift");
    }

    #[test]
    fn the_benefits_register_carries_its_estimate_into_documents() {
        let content = content();
        let mut plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        let row = plan.add_register_row("goals", 1);
        for (col, value) in
            [("name", "Færre bilturer"), ("kind", "avoided-cost"), ("per_task", "350"), ("tasks_per_year", "4000")]
        {
            plan.set_register_cell("goals", row, col, value.into(), 1);
        }
        let doc = build(cat(), content.tool("anchoring").unwrap(), &plan, Lang::En);
        let table = doc.sections.iter().flat_map(|s| &s.items).find_map(|item| match item {
            Item::Table { headers, rows, .. } if headers.last().map(String::as_str) == Some("Estimate per year") => {
                Some(rows)
            }
            _ => None,
        });
        let rows = table.expect("the benefits table has an estimate column");
        assert_eq!(rows[0].last().unwrap(), "NOK 350 per task × 4,000 tasks = NOK 1,400,000 per year");
        // The start-up memo shows the goals without the calculation columns: no estimate column.
        let memo = build(cat(), content.tool("startup").unwrap(), &plan, Lang::En);
        assert!(memo.sections.iter().flat_map(|s| &s.items).all(
            |item| !matches!(item, Item::Table { headers, .. } if headers.iter().any(|h| h == "Estimate per year"))
        ));
    }

    #[test]
    fn tables_carry_their_column_kinds() {
        let content = content();
        let mut plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        let mut row = std::collections::BTreeMap::new();
        row.insert("date".to_string(), "2027-03-01".to_string());
        row.insert("activity".to_string(), "Dialogkonferanse".to_string());
        plan.set_answer("dialogue/format/key-dates", Answer::Table(vec![row]), 1);
        let r = plan.add_register_row("decisions", 1);
        plan.set_register_cell("decisions", r, "name", "Go".into(), 1);

        type Table = (Vec<ColumnKind>, Vec<String>, Vec<Vec<String>>);
        let tables = |tool: &str| -> Vec<Table> {
            build(cat(), content.tool(tool).unwrap(), &plan, Lang::En)
                .sections
                .into_iter()
                .flat_map(|s| s.items)
                .filter_map(|i| match i {
                    Item::Table { kinds, headers, rows, .. } => Some((kinds, headers, rows)),
                    _ => None,
                })
                .collect()
        };
        assert!(keeps_whole(ColumnKind::Date, ["1\u{a0}September\u{a0}2027"].into_iter()));
        assert!(keeps_whole(ColumnKind::Choice, ["Toppleder", "Mellomleder", ""].into_iter()));
        assert!(
            !keeps_whole(ColumnKind::Choice, ["Toppleder", "Ansatt eller tillitsvalgt"].into_iter()),
            "long labels may wrap"
        );
        assert!(!keeps_whole(ColumnKind::Text, ["Ja"].into_iter()));
        let dialogue = tables("dialogue");
        let (kinds, headers, rows) = &dialogue[0];
        assert_eq!(kinds, &[ColumnKind::Date, ColumnKind::Text]);
        assert_eq!(headers.len(), kinds.len());
        assert_eq!(rows[0][0], "1\u{a0}March\u{a0}2027", "a date stays on one line");

        let leadership = tables("leadership");
        let decisions = content.register("decisions").unwrap();
        let expected: Vec<ColumnKind> = decisions.columns.iter().map(|c| c.kind).collect();
        assert!(leadership.iter().any(|(k, ..)| *k == expected), "register columns keep their kinds");
        for tool in &content.tools {
            for (kinds, headers, rows) in tables(&tool.id) {
                assert_eq!(kinds.len(), headers.len(), "{}", tool.id);
                assert!(rows.iter().all(|r| r.len() == kinds.len()), "{}", tool.id);
            }
        }
    }

    #[test]
    fn the_invitation_stands_alone_and_copies_as_plain_text() {
        let content = content();
        let dialogue = content.tool("dialogue").unwrap();
        let mut plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        plan.set_answer("dialogue/invitation/title", Answer::Text("Trygg natt <i>hjemme</i>".into()), 1);
        plan.set_answer("dialogue/invitation/deadline", Answer::Date("2027-03-01".into()), 1);

        let doc = build(cat(), dialogue, &plan, Lang::Nb);
        let alone: Vec<&Section> = doc.sections.iter().filter(|s| s.standalone).collect();
        assert_eq!(alone.len(), 1, "one part of the dialogue document is the notice");
        let invitation = alone[0];
        assert!(invitation.heading.starts_with("Invitasjon"), "{}", invitation.heading);
        for tool in content.tools.iter().filter(|t| t.id != "dialogue") {
            assert!(build(cat(), tool, &plan, Lang::Nb).sections.iter().all(|s| !s.standalone), "{}", tool.id);
        }

        let text = invitation.plain_text(cat(), Lang::Nb);
        let title = content.field("dialogue/invitation/title").unwrap().label.get(Lang::Nb).to_string();
        assert!(text.starts_with(&format!("{title}\nTrygg natt <i>hjemme</i>\n\n")), "{text}");
        assert!(text.contains("\n01.03.2027"), "{text}");
        assert!(text.contains(t(Lang::Nb, "document.missing")), "what is missing says so: {text}");
        assert!(!text.contains(&invitation.heading), "the heading is the app's, not the notice's");
        assert!(!text.ends_with('\n'));

        let table = Section {
            heading: "H".into(),
            standalone: true,
            items: vec![
                Item::List { label: "L".into(), items: vec!["a".into(), "b".into()] },
                Item::Table {
                    label: "T".into(),
                    headers: vec!["Dato".into(), "Hva".into()],
                    kinds: vec![ColumnKind::Date, ColumnKind::Text],
                    rows: vec![vec!["01.03.2027".into(), "Møte".into()], vec!["".into(), "Frist".into()]],
                },
            ],
        };
        assert_eq!(table.plain_text(cat(), Lang::Nb), "L\n- a\n- b\n\nT\nDato: 01.03.2027\nHva: Møte\n\nHva: Frist");
    }

    #[test]
    fn answers_and_registers_appear_with_labels() {
        let content = content();
        let mut plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        plan.set_answer("startup/framework/estimated-value", Answer::Amount(2_300_000), 1);
        plan.set_answer("startup/framework/contract-type", Answer::Choice("works".into()), 1);
        let row = plan.add_register_row("needs", 1);
        plan.set_register_cell("needs", row, "name", "<b>Trygg natt</b>".into(), 1);
        plan.set_register_cell("needs", row, "priority", "must".into(), 1);

        let startup = content.tool("startup").unwrap();
        let doc = build(cat(), startup, &plan, Lang::En);
        let all: Vec<&Item> = doc.sections.iter().flat_map(|s| &s.items).collect();
        assert!(all.iter().any(|i| matches!(i, Item::Text { text, .. } if text == "NOK 2,300,000")));
        let works =
            content.field("startup/framework/contract-type").unwrap().options()[1].label.get(Lang::En).to_string();
        assert!(all.iter().any(|i| matches!(i, Item::Text { text, .. } if *text == works)));

        let needs = content.tool("needs").unwrap();
        let doc = build(cat(), needs, &plan, Lang::Nb);
        let priority = content.register("needs").unwrap().column("priority").unwrap();
        let table = doc
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find_map(|i| match i {
                Item::Table { rows, headers, .. } if headers.iter().any(|h| h == priority.label.get(Lang::Nb)) => {
                    Some((headers.clone(), rows.clone()))
                }
                _ => None,
            })
            .expect("prioritised needs in the needs description");
        let must = priority.options[0].label.get(Lang::Nb).to_string();
        assert!(table.1[0].contains(&"<b>Trygg natt</b>".to_string()), "markup kept as text: {table:?}");
        assert!(table.1[0].contains(&must), "priority shown by its label: {:?}", table);
    }
}
