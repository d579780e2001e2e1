//! Arbitrary valid plans, built from the content the way the app's editors build them. Built
//! here from the content directly, not from the validator's tables, so a mistake in those
//! shows up as a refused plan.

use super::super::validate::{amount_dom_id, DECISION_VALUE_DRAFT};
#[allow(unused_imports)]
use crate::catalog::testing::decision_text;
#[allow(unused_imports)]
use crate::catalog::testing::*;
use crate::content::{step_key, Column, ColumnKind, FieldKind};
use crate::decision::{shared_key, Route};
use crate::plan::{Answer, DecisionRecord, MergeNote, Plan, RegisterRow, Spine, StepMark, StepRecord, SCHEMA_VERSION};
use crate::Lang;
use proptest::collection::vec;
use proptest::option::weighted;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use std::collections::BTreeMap;

/// Pieces that break naive escaping, HTML, bidi handling or UTF-16.
const TRICKY: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    "\\u0000",
    "<script>alert(1)</script>",
    "</textarea>",
    "&amp;",
    "😀",
    "👩\u{200D}👩\u{200D}👧",
    "🇳🇴",
    "مرحبا بالعالم",
    "שלום",
    "\u{202E}abc",
    "\u{200F}",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{1F}",
    "\u{7F}",
    "æøå ÆØÅ",
    "\u{2028}\u{2029}",
    "\u{FEFF}",
    "{\"a\":[1]}",
    "𝕏",
    "e\u{301}",
    " ",
    "null",
    "\u{FFFF}",
    "\u{10FFFF}",
];

/// Any text: characters of every script (controls too) mixed with the tricky pieces.
pub(super) fn text() -> impl Strategy<Value = String> {
    let chars = vec(any::<char>(), 0..12).prop_map(String::from_iter);
    vec(prop_oneof![3 => chars, 2 => select(TRICKY).prop_map(str::to_string)], 0..5).prop_map(|p| p.concat())
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        select(&["2028-02-29", "2027-12-31", "275760-09-13"][..]).prop_map(str::to_string),
    ]
}

fn ids<T>(options: &'static [T], id: fn(&'static T) -> &'static str) -> Vec<&'static str> {
    options.iter().map(id).collect()
}

/// A value the cell editor writes for `column` (an emptied cell is removed, never stored).
fn cell(column: &'static Column) -> BoxedStrategy<String> {
    match column.kind {
        ColumnKind::Choice => select(ids(&column.options, |o| o.id.as_str())).prop_map(str::to_string).boxed(),
        ColumnKind::YesNo => select(vec!["yes", "no"]).prop_map(str::to_string).boxed(),
        ColumnKind::Date => date().boxed(),
        ColumnKind::Amount => any::<u64>().prop_map(|n| n.to_string()).boxed(),
        ColumnKind::Number => (0u64..1_000_000_000_000).prop_map(|n| n.to_string()).boxed(),
        ColumnKind::Text | ColumnKind::LongText => text().boxed(),
    }
}

fn cells(columns: &'static [Column]) -> impl Strategy<Value = BTreeMap<String, String>> {
    let each: Vec<_> =
        columns.iter().map(|c| weighted(0.6, cell(c)).prop_map(move |v| v.map(|v| (c.id.clone(), v)))).collect();
    each.prop_map(|cells| cells.into_iter().flatten().collect())
}

fn answer(kind: &'static FieldKind) -> BoxedStrategy<Answer> {
    match kind {
        FieldKind::ShortText | FieldKind::LongText => text().prop_map(Answer::Text).boxed(),
        FieldKind::List => vec(text(), 0..4).prop_map(Answer::List).boxed(),
        FieldKind::Table { columns } => vec(cells(columns), 0..4).prop_map(Answer::Table).boxed(),
        FieldKind::Checklist { options } => {
            let all = ids(options, |o| o.id.as_str());
            subsequence(all.clone(), 0..=all.len())
                .prop_map(|c| Answer::Checks(c.into_iter().map(str::to_string).collect()))
                .boxed()
        }
        FieldKind::Date => date().prop_map(Answer::Date).boxed(),
        FieldKind::Amount => any::<u64>().prop_map(Answer::Amount).boxed(),
        FieldKind::Choice { options } => {
            select(ids(options, |o| o.id.as_str())).prop_map(|o| Answer::Choice(o.to_string())).boxed()
        }
        FieldKind::Register { .. } => unreachable!("register views store no answer"),
    }
}

/// Every place an answer is stored, with the kind of the field that owns it.
pub(super) fn answer_slots() -> Vec<(String, &'static FieldKind)> {
    let content = content();
    let mut slots = BTreeMap::new();
    for tool in content.worksheets() {
        for step in &tool.steps {
            for field in step.fields.iter().filter(|f| !matches!(f.kind, FieldKind::Register { .. })) {
                let key = field.storage_key(&tool.id, &step.id);
                let owner = content.field(&key).expect("a shared field points at a field");
                slots.insert(key, &owner.kind);
            }
        }
    }
    slots.into_iter().collect()
}

fn answers() -> impl Strategy<Value = BTreeMap<String, Answer>> {
    let each: Vec<_> = answer_slots()
        .into_iter()
        .map(|(key, kind)| weighted(0.25, answer(kind)).prop_map(move |a| a.map(|a| (key.clone(), a))))
        .collect();
    each.prop_map(|answers| answers.into_iter().flatten().collect())
}

/// Rows with distinct ids, in id order, as `add_register_row` numbers them (with gaps where
/// rows were removed).
fn registers() -> impl Strategy<Value = BTreeMap<String, Vec<RegisterRow>>> {
    let each: Vec<_> = content()
        .registers
        .iter()
        .map(|r| {
            let rows = vec((1u32..4, cells(&r.columns)), 1..5).prop_map(|rows| {
                let mut id = 0;
                rows.into_iter()
                    .map(|(gap, cells)| {
                        id += gap;
                        RegisterRow { id, cells }
                    })
                    .collect::<Vec<_>>()
            });
            weighted(0.5, rows).prop_map(move |rows| rows.map(|rows| (r.id.clone(), rows)))
        })
        .collect();
    each.prop_map(|registers| registers.into_iter().flatten().collect())
}

fn decision() -> impl Strategy<Value = DecisionRecord> {
    let own: Vec<_> = decision_text()
        .questions
        .iter()
        .filter(|q| shared_key(&q.id).is_none())
        .map(|q| {
            let option = select(ids(&q.options, |o| o.id.as_str()));
            weighted(0.5, option).prop_map(move |o| o.map(|o| (q.id.clone(), o.to_string())))
        })
        .collect();
    let routes: Vec<&str> = Route::ALL.iter().map(|r| r.id()).collect();
    (own, proptest::option::of(select(routes)), text()).prop_map(|(answers, route, reason)| DecisionRecord {
        answers: answers.into_iter().flatten().collect(),
        chosen_route: route.map(str::to_string),
        chosen_reason: reason,
    })
}

fn step_keys() -> Vec<String> {
    content().worksheets().flat_map(|t| t.steps.iter().map(|s| step_key(&t.id, &s.id))).collect()
}

fn worksheet_ids() -> Vec<String> {
    content().worksheets().map(|t| t.id.clone()).collect()
}

/// A step record as the step's status panel writes it (possibly all empty: never stored then,
/// but a hand-made file may hold one).
fn step_record() -> impl Strategy<Value = StepRecord> {
    (
        proptest::option::of(select(StepMark::ALL.to_vec())),
        text(),
        text(),
        prop_oneof![Just(String::new()), date()],
        text(),
    )
        .prop_map(|(status, reason, owner, due, note)| StepRecord { status, reason, owner, due, note })
}

fn step_records() -> impl Strategy<Value = BTreeMap<String, StepRecord>> {
    (subsequence(step_keys(), 0..8), vec(step_record(), 8))
        .prop_map(|(keys, records)| keys.into_iter().zip(records).collect())
}

fn draft_keys() -> Vec<String> {
    let mut keys = vec![DECISION_VALUE_DRAFT.to_string()];
    for tool in content().worksheets() {
        for step in &tool.steps {
            let amounts = step.fields.iter().filter(|f| matches!(f.kind, FieldKind::Amount));
            keys.extend(amounts.map(|f| amount_dom_id(&tool.id, &step.id, &f.id)));
        }
    }
    keys
}

fn keyed_texts(keys: Vec<String>, weight: f64) -> impl Strategy<Value = BTreeMap<String, String>> {
    let each: Vec<_> =
        keys.into_iter().map(|k| weighted(weight, text()).prop_map(move |t| t.map(|t| (k.clone(), t)))).collect();
    each.prop_map(|entries| entries.into_iter().flatten().collect())
}

fn lang() -> impl Strategy<Value = Lang> {
    select(Lang::ALL.to_vec())
}

/// A plan the app could hold: every part is what some editor of the app writes.
pub(super) fn plan() -> impl Strategy<Value = Plan> {
    let slots: Vec<String> = answer_slots().into_iter().map(|(k, _)| k).collect();
    let details = (
        "[A-Za-z0-9_-]{1,60}",
        any::<u64>(),
        text().prop_map(|t| match t.trim() {
            "" => "Plan".to_string(),
            trimmed => trimmed.to_string(),
        }),
        text(),
        text(),
        lang(),
        vec((select(worksheet_ids()), lang()), 0..3),
        any::<u64>(),
        any::<u64>(),
    );
    let contents = (
        answers(),
        (step_records(), proptest::option::of(select(vec![Spine::Roadmap, Spine::Lup]))),
        registers(),
        decision(),
        vec((select(slots), text(), text()), 0..3),
        keyed_texts(draft_keys(), 0.1),
    );
    (details, contents).prop_map(|(details, contents)| {
        let (id, revision, title, organisation, case_number, language, doc_langs, created_at, updated_at) = details;
        let (answers, (steps, spine), registers, decision, notes, drafts) = contents;
        Plan {
            schema_version: SCHEMA_VERSION,
            id,
            revision,
            title,
            organisation,
            case_number,
            language,
            document_languages: doc_langs.into_iter().map(|(t, l)| (t.to_string(), l)).collect(),
            whole_document: crate::plan::WholeDocument {
                leave_out_unanswered: revision % 2 == 1,
                leave_out_internal: revision % 3 == 1,
            },
            created_at,
            updated_at,
            answers,
            steps,
            spine,
            registers,
            decision,
            merge_notes: notes.into_iter().map(|(key, from, value)| MergeNote { key, from, value }).collect(),
            drafts,
        }
    })
}
