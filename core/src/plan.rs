//! The plan: one procurement being planned, with its answers and shared registers.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the plan's JSON shape. Raise it with a step in [`crate::migrate`].
pub const SCHEMA_VERSION: u32 = 4;

/// Longest title accepted. Generous: a title is never cut, but a megabyte title is a bad file.
pub const MAX_TITLE_CHARS: usize = 10_000;

/// One plan. Field order is the JSON order; maps are `BTreeMap` so the JSON is deterministic
/// (two tabs writing the same plan produce the same bytes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub schema_version: u32,
    pub id: String,
    /// Counts saves. A save is refused when storage holds a newer revision (another tab wrote).
    pub revision: u64,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub case_number: String,
    /// The language the plan was created in (bokmål, nynorsk or English). Documents no longer
    /// use it: they follow the interface language unless `document_languages` says otherwise.
    #[serde(default)]
    pub language: crate::Lang,
    /// A language the user chose for one tool's document (tool id → language). A tool that is
    /// not here has its document in the interface language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub document_languages: BTreeMap<String, crate::Lang>,
    /// What the team leaves out of the whole-plan document; kept with the plan so the next
    /// reading (and a colleague's, from the plan file) is the same document.
    #[serde(default, skip_serializing_if = "WholeDocument::is_default")]
    pub whole_document: WholeDocument,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    pub updated_at: u64,
    /// Answers to worksheet fields, keyed `tool/step/field`.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// What the team recorded about a step (status, who, by when, a note), keyed `tool/step`
    /// for the LUP tools and `phase/step` for the roadmap. A step with nothing recorded is not
    /// here. Schema 2 kept only a set of done steps (`done_steps`).
    #[serde(default)]
    pub steps: BTreeMap<String, StepRecord>,
    /// The order the team follows (roadmap or LUP sequence) when they chose one; otherwise the
    /// app suggests one from the plan's answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spine: Option<Spine>,
    /// Shared registers (stakeholders, goals, needs, questions, decisions), keyed by register id.
    #[serde(default)]
    pub registers: BTreeMap<String, Vec<RegisterRow>>,
    /// The decision helper's answers and the route the team chose.
    #[serde(default)]
    pub decision: DecisionRecord,
    /// Answers set aside when an upgrade merged two places that held the same fact: kept so
    /// nothing typed is lost, shown on the plan overview until the user clears them.
    #[serde(default)]
    pub merge_notes: Vec<MergeNote>,
    /// Text typed into a field that could not be read as its kind (an amount like "12 abc"),
    /// keyed by the field's id. Kept until the user fixes or empties it, so a reload shows what
    /// was typed with its message instead of silently dropping it. The field's value is unchanged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, String>,
}

/// The whole-plan document's choices. By default it holds everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WholeDocument {
    /// Parts with no answer are not shown one by one; each chapter ends with a short list of them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leave_out_unanswered: bool,
    /// Columns and fields the content marks as internal (assessments of people) are left out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leave_out_internal: bool,
}

impl WholeDocument {
    pub fn is_default(&self) -> bool {
        *self == WholeDocument::default()
    }
}

/// A value an upgrade did not keep because another place held a different value for the same
/// fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeNote {
    /// The plan key that now holds the fact.
    pub key: String,
    /// Where the set-aside value was stored: a plan key (the same as `key` when the decision
    /// helper's copy won over this field's own value).
    pub from: String,
    /// The set-aside value, as a reader would see it.
    pub value: String,
}

crate::ids::id_enum! {
    /// The status a team sets on a step. With none set, a step is "not started" until something is
    /// written in it, then "in progress".
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum StepMark {
        NotStarted = "not-started",
        InProgress = "in-progress",
        Done = "done",
        /// Skipped on purpose; the record's `reason` says why.
        NotRelevant = "not-relevant",
    }
}

/// What the team recorded about one step. Empty strings are "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StepMark>,
    /// Why the step is not relevant (shown with that status).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Who is responsible for the step.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Target date, ISO `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl StepRecord {
    pub fn is_empty(&self) -> bool {
        *self == StepRecord::default()
    }

    /// True when the step is finished for planning purposes: done, or skipped on purpose.
    pub fn is_settled(&self) -> bool {
        matches!(self.status, Some(StepMark::Done | StepMark::NotRelevant))
    }
}

crate::ids::id_enum! {
    /// Which sequence a plan follows (DOMAIN §6.2): KS's roadmap with LUP's tools plugged in, for a
    /// service change whose solution is unknown; or LUP's sequence with KS's tools borrowed, for a
    /// clear purchase need.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Spine {
        Roadmap = "roadmap",
        Lup = "lup",
    }
}

/// A part of a step record the team can edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepPart {
    Reason,
    Owner,
    Due,
    Note,
}

/// A stored answer to one worksheet field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    List(Vec<String>),
    Table(Vec<BTreeMap<String, String>>),
    Checks(Vec<String>),
    /// ISO date `YYYY-MM-DD`.
    Date(String),
    /// Whole Norwegian kroner, excluding VAT.
    Amount(u64),
    Choice(String),
}

impl Answer {
    /// True when the answer holds nothing at all (so it need not be stored). Whitespace and empty
    /// list items are kept: they are what the user is typing right now.
    pub fn is_void(&self) -> bool {
        match self {
            Answer::Text(s) | Answer::Date(s) | Answer::Choice(s) => s.is_empty(),
            Answer::List(items) => items.is_empty(),
            Answer::Table(rows) => rows.is_empty(),
            Answer::Checks(c) => c.is_empty(),
            Answer::Amount(_) => false,
        }
    }

    /// True when the answer holds nothing a reader would see.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(s) | Answer::Date(s) | Answer::Choice(s) => s.trim().is_empty(),
            Answer::List(items) => items.iter().all(|i| i.trim().is_empty()),
            Answer::Table(rows) => rows.iter().all(|r| r.values().all(|v| v.trim().is_empty())),
            Answer::Checks(c) => c.is_empty(),
            Answer::Amount(_) => false,
        }
    }
}

/// One row of a shared register. `id` is stable within the register so views can key on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterRow {
    pub id: u32,
    #[serde(default)]
    pub cells: BTreeMap<String, String>,
}

impl RegisterRow {
    pub fn cell(&self, column: &str) -> &str {
        self.cells.get(column).map(String::as_str).unwrap_or("")
    }
    pub fn is_empty(&self) -> bool {
        self.cells.values().all(|v| v.trim().is_empty())
    }
}

/// Answers to the decision helper and the team's own choice. Questions a worksheet also asks
/// (risk appetite, backing, first view, value, contract type) are stored with the worksheet
/// only ([`crate::decision::SHARED`]), never here.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// Question id → option id, for the questions only the helper asks.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// The route the team actually chose (a route id), which may differ from the recommendation.
    #[serde(default)]
    pub chosen_route: Option<String>,
    #[serde(default)]
    pub chosen_reason: String,
}

/// Why a title was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleError {
    Empty,
    TooLong,
}

impl TitleError {
    /// Locale key of the message shown next to the field.
    pub fn message_key(self) -> &'static str {
        match self {
            TitleError::Empty => "library.error.title_empty",
            TitleError::TooLong => "library.error.title_too_long",
        }
    }
}

/// Trims and checks a plan title.
pub fn validate_title(raw: &str) -> Result<String, TitleError> {
    let title = raw.trim();
    if title.is_empty() {
        Err(TitleError::Empty)
    } else if title.chars().count() > MAX_TITLE_CHARS {
        Err(TitleError::TooLong)
    } else {
        Ok(title.to_string())
    }
}

/// What the user typed in the "new plan" form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewPlan {
    pub title: String,
    pub organisation: String,
    pub case_number: String,
    pub language: crate::Lang,
}

impl Plan {
    /// A new, empty plan. The title must already be validated.
    pub fn new(id: impl Into<String>, details: NewPlan, now: u64) -> Result<Plan, TitleError> {
        Ok(Plan {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            revision: 0,
            title: validate_title(&details.title)?,
            organisation: details.organisation.trim().to_string(),
            case_number: details.case_number.trim().to_string(),
            language: details.language,
            document_languages: BTreeMap::new(),
            whole_document: WholeDocument::default(),
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            steps: BTreeMap::new(),
            spine: None,
            registers: BTreeMap::new(),
            decision: DecisionRecord::default(),
            merge_notes: Vec::new(),
            drafts: BTreeMap::new(),
        })
    }

    pub fn rename(&mut self, raw_title: &str, now: u64) -> Result<(), TitleError> {
        self.title = validate_title(raw_title)?;
        self.touch(now);
        Ok(())
    }

    /// Changes the title, organisation and case number together (the library's "Edit" form).
    /// Nothing changes when the title is refused.
    pub fn edit_details(
        &mut self,
        raw_title: &str,
        organisation: &str,
        case_number: &str,
        now: u64,
    ) -> Result<(), TitleError> {
        self.title = validate_title(raw_title)?;
        self.organisation = organisation.trim().to_string();
        self.case_number = case_number.trim().to_string();
        self.touch(now);
        Ok(())
    }

    /// Keeps (or, with `None`, forgets) text typed for the answer stored at `key` that could not
    /// be read. Every place that shows the answer finds it under the key (see [`Plan::draft`]).
    pub fn set_draft(&mut self, key: &str, text: Option<String>, now: u64) {
        let mut changed = false;
        for old in legacy_draft_ids(key) {
            changed |= self.drafts.remove(&old).is_some();
        }
        changed |= match text {
            Some(text) => self.drafts.insert(key.to_string(), text.clone()).as_ref() != Some(&text),
            None => self.drafts.remove(key).is_some(),
        };
        if changed {
            self.touch(now);
        }
    }

    /// The text kept for the answer at `key` (see [`Plan::set_draft`]), also where earlier
    /// versions kept it.
    pub fn draft(&self, key: &str) -> Option<&str> {
        std::iter::once(key.to_string())
            .chain(legacy_draft_ids(key))
            .find_map(|id| self.drafts.get(&id))
            .map(String::as_str)
    }

    /// Text typed for the amount at `key` that is not an amount: the stored amount is then the
    /// last valid one, and whatever is worked out from it must say so.
    pub fn invalid_draft(&self, key: &str) -> Option<&str> {
        self.draft(key).filter(|d| crate::amount::parse_nok(d).is_err())
    }

    /// A full copy under a new id, titled with `title` (e.g. "Copy of …"), starting at revision 0.
    pub fn duplicate(&self, new_id: impl Into<String>, title: String, now: u64) -> Plan {
        Plan { id: new_id.into(), revision: 0, title, created_at: now, updated_at: now, ..self.clone() }
    }

    /// The language `tool`'s document is shown in: the one chosen for it, else `interface`.
    pub fn document_language(&self, tool: &str, interface: crate::Lang) -> crate::Lang {
        self.document_languages.get(tool).copied().unwrap_or(interface)
    }

    /// Chooses a language for `tool`'s document; `None` makes it follow the interface language.
    pub fn set_document_language(&mut self, tool: &str, language: Option<crate::Lang>, now: u64) {
        match language {
            Some(lang) => self.document_languages.insert(tool.to_string(), lang),
            None => self.document_languages.remove(tool),
        };
        self.touch(now);
    }

    /// Sets what the whole-plan document leaves out.
    pub fn set_whole_document(&mut self, choice: WholeDocument, now: u64) {
        self.whole_document = choice;
        self.touch(now);
    }

    pub fn touch(&mut self, now: u64) {
        self.updated_at = self.updated_at.max(now);
    }

    pub fn answer(&self, key: &str) -> Option<&Answer> {
        self.answers.get(key)
    }

    /// Stores an answer; a void answer removes the key so the file stays small.
    pub fn set_answer(&mut self, key: &str, answer: Answer, now: u64) {
        if answer.is_void() {
            self.answers.remove(key);
        } else {
            self.answers.insert(key.to_string(), answer);
        }
        self.touch(now);
    }

    pub fn step(&self, step_key: &str) -> Option<&StepRecord> {
        self.steps.get(step_key)
    }

    /// Sets (or, with `None`, clears) a step's status. A record left empty is removed.
    pub fn set_step_status(&mut self, step_key: &str, status: Option<StepMark>, now: u64) {
        self.edit_step(step_key, now, |r| r.status = status);
    }

    pub fn set_step_part(&mut self, step_key: &str, part: StepPart, value: String, now: u64) {
        self.edit_step(step_key, now, |r| {
            *match part {
                StepPart::Reason => &mut r.reason,
                StepPart::Owner => &mut r.owner,
                StepPart::Due => &mut r.due,
                StepPart::Note => &mut r.note,
            } = value
        });
    }

    fn edit_step(&mut self, step_key: &str, now: u64, change: impl FnOnce(&mut StepRecord)) {
        let mut record = self.steps.remove(step_key).unwrap_or_default();
        change(&mut record);
        if !record.is_empty() {
            self.steps.insert(step_key.to_string(), record);
        }
        self.touch(now);
    }

    /// Chooses the sequence to follow; `None` goes back to the app's suggestion.
    pub fn set_spine(&mut self, spine: Option<Spine>, now: u64) {
        self.spine = spine;
        self.touch(now);
    }

    pub fn register(&self, id: &str) -> &[RegisterRow] {
        self.registers.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Adds an empty row and returns its id.
    pub fn add_register_row(&mut self, register: &str, now: u64) -> u32 {
        let rows = self.registers.entry(register.to_string()).or_default();
        let id = rows.iter().map(|r| r.id).max().map_or(1, |m| m + 1);
        rows.push(RegisterRow { id, cells: BTreeMap::new() });
        self.touch(now);
        id
    }

    pub fn set_register_cell(&mut self, register: &str, row: u32, column: &str, value: String, now: u64) {
        if let Some(r) = self.registers.get_mut(register).and_then(|rows| rows.iter_mut().find(|r| r.id == row)) {
            if value.is_empty() {
                r.cells.remove(column);
            } else {
                r.cells.insert(column.to_string(), value);
            }
            self.touch(now);
        }
    }

    /// Removes a row and returns it, so it can be put back with [`Plan::restore_register_row`].
    pub fn remove_register_row(&mut self, register: &str, row: u32, now: u64) -> Option<RegisterRow> {
        let rows = self.registers.get_mut(register)?;
        let removed = rows.iter().position(|r| r.id == row).map(|i| rows.remove(i));
        if rows.is_empty() {
            self.registers.remove(register);
        }
        self.touch(now);
        removed
    }

    /// Puts a removed row back with its id, in its place: rows are kept in id order (new rows
    /// get the next id), so its place is among the ids around it. Refused (false) when a row
    /// with that id exists again.
    pub fn restore_register_row(&mut self, register: &str, row: RegisterRow, now: u64) -> bool {
        let rows = self.registers.entry(register.to_string()).or_default();
        match rows.binary_search_by_key(&row.id, |r| r.id) {
            Ok(_) => false,
            Err(at) => {
                rows.insert(at, row);
                self.touch(now);
                true
            }
        }
    }
}

/// Where earlier versions kept a draft: under the field's element id, which differed between the
/// start-up tool (`f-` and the key with `-` for `/`) and the decision helper (`q-value`, the
/// estimated value's draft). A copy of the value's key as those versions stored it, not
/// [`crate::decision::VALUE_KEY`]: what old plans hold does not move with today's constants.
fn legacy_draft_ids(key: &str) -> Vec<String> {
    const LEGACY_VALUE_KEY: &str = "startup/framework/estimated-value";
    let mut ids = vec![format!("f-{}", key.replace('/', "-"))];
    if key == LEGACY_VALUE_KEY {
        ids.push("q-value".to_string());
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details(title: &str) -> NewPlan {
        NewPlan { title: title.into(), organisation: " Elvebyen kommune ".into(), ..Default::default() }
    }

    #[test]
    fn new_plan_requires_a_title_and_trims() {
        assert_eq!(Plan::new("a", details("   "), 1).unwrap_err(), TitleError::Empty);
        let plan = Plan::new("a", details("  Nattilsyn  "), 5).unwrap();
        assert_eq!(plan.title, "Nattilsyn");
        assert_eq!(plan.organisation, "Elvebyen kommune");
        assert_eq!((plan.revision, plan.created_at, plan.updated_at), (0, 5, 5));
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn titles_up_to_the_limit_are_kept_whole() {
        let long = "x".repeat(MAX_TITLE_CHARS);
        assert_eq!(validate_title(&long).unwrap().len(), MAX_TITLE_CHARS);
        assert_eq!(validate_title(&format!("{long}y")), Err(TitleError::TooLong));
        let html = "<img src=x onerror=alert(1)>";
        assert_eq!(validate_title(html).unwrap(), html, "markup is kept as text, not stripped");
    }

    #[test]
    fn rename_validates_and_touches() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        assert_eq!(plan.rename("", 9), Err(TitleError::Empty));
        assert_eq!(plan.title, "A");
        plan.rename("B", 9).unwrap();
        assert_eq!((plan.title.as_str(), plan.updated_at), ("B", 9));
    }

    #[test]
    fn duplicate_copies_content_under_new_identity() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        plan.revision = 7;
        plan.set_answer("startup/trigger/why", Answer::Text("Fordi".into()), 2);
        let row = plan.add_register_row("needs", 3);
        plan.set_register_cell("needs", row, "name", "Trygg natt".into(), 3);
        let copy = plan.duplicate("b", "Kopi av A".into(), 10);
        assert_eq!(copy.id, "b");
        assert_eq!(copy.revision, 0);
        assert_eq!(copy.title, "Kopi av A");
        assert_eq!(copy.answers, plan.answers);
        assert_eq!(copy.registers, plan.registers);
        assert_eq!(copy.created_at, 10);
    }

    #[test]
    fn void_answers_are_removed_but_typing_is_kept() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        plan.set_answer("k", Answer::Text("x".into()), 2);
        assert!(plan.answer("k").is_some());
        plan.set_answer("k", Answer::Text("".into()), 3);
        assert!(plan.answer("k").is_none());
        // A space being typed, or a new empty list item, must survive the round trip to the input.
        plan.set_answer("k", Answer::Text(" ".into()), 3);
        assert!(plan.answer("k").is_some_and(Answer::is_empty));
        plan.set_answer("l", Answer::List(vec!["".into()]), 3);
        assert!(plan.answer("l").is_some_and(Answer::is_empty));
        plan.set_answer("l", Answer::List(vec![]), 3);
        assert!(plan.answer("l").is_none());
    }

    #[test]
    fn register_rows_get_stable_ids() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        let a = plan.add_register_row("needs", 1);
        let b = plan.add_register_row("needs", 1);
        plan.remove_register_row("needs", a, 2);
        let c = plan.add_register_row("needs", 3);
        assert_eq!((a, b, c), (1, 2, 3));
        plan.set_register_cell("needs", b, "name", "N".into(), 4);
        assert_eq!(plan.register("needs")[0].cell("name"), "N");
        plan.set_register_cell("needs", b, "name", "".into(), 4);
        assert_eq!(plan.register("needs")[0].cell("name"), "");
    }

    #[test]
    fn a_removed_register_row_comes_back_with_its_id_and_place() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        for name in ["A", "B", "C"] {
            let id = plan.add_register_row("stakeholders", 1);
            plan.set_register_cell("stakeholders", id, "name", name.into(), 1);
        }
        let before = plan.registers.clone();
        let removed = plan.remove_register_row("stakeholders", 2, 5).unwrap();
        assert_eq!(removed.cell("name"), "B");
        assert_eq!(plan.register("stakeholders").iter().map(|r| r.id).collect::<Vec<_>>(), vec![1, 3]);
        assert!(plan.restore_register_row("stakeholders", removed.clone(), 6));
        assert_eq!(plan.registers, before, "same id, same place, same cells");
        assert!(!plan.restore_register_row("stakeholders", removed, 7), "never two rows with one id");
        assert_eq!(plan.register("stakeholders").len(), 3);
        assert_eq!(plan.remove_register_row("stakeholders", 99, 8), None);

        // The last row of a register: the register goes, and comes back.
        let mut single = Plan::new("b", details("B"), 1).unwrap();
        let id = single.add_register_row("goals", 1);
        let row = single.remove_register_row("goals", id, 2).unwrap();
        assert!(single.registers.is_empty());
        assert!(single.restore_register_row("goals", row, 3));
        assert_eq!(single.register("goals").len(), 1);
    }

    #[test]
    fn details_are_edited_together_and_a_bad_title_changes_nothing() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        assert_eq!(plan.edit_details(" ", "Annen kommune", "1", 5), Err(TitleError::Empty));
        assert_eq!((plan.organisation.as_str(), plan.case_number.as_str()), ("Elvebyen kommune", ""));
        plan.edit_details(" B ", "  Fjordbyen kommune ", " 2027/7 ", 9).unwrap();
        assert_eq!(
            (plan.title.as_str(), plan.organisation.as_str(), plan.case_number.as_str()),
            ("B", "Fjordbyen kommune", "2027/7")
        );
        assert_eq!(plan.updated_at, 9);
        plan.edit_details("B", "", "", 10).unwrap();
        assert_eq!((plan.organisation.as_str(), plan.case_number.as_str()), ("", ""), "both can be cleared");
    }

    #[test]
    fn drafts_are_kept_until_fixed_and_not_written_when_there_are_none() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        assert!(!serde_json::to_string(&plan).unwrap().contains("drafts"), "no new key in files without drafts");
        plan.set_draft("f-startup-framework-estimated-value", Some("12 abc".into()), 2);
        let json = serde_json::to_string(&plan).unwrap();
        let back: Plan = serde_json::from_str(&json).unwrap();
        assert_eq!(back.drafts.get("f-startup-framework-estimated-value").map(String::as_str), Some("12 abc"));
        assert_eq!(plan.updated_at, 2);
        plan.set_draft("f-startup-framework-estimated-value", None, 3);
        assert!(plan.drafts.is_empty());
        plan.set_draft("nothing-here", None, 4);
        assert_eq!(plan.updated_at, 3, "forgetting nothing is no change");
    }

    #[test]
    fn a_draft_is_found_under_its_key_and_where_earlier_versions_kept_it() {
        let key = crate::decision::VALUE_KEY;
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        plan.drafts.insert("q-value".into(), "to millioner".into());
        assert_eq!(plan.draft(key), Some("to millioner"), "the decision helper's old id");
        assert_eq!(plan.invalid_draft(key), Some("to millioner"));
        plan.set_draft(key, Some("tre mill".into()), 2);
        assert_eq!(plan.drafts.len(), 1, "the old id is cleared when the draft is next written");
        assert_eq!(plan.invalid_draft(key), Some("tre mill"));
        plan.set_draft(key, Some("3 000 000".into()), 3);
        assert_eq!(plan.invalid_draft(key), None, "a readable text is no error");
        plan.set_draft(key, None, 4);
        assert!(plan.drafts.is_empty());
    }

    #[test]
    fn documents_follow_the_interface_language_unless_one_was_chosen() {
        use crate::Lang;
        let mut plan = Plan::new("a", NewPlan { language: Lang::Nn, ..details("A") }, 1).unwrap();
        assert_eq!(plan.document_language("needs", Lang::En), Lang::En, "not the plan's language");
        plan.set_document_language("needs", Some(Lang::Nb), 7);
        assert_eq!(plan.updated_at, 7);
        assert_eq!(plan.document_language("needs", Lang::En), Lang::Nb);
        assert_eq!(plan.document_language("dialogue", Lang::En), Lang::En, "only that document");

        let json = serde_json::to_string(&plan).unwrap();
        assert!(json.contains(r#""document_languages":{"needs":"nb"}"#), "{json}");
        let back: Plan = serde_json::from_str(&json).unwrap();
        assert_eq!(back.document_language("needs", Lang::En), Lang::Nb);

        plan.set_document_language("needs", None, 8);
        assert_eq!(plan.document_language("needs", Lang::Nn), Lang::Nn);
        let json = serde_json::to_string(&plan).unwrap();
        assert!(!json.contains("document_languages"), "a plan with no choice keeps its old shape");
        let old: Plan = serde_json::from_str(&json).unwrap();
        assert!(old.document_languages.is_empty(), "plans stored before the field read as before");
    }

    #[test]
    fn a_step_record_is_kept_only_while_it_holds_something() {
        let mut plan = Plan::new("a", details("A"), 1).unwrap();
        plan.set_step_part("insight/interviews", StepPart::Owner, "Trude Lien".into(), 2);
        plan.set_step_status("insight/interviews", Some(StepMark::NotRelevant), 3);
        plan.set_step_part("insight/interviews", StepPart::Reason, "Gjort i fjor".into(), 3);
        assert_eq!(plan.updated_at, 3);
        let json = serde_json::to_string(&plan).unwrap();
        assert!(json.contains(r#""steps":{"insight/interviews":{"status":"not-relevant","reason":"Gjort i fjor","owner":"Trude Lien"}}"#), "{json}");
        plan.set_step_status("insight/interviews", None, 4);
        plan.set_step_part("insight/interviews", StepPart::Owner, String::new(), 4);
        assert!(plan.step("insight/interviews").is_some(), "the reason is still there");
        plan.set_step_part("insight/interviews", StepPart::Reason, String::new(), 5);
        assert_eq!(plan.step("insight/interviews"), None, "an empty record is not stored");
        assert!(!serde_json::to_string(&plan).unwrap().contains("insight/"));
        assert_eq!(StepMark::from_id("not-relevant"), Some(StepMark::NotRelevant));
        assert!(StepMark::ALL.iter().all(|m| StepMark::from_id(m.id()) == Some(*m)));
    }

    #[test]
    fn answers_serialise_in_the_documented_shape() {
        let json = serde_json::to_string(&Answer::Amount(3_400_000)).unwrap();
        assert_eq!(json, r#"{"amount":3400000}"#);
        let json = serde_json::to_string(&Answer::Checks(vec!["a".into()])).unwrap();
        assert_eq!(json, r#"{"checks":["a"]}"#);
    }
}
