//! Turns a tool's document spec and a plan's answers into a readable document model.
//! The UI renders the model as text nodes only; nothing here is HTML.

use crate::content::{Column, ColumnKind, Content, Field, FieldKind, Register, Tool};
use crate::i18n::t;
use crate::plan::{Answer, Plan};
use crate::Lang;

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
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
    /// Number of items with no answer yet.
    pub missing: usize,
}

#[derive(Clone, Debug, PartialEq)]
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
    pub fn plain_text(&self, lang: Lang) -> String {
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
                Item::Missing { label } => format!("{label}\n{}", t(lang, "document.missing")),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text { label: String, text: String },
    List { label: String, items: Vec<String> },
    /// `kinds` holds each column's kind, in header order, so the renderer can give short
    /// columns (choices, dates, amounts) the width they need and long text the rest.
    Table { label: String, headers: Vec<String>, kinds: Vec<ColumnKind>, rows: Vec<Vec<String>> },
    /// Nothing answered yet: the reader sees what is missing.
    Missing { label: String },
}

/// Builds the document of `tool` from `plan`, in `lang`.
pub fn build(content: &Content, tool: &Tool, plan: &Plan, lang: Lang) -> Document {
    let mut missing = 0;
    let sections = tool
        .document
        .sections
        .iter()
        .map(|section| Section {
            heading: section.heading.get(lang).to_string(),
            items: section
                .fields
                .iter()
                .filter_map(|r| resolve(content, tool, r).ok())
                .map(|r| {
                    let item = item(r, plan, lang);
                    if matches!(item, Item::Missing { .. }) {
                        missing += 1;
                    }
                    item
                })
                .collect(),
            standalone: section.standalone,
        })
        .collect();
    Document {
        title: tool.document.title.get(lang).to_string(),
        intro: tool.document.intro.get(lang).to_string(),
        sections,
        missing,
    }
}

fn item(reference: Ref<'_>, plan: &Plan, lang: Lang) -> Item {
    match reference {
        Ref::Field { key_tool, step, field } => {
            let label = field.label.get(lang).to_string();
            let key = crate::content::answer_key(key_tool, step, &field.id);
            match plan.answer(&key) {
                Some(answer) if !answer.is_empty() => field_item(field, answer, label, lang),
                _ => Item::Missing { label },
            }
        }
        Ref::Register { register, columns } => {
            let label = register.title.get(lang).to_string();
            let cols: Vec<&Column> = match columns {
                Some(list) => list.split(',').filter_map(|c| register.column(c)).collect(),
                None => register.columns.iter().collect(),
            };
            let rows: Vec<Vec<String>> = plan
                .register(&register.id)
                .iter()
                .filter(|r| !r.is_empty())
                .map(|r| cols.iter().map(|c| cell_text(c, r.cell(&c.id), lang)).collect())
                .collect();
            if rows.is_empty() {
                Item::Missing { label }
            } else {
                Item::Table {
                    label,
                    headers: cols.iter().map(|c| c.label.get(lang).to_string()).collect(),
                    kinds: cols.iter().map(|c| c.kind).collect(),
                    rows,
                }
            }
        }
    }
}

fn field_item(field: &Field, answer: &Answer, label: String, lang: Lang) -> Item {
    let option_label = |id: &str| {
        field.options().iter().find(|o| o.id == id).map_or(id.to_string(), |o| o.label.get(lang).to_string())
    };
    match (answer, &field.kind) {
        (Answer::Text(text), _) => Item::Text { label, text: text.clone() },
        (Answer::Choice(id), _) => Item::Text { label, text: option_label(id) },
        (Answer::Date(date), _) => Item::Text { label, text: format_date(date, lang) },
        (Answer::Amount(nok), _) => Item::Text { label, text: format_nok(*nok, lang) },
        (Answer::List(items), _) => Item::List {
            label,
            items: items.iter().filter(|i| !i.trim().is_empty()).cloned().collect(),
        },
        (Answer::Checks(ids), _) => Item::List { label, items: ids.iter().map(|id| option_label(id)).collect() },
        (Answer::Table(rows), FieldKind::Table { columns }) => Item::Table {
            label,
            headers: columns.iter().map(|c| c.label.get(lang).to_string()).collect(),
            kinds: columns.iter().map(|c| c.kind).collect(),
            rows: rows
                .iter()
                .filter(|r| r.values().any(|v| !v.trim().is_empty()))
                .map(|r| columns.iter().map(|c| cell_text(c, r.get(&c.id).map_or("", String::as_str), lang)).collect())
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
        ColumnKind::Date | ColumnKind::Amount | ColumnKind::YesNo => true,
        ColumnKind::Choice => values.all(|v| v.chars().count() <= WHOLE_CHOICE_CHARS),
        ColumnKind::Text | ColumnKind::LongText => false,
    }
}

/// A cell as a reader should see it: option labels, formatted dates and amounts.
pub fn cell_text(column: &Column, raw: &str, lang: Lang) -> String {
    match column.kind {
        ColumnKind::Choice => {
            column.options.iter().find(|o| o.id == raw).map_or(raw.to_string(), |o| o.label.get(lang).to_string())
        }
        ColumnKind::Date => format_date(raw, lang),
        ColumnKind::Amount => raw.parse().map_or(raw.to_string(), |n| format_nok(n, lang)),
        ColumnKind::YesNo => match raw {
            "yes" => t(lang, "common.yes").to_string(),
            "no" => t(lang, "common.no").to_string(),
            other => other.to_string(),
        },
        ColumnKind::Text | ColumnKind::LongText => raw.to_string(),
    }
}

/// `2027-03-01` → `01.03.2027` (Norwegian) or `1 March 2027` (English, with no-break spaces so
/// a date never breaks across lines); other text unchanged.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let (Some(y), Some(m), Some(d)) = (parts.first(), parts.get(1), parts.get(2)) else {
        return iso.to_string();
    };
    let (Ok(_), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_string();
    };
    if parts.len() != 3 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_string();
    }
    match lang {
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December",
            ];
            format!("{day}\u{a0}{}\u{a0}{y}", MONTHS[month - 1])
        }
        Lang::Nb | Lang::Nn => format!("{day:02}.{month:02}.{y}"),
    }
}

/// `3400000` → `3 400 000 kr` (Norwegian, with a no-break space) or `NOK 3,400,000` (English).
pub fn format_nok(amount: u64, lang: Lang) -> String {
    let digits = amount.to_string();
    let sep = if lang == Lang::En { ',' } else { '\u{a0}' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    match lang {
        Lang::En => format!("NOK {grouped}"),
        Lang::Nb | Lang::Nn => format!("{grouped}\u{a0}kr"),
    }
}

/// Reads an amount typed in whole kroner: spaces, no-break spaces and dots between digit groups
/// are allowed (`3 400 000`, `3.400.000`). Empty means no amount; anything else is an error.
pub fn parse_nok(text: &str) -> Result<Option<u64>, ()> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '.').collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(());
    }
    digits.parse::<u64>().map(Some).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;
    use crate::plan::NewPlan;

    #[test]
    fn formats_amounts_and_dates() {
        assert_eq!(format_nok(3_400_000, Lang::En), "NOK 3,400,000");
        assert_eq!(format_nok(1_300_000, Lang::Nb), "1\u{a0}300\u{a0}000\u{a0}kr");
        assert_eq!(format_nok(999, Lang::Nn), "999\u{a0}kr");
        assert_eq!(format_date("2027-03-01", Lang::Nb), "01.03.2027");
        assert_eq!(format_date("2027-03-01", Lang::En), "1\u{a0}March\u{a0}2027");
        assert_eq!(format_date("soon", Lang::En), "soon");
        assert_eq!(format_date("2027-13-01", Lang::En), "2027-13-01");
    }

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(parse_nok(""), Ok(None));
        assert_eq!(parse_nok("  "), Ok(None));
        assert_eq!(parse_nok("3400000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3 400 000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3\u{a0}400\u{a0}000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3.400.000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3,4 mill"), Err(()));
        assert_eq!(parse_nok("-5"), Err(()));
        assert_eq!(parse_nok("99999999999999999999999"), Err(()));
    }

    #[test]
    fn empty_plan_document_lists_what_is_missing() {
        let content = content();
        let plan = Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap();
        for tool in &content.tools {
            let doc = build(content, tool, &plan, Lang::Nb);
            let items: usize = doc.sections.iter().map(|s| s.items.len()).sum();
            assert!(items > 0, "{} document has no items", tool.id);
            assert_eq!(doc.missing, items, "{}: every item is missing in an empty plan", tool.id);
        }
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

        let tables = |tool: &str| -> Vec<(Vec<ColumnKind>, Vec<String>, Vec<Vec<String>>)> {
            build(content, content.tool(tool).unwrap(), &plan, Lang::En)
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
        assert!(!keeps_whole(ColumnKind::Choice, ["Toppleder", "Ansatt eller tillitsvalgt"].into_iter()), "long labels may wrap");
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

        let doc = build(content, dialogue, &plan, Lang::Nb);
        let alone: Vec<&Section> = doc.sections.iter().filter(|s| s.standalone).collect();
        assert_eq!(alone.len(), 1, "one part of the dialogue document is the notice");
        let invitation = alone[0];
        assert!(invitation.heading.starts_with("Invitasjon"), "{}", invitation.heading);
        for tool in content.tools.iter().filter(|t| t.id != "dialogue") {
            assert!(build(content, tool, &plan, Lang::Nb).sections.iter().all(|s| !s.standalone), "{}", tool.id);
        }

        let text = invitation.plain_text(Lang::Nb);
        let title = content.field("dialogue/invitation/title").unwrap().label.nb.clone();
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
        assert_eq!(table.plain_text(Lang::Nb), "L\n- a\n- b\n\nT\nDato: 01.03.2027\nHva: Møte\n\nHva: Frist");
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
        let doc = build(content, startup, &plan, Lang::En);
        let all: Vec<&Item> = doc.sections.iter().flat_map(|s| &s.items).collect();
        assert!(all.iter().any(|i| matches!(i, Item::Text { text, .. } if text == "NOK 2,300,000")));
        let works = content.field("startup/framework/contract-type").unwrap().options()[1].label.en.clone();
        assert!(all.iter().any(|i| matches!(i, Item::Text { text, .. } if *text == works)));

        let needs = content.tool("needs").unwrap();
        let doc = build(content, needs, &plan, Lang::Nb);
        let priority = content.register("needs").unwrap().column("priority").unwrap();
        let table = doc
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find_map(|i| match i {
                Item::Table { rows, headers, .. } if headers.contains(&priority.label.nb) => Some((headers.clone(), rows.clone())),
                _ => None,
            })
            .expect("prioritised needs in the needs description");
        let must = priority.options[0].label.nb.clone();
        assert!(table.1[0].contains(&"<b>Trygg natt</b>".to_string()), "markup kept as text: {table:?}");
        assert!(table.1[0].contains(&must), "priority shown by its label: {:?}", table);
    }
}
