//! Reading a saved plan: version check and the upgrade chain for older schema versions.
//!
//! Every schema version ever shipped has a fixture in `core/tests/fixtures/` that must keep
//! loading. A file from a newer app version is refused rather than half-read.

use crate::plan::{Plan, SCHEMA_VERSION};
use serde::Deserialize;
use serde_json::Value;

/// Why a saved text could not be read as a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not valid JSON at all (truncated, binary, another format).
    NotJson(String),
    /// Valid JSON, but not a plan (no `schema_version`, wrong top-level shape).
    NotAPlan,
    /// Written by a newer version of the app.
    TooNew { found: u64, supported: u32 },
    /// A migration step failed.
    MigrationFailed { from: u32, reason: String },
    /// Right version, but fields have the wrong shape.
    Invalid(String),
}

impl LoadError {
    /// Locale key of the explanation shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            LoadError::NotJson(_) => "load_error.not_json",
            LoadError::NotAPlan => "load_error.not_a_plan",
            LoadError::TooNew { .. } => "load_error.too_new",
            LoadError::MigrationFailed { .. } => "load_error.migration_failed",
            LoadError::Invalid(_) => "load_error.invalid",
        }
    }
}

mod merge_note;
mod merge_shared_facts;
mod roadmap_facts_once;
mod step_records;

/// One upgrade step: turns a plan of schema `from` into schema `from + 1`, in place. Each lives
/// in its own file and carries its own copies of the keys it moves: a migration must not read a
/// constant that a later schema may change.
struct Migration {
    from: u32,
    /// What the step does, for readers and for the tests' messages.
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    up: fn(&mut Value) -> Result<(), String>,
}

/// The upgrade chain, ordered by `from`. Every step keeps a fixture of the version it reads.
const MIGRATIONS: &[Migration] = &[
    Migration { from: 1, name: "merge shared facts", up: merge_shared_facts::up },
    Migration { from: 2, name: "step records", up: step_records::up },
    Migration { from: 3, name: "roadmap facts once", up: roadmap_facts_once::up },
];

#[derive(Deserialize)]
struct VersionPeek {
    schema_version: Option<u64>,
}

/// Parses a stored or imported plan, upgrading older schema versions.
pub fn plan_from_json(json: &str) -> Result<Plan, LoadError> {
    load(json).map(|(plan, _)| plan)
}

/// Like [`plan_from_json`], and also says which schema version the text was written in (so the
/// caller can keep the original before an upgraded plan is first written over it).
pub fn load(json: &str) -> Result<(Plan, u32), LoadError> {
    // Peek at the version without building a full `Value`: the common case (current version)
    // then parses once, straight into the typed plan.
    let peek: VersionPeek = match serde_json::from_str(json) {
        Ok(p) => p,
        Err(e) if e.is_data() => return Err(LoadError::NotAPlan),
        // Valid JSON of another shape (an array, say) is "not a plan", not "damaged".
        Err(e) => match serde_json::from_str::<serde::de::IgnoredAny>(json) {
            Ok(_) => return Err(LoadError::NotAPlan),
            Err(_) => return Err(LoadError::NotJson(e.to_string())),
        },
    };
    match version(peek.schema_version)? {
        Version::Current => {
            serde_json::from_str(json).map(|p| (p, SCHEMA_VERSION)).map_err(|e| LoadError::Invalid(e.to_string()))
        }
        Version::Older(found) => {
            let value: Value = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
            upgrade(value, found)
        }
    }
}

/// Like [`load`], for a plan already parsed as JSON (an imported file holds the plan inside an
/// envelope). The same version rules and the same upgrade chain apply.
pub fn plan_from_value(value: &Value) -> Result<(Plan, u32), LoadError> {
    let Some(object) = value.as_object() else { return Err(LoadError::NotAPlan) };
    let found = match object.get("schema_version") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_u64().ok_or(LoadError::NotAPlan)?),
    };
    match version(found)? {
        // A copy, read by the owned-value reader the upgrade chain needs anyway: reading the
        // borrowed value would build a second deserializer for every plan type (≈ 25 kB of
        // WebAssembly) to save a copy only imports make.
        Version::Current => serde_json::from_value(value.clone())
            .map(|p| (p, SCHEMA_VERSION))
            .map_err(|e| LoadError::Invalid(e.to_string())),
        Version::Older(found) => upgrade(value.clone(), found),
    }
}

enum Version {
    Current,
    Older(u32),
}

/// Sorts a stored `schema_version` into current, older (to upgrade) or refused.
fn version(found: Option<u64>) -> Result<Version, LoadError> {
    let found = found.ok_or(LoadError::NotAPlan)?;
    if found > u64::from(SCHEMA_VERSION) {
        Err(LoadError::TooNew { found, supported: SCHEMA_VERSION })
    } else if found == u64::from(SCHEMA_VERSION) {
        Ok(Version::Current)
    } else if found == 0 {
        Err(LoadError::NotAPlan)
    } else {
        Ok(Version::Older(found as u32))
    }
}

/// Runs the upgrade chain from schema `found` to the current one, then reads the typed plan.
fn upgrade(mut value: Value, found: u32) -> Result<(Plan, u32), LoadError> {
    let mut version = found;
    while version < SCHEMA_VERSION {
        let step = MIGRATIONS
            .iter()
            .find(|m| m.from == version)
            .ok_or(LoadError::MigrationFailed { from: version, reason: "no upgrade step".into() })?;
        (step.up)(&mut value).map_err(|reason| LoadError::MigrationFailed { from: version, reason })?;
        version += 1;
        value["schema_version"] = Value::from(version);
    }
    serde_json::from_value(value).map(|p| (p, found)).map_err(|e| LoadError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = include_str!("../tests/fixtures/plan-v1.json");
    const V1_DIVERGING: &str = include_str!("../tests/fixtures/plan-v1-diverging.json");

    #[test]
    fn v1_copies_become_one_value_and_the_other_is_kept_as_a_note() {
        use crate::plan::Answer;
        let plan = plan_from_json(V1_DIVERGING).expect("diverging v1 fixture");
        let answer = |k: &str| plan.answer(k).cloned();
        // The decision helper's answers win over the worksheet's older copies.
        assert_eq!(answer("startup/framework/estimated-value"), Some(Answer::Amount(5_000_000)));
        assert_eq!(answer("startup/route/first-view"), Some(Answer::Choice("innovation-procurement".into())));
        assert_eq!(
            answer("leadership/risk/risk-appetite"),
            Some(Answer::Choice("high".into())),
            "moved where the worksheet had none"
        );
        assert_eq!(
            answer("startup/framework/contract-type"),
            Some(Answer::Choice("goods-services".into())),
            "equal copies merge silently"
        );
        assert!(
            plan.decision.answers.keys().all(|q| crate::decision::shared_key(q).is_none()),
            "no shared answer stays with the helper"
        );
        assert_eq!(
            plan.decision.answers.get("solutions-exist").map(String::as_str),
            Some("partly"),
            "own questions stay"
        );
        // The start-up tool keeps the resources; the leadership copy is moved or noted.
        assert_eq!(answer("startup/resources/planning-budget"), Some(Answer::Amount(350_000)));
        assert_eq!(
            answer("startup/resources/dialogue-date"),
            Some(Answer::Date("2027-03-16".into())),
            "moved from leadership"
        );
        let people = answer("startup/resources/people");
        assert!(
            matches!(&people, Some(Answer::Table(rows)) if rows[0].get("hours").map(String::as_str) == Some("20")),
            "{people:?}"
        );
        assert!(plan.answers.keys().all(|k| !k.starts_with("leadership/resources/")), "no leadership copy is left");
        assert_eq!(answer("leadership/leaders/sponsor"), None);
        assert_eq!(answer("startup/team/project-owner"), Some(Answer::Text("Randi Holm".into())));
        // Nothing typed is lost: each value set aside is a note.
        let notes: Vec<(&str, &str, &str)> =
            plan.merge_notes.iter().map(|n| (n.key.as_str(), n.from.as_str(), n.value.as_str())).collect();
        assert_eq!(
            notes,
            [
                ("startup/route/first-view", "startup/route/first-view", "innovation-friendly"),
                ("startup/framework/estimated-value", "startup/framework/estimated-value", "3400000"),
                ("startup/resources/planning-budget", "leadership/resources/planning-budget", "450000"),
                ("startup/team/project-owner", "leadership/leaders/sponsor", "Kari Nymo"),
            ]
        );
    }

    const V2: &str = include_str!("../tests/fixtures/plan-v2.json");

    #[test]
    fn v2_done_steps_become_done_step_records() {
        use crate::plan::{StepMark, StepRecord};
        let before: Value = serde_json::from_str(V2).unwrap();
        let done: Vec<&str> = before["done_steps"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
        assert!(done.len() > 10, "the fixture marks many steps done");
        let plan = plan_from_json(V2).unwrap();
        assert_eq!(plan.steps.len(), done.len());
        for key in done {
            assert_eq!(
                plan.step(key),
                Some(&StepRecord { status: Some(StepMark::Done), ..Default::default() }),
                "{key}"
            );
        }
        assert_eq!(plan.spine, None, "a v2 plan has not chosen a spine");
        let json = serde_json::to_value(&plan).unwrap();
        assert!(json.get("done_steps").is_none(), "the old key is gone, not kept beside the new one");
        for bad in [r#"{"done_steps": 5}"#, r#"{"done_steps": [5]}"#] {
            let mut value: Value = serde_json::from_str(V2).unwrap();
            value["done_steps"] = serde_json::from_str::<Value>(bad).unwrap()["done_steps"].clone();
            assert!(matches!(plan_from_value(&value), Err(LoadError::MigrationFailed { from: 2, .. })), "{bad}");
        }
    }

    const V3: &str = include_str!("../tests/fixtures/plan-v3.json");

    /// The roadmap's first anchoring step asked again for the problem, goals and strategies: in
    /// schema 4 each lives in one place, and nothing the team wrote in either is lost.
    #[test]
    fn v3_roadmap_copies_move_to_the_lup_fields_and_differing_ones_become_notes() {
        // The fixture holds both copies, differing: the LUP tools' values stay, the roadmap's
        // are notes.
        let plan = plan_from_json(V3).unwrap();
        let v3: Value = serde_json::from_str(V3).unwrap();
        assert!(plan.answers.keys().all(|k| !k.starts_with("anchoring/problem-goals/")), "{:?}", plan.answers.keys());
        for (old, new) in
            roadmap_facts_once::ROADMAP_SHARED.into_iter().filter(|(old, _)| !v3["answers"][old].is_null())
        {
            assert_eq!(
                serde_json::to_value(plan.answer(new)).unwrap(),
                v3["answers"][new],
                "{new} keeps its own value"
            );
            assert!(plan.merge_notes.iter().any(|n| n.key == new && n.from == old), "{old} is kept as a note");
        }
        // Only the roadmap held them: they move, and the goals become rows of the register.
        let mut value = v3.clone();
        let answers = value["answers"].as_object_mut().unwrap();
        answers.remove("needs/problem/what-goes-wrong");
        answers.insert(
            "leadership/strategic-link/plans".into(),
            v3["answers"]["anchoring/problem-goals/strategies"].clone(),
        );
        let first_goal = v3["registers"]["goals"][0]["cells"]["name"].as_str().unwrap().to_string();
        answers.insert(
            roadmap_facts_once::ROADMAP_GOALS.into(),
            serde_json::json!({ "list": [first_goal, " Pårørende får raskere beskjed ", ""] }),
        );
        let (plan, _) = plan_from_value(&value).unwrap();
        assert_eq!(
            serde_json::to_value(plan.answer("needs/problem/what-goes-wrong")).unwrap(),
            v3["answers"]["anchoring/problem-goals/problem"]
        );
        assert_eq!(
            plan.merge_notes.len(),
            v3["merge_notes"].as_array().unwrap().len(),
            "the same value twice is no note"
        );
        let goals = plan.register("goals");
        assert_eq!(
            goals.len(),
            v3["registers"]["goals"].as_array().unwrap().len() + 1,
            "a goal already in the register is not added twice"
        );
        let added = goals.last().unwrap();
        assert_eq!(
            (added.cell("name"), added.id),
            ("Pårørende får raskere beskjed", goals.iter().map(|r| r.id).max().unwrap())
        );
    }

    #[test]
    fn migration_chain_is_contiguous_and_ends_at_current() {
        for (i, Migration { from, name, .. }) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*from, 1 + i as u32, "steps must be ordered and gap-free: {name}");
            assert!(
                !name.is_empty() && MIGRATIONS.iter().filter(|m| m.name == *name).count() == 1,
                "{from}: a name of its own"
            );
        }
        assert_eq!(1 + MIGRATIONS.len() as u32, SCHEMA_VERSION);
    }

    #[test]
    fn every_shipped_fixture_loads() {
        let plan = plan_from_json(V1).expect("v1 fixture");
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
        assert!(plan.merge_notes.is_empty(), "nothing diverged in this fixture");
        assert_eq!(plan.title, "Digitalt nattilsyn");
        assert!(!plan.answers.is_empty());
        assert!(!plan.register("needs").is_empty());
    }

    #[test]
    fn refuses_newer_versions() {
        let newer = V1.replacen("\"schema_version\": 1", "\"schema_version\": 99", 1);
        assert_ne!(newer, V1);
        assert_eq!(plan_from_json(&newer), Err(LoadError::TooNew { found: 99, supported: SCHEMA_VERSION }));
    }

    #[test]
    fn tells_garbage_from_wrong_shape() {
        assert!(matches!(plan_from_json("{\"schema_version\": 1, \"id\": "), Err(LoadError::NotJson(_))));
        assert!(matches!(plan_from_json("\u{0}\u{1}binary"), Err(LoadError::NotJson(_))));
        assert_eq!(plan_from_json("[1,2,3]"), Err(LoadError::NotAPlan));
        assert_eq!(plan_from_json("{\"title\": \"no version\"}"), Err(LoadError::NotAPlan));
        assert_eq!(plan_from_json("{\"schema_version\": \"1\"}"), Err(LoadError::NotAPlan));
        assert_eq!(plan_from_json("{\"schema_version\": 0}"), Err(LoadError::NotAPlan));
        assert!(matches!(plan_from_json("{\"schema_version\": 1, \"id\": 5}"), Err(LoadError::Invalid(_))));
    }

    /// Every fixture as (schema version from its name, file name, text): `plan-v{n}.json` is
    /// the golden one of version n, `plan-v{n}-<case>.json` a special case.
    fn fixtures() -> Vec<(u32, String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let version =
                name.strip_prefix("plan-v").and_then(|rest| rest.split(['-', '.']).next()).and_then(|n| n.parse().ok());
            let version = version.unwrap_or_else(|| panic!("{name}: fixtures are named plan-v<version>[-<case>].json"));
            out.push((version, name, std::fs::read_to_string(&path).unwrap()));
        }
        out.sort();
        out
    }

    #[test]
    fn every_schema_version_has_a_golden_fixture_that_loads() {
        let fixtures = fixtures();
        for n in 1..=SCHEMA_VERSION {
            let golden = format!("plan-v{n}.json");
            assert!(
                fixtures.iter().any(|(_, name, _)| *name == golden),
                "schema {n} has no fixture: add core/tests/fixtures/{golden}"
            );
        }
        for (version, name, text) in &fixtures {
            let declared = serde_json::from_str::<Value>(text).unwrap()["schema_version"].as_u64();
            assert_eq!(declared, Some(u64::from(*version)), "{name} holds the version it is named for");
            let (plan, found) = load(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!((found, plan.schema_version), (*version, SCHEMA_VERSION), "{name}");
        }
    }

    /// Every text and number the user typed in a fixture's answers, registers and decision is
    /// still in the upgraded plan: as a value, or inside a merge note.
    #[test]
    fn upgrades_drop_nothing_typed() {
        fn leaves(value: &Value, out: &mut std::collections::BTreeSet<String>) {
            match value {
                Value::String(s) if !s.is_empty() => drop(out.insert(s.clone())),
                Value::Number(n) => drop(out.insert(n.to_string())),
                Value::Array(items) => items.iter().for_each(|v| leaves(v, out)),
                Value::Object(map) => map.values().for_each(|v| leaves(v, out)),
                _ => {}
            }
        }
        for (_, name, text) in fixtures() {
            let before: Value = serde_json::from_str(&text).unwrap();
            let after = serde_json::to_value(plan_from_json(&text).unwrap()).unwrap();
            let mut typed = Default::default();
            for part in ["answers", "registers", "decision"] {
                leaves(&before[part], &mut typed);
            }
            assert!(typed.len() > 5, "{name}: the walk found only {typed:?}");
            let mut kept = Default::default();
            leaves(&after, &mut kept);
            let notes: Vec<&str> =
                after["merge_notes"].as_array().unwrap().iter().filter_map(|n| n["value"].as_str()).collect();
            for leaf in typed {
                assert!(
                    kept.contains(&leaf) || notes.iter().any(|n| n.contains(leaf.as_str())),
                    "{name}: {leaf:?} was dropped"
                );
            }
        }
    }

    /// Reading an already parsed plan follows exactly the rules of reading its text.
    #[test]
    fn a_parsed_plan_loads_as_its_text_does() {
        let odd = [
            r#"{"schema_version": "1"}"#,
            r#"{"schema_version": 0}"#,
            r#"{"schema_version": -1}"#,
            r#"{"schema_version": 99}"#,
            r#"{"schema_version": null}"#,
            r#"{"title": "no version"}"#,
            r#"{"schema_version": 1, "id": 5}"#,
            r#"{"schema_version": 2, "id": 5}"#,
            r#"{"schema_version": 1, "answers": []}"#,
            "[1, 2]",
            "null",
        ];
        let texts = fixtures().into_iter().map(|(_, _, text)| text).chain(odd.iter().map(|s| s.to_string()));
        // Serde's message for a parsed value has no line and column; the error is the same.
        let without_place = |r: Result<(Plan, u32), LoadError>| match r {
            Err(LoadError::Invalid(m)) => {
                Err(LoadError::Invalid(m.split(" at line ").next().unwrap_or_default().to_string()))
            }
            other => other,
        };
        for text in texts {
            let value: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(without_place(plan_from_value(&value)), without_place(load(&text)), "{text}");
        }
    }

    #[test]
    fn round_trip_is_stable() {
        let plan = plan_from_json(V1).unwrap();
        let once = serde_json::to_string(&plan).unwrap();
        let twice = serde_json::to_string(&plan_from_json(&once).unwrap()).unwrap();
        assert_eq!(once, twice);
    }
}
