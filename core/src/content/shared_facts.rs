//! One fact, one stored value: fields in different worksheets (LUP's tools and the roadmap's
//! phases alike) that ask for the same fact must share storage (`stored_at`), or a plan can
//! contradict itself.
//!
//! "The same fact" is found, not declared: two fields whose English labels carry the same
//! content words, or tables with the same columns. A short list names pairs that look alike
//! but ask different things, each with its reason, and a short list names pairs that are the
//! same fact in different words.

use super::FieldKind;
#[allow(unused_imports)]
use crate::catalog::testing::*;
use std::collections::BTreeSet;

/// Pairs that look alike but are different facts.
const DIFFERENT: &[(&str, &str, &str)] = &[
    ("leadership/resources/people", "dialogue/programme/team", "who sits in the one-to-one meetings, not who is committed to the project"),
    ("startup/resources/people", "dialogue/programme/team", "who sits in the one-to-one meetings, not who is committed to the project"),
    ("startup/resources/milestones", "dialogue/format/key-dates", "the dialogue's own schedule (notice, registration, meetings), not the project's milestones"),
    ("startup/resources/dialogue-date", "development/market-check/dialogue", "whether the service's ideas are checked with the market (a choice), not the date of the dialogue"),
    ("leadership/resources/dialogue-date", "development/market-check/dialogue", "whether the service's ideas are checked with the market (a choice), not the date of the dialogue"),
    ("startup/team/members", "anchoring/team/members", "the roadmap's team develops the service across all six phases, with what each brings; the TAT is the team that plans and carries out the purchase"),
    ("anchoring/related-projects/projects", "insight/learn-from-others/examples", "projects to coordinate with now, not lessons from others' solutions"),
];

/// Pairs that are the same fact in different words.
const SAME: &[(&str, &str)] = &[
    ("leadership/resources/operations-date", "startup/framework/deadline"),
    ("leadership/leaders/sponsor", "startup/team/project-owner"),
    // The roadmap's first anchoring step asked again for what the LUP tools hold (issue 22).
    ("anchoring/problem-goals/problem", "needs/problem/what-goes-wrong"),
    ("anchoring/problem-goals/strategies", "leadership/strategic-link/plans"),
];

const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "your", "you", "we", "our", "is",
    "are", "be", "it", "its", "what", "which", "who", "how", "when", "do", "does", "will", "must", "should", "can",
    "this", "that", "nok", "excl", "vat", "itself",
];

fn words(label: &str) -> BTreeSet<String> {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

struct Asked {
    key: String,
    tool: String,
    stored: String,
    words: BTreeSet<String>,
    columns: BTreeSet<String>,
    register: Option<String>,
}

fn asked() -> Vec<Asked> {
    let mut out = Vec::new();
    for tool in content().worksheets() {
        for step in &tool.steps {
            for field in &step.fields {
                let columns = match &field.kind {
                    FieldKind::Table { columns } => columns.iter().map(|c| c.id.clone()).collect(),
                    _ => BTreeSet::new(),
                };
                let register = match &field.kind {
                    FieldKind::Register { register, .. } => Some(register.clone()),
                    _ => None,
                };
                out.push(Asked {
                    key: format!("{}/{}/{}", tool.id, step.id, field.id),
                    tool: tool.id.clone(),
                    stored: field.storage_key(&tool.id, &step.id),
                    words: words(field.label.get(crate::Lang::En)),
                    columns,
                    register,
                });
            }
        }
    }
    out
}

/// True when the two fields look like the same question.
fn alike(a: &Asked, b: &Asked) -> bool {
    let common = a.words.intersection(&b.words).count();
    let same_words = !a.words.is_empty() && a.words == b.words;
    let contained = common >= 2 && (a.words.is_subset(&b.words) || b.words.is_subset(&a.words));
    let same_columns = a.columns.intersection(&b.columns).count() >= 2;
    same_words || contained || same_columns
}

fn listed(list: &[(&str, &str)], a: &str, b: &str) -> bool {
    list.iter().any(|(x, y)| (*x == a && *y == b) || (*x == b && *y == a))
}

#[test]
fn fields_asking_the_same_fact_share_storage() {
    let fields = asked();
    let different: Vec<(&str, &str)> = DIFFERENT.iter().map(|(a, b, _)| (*a, *b)).collect();
    let mut unshared = Vec::new();
    for (i, a) in fields.iter().enumerate() {
        for b in &fields[i + 1..] {
            if a.tool == b.tool || (a.register.is_some() && a.register == b.register) {
                continue;
            }
            let same = listed(SAME, &a.key, &b.key) || (alike(a, b) && !listed(&different, &a.key, &b.key));
            if same && a.stored != b.stored {
                unshared.push(format!("{} and {} ask the same fact but store it apart", a.key, b.key));
            }
        }
    }
    assert!(unshared.is_empty(), "{}", unshared.join("\n"));
}

/// The roadmap's goals in its first anchoring step are the goals register's rows, which the
/// start-up tool and the benefits step show too, not a list of their own.
#[test]
fn the_roadmaps_goals_are_the_goals_register() {
    let field = content().field("anchoring/problem-goals/goals").expect("the field");
    assert!(matches!(&field.kind, FieldKind::Register { register, .. } if register == "goals"), "{:?}", field.kind);
    let startup = content().field("startup/goals/goals").expect("the start-up tool's goals");
    assert!(matches!(&startup.kind, FieldKind::Register { register, .. } if register == "goals"));
}

#[test]
fn the_detector_finds_the_copies_schema_1_had() {
    // Schema 1's duplicated budgets and people, by their labels: the check must catch them.
    let a = |label: &str, cols: &[&str]| Asked {
        key: label.into(),
        tool: label.into(),
        stored: label.into(),
        words: words(label),
        columns: cols.iter().map(|c| c.to_string()).collect(),
        register: None,
    };
    assert!(alike(&a("Planning budget", &[]), &a("Planning budget (NOK)", &[])));
    assert!(alike(&a("Purchase budget", &[]), &a("Budget for the purchase itself (NOK)", &[])));
    assert!(alike(&a("Roll-out and operations budget", &[]), &a("Budget for roll-out and operations (NOK)", &[])));
    assert!(alike(
        &a("People committed", &["role", "who", "hours"]),
        &a("People and the time they need", &["role", "who", "hours"])
    ));
    assert!(!alike(&a("Planning budget", &[]), &a("Registration deadline", &[])));
    // The listed pairs exist, so a renamed field cannot silently drop out of the check.
    let keys: BTreeSet<String> = asked().into_iter().map(|f| f.key).collect();
    for (x, y) in SAME.iter().copied().chain(DIFFERENT.iter().map(|(x, y, _)| (*x, *y))) {
        assert!(keys.contains(x) && keys.contains(y), "{x} / {y}");
    }
}
