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

/// One upgrade step: turns a plan of schema `from` into schema `from + 1`, in place.
type Step = fn(&mut Value) -> Result<(), String>;

/// The upgrade chain, ordered by `from`. Empty while schema 1 is the only one shipped; a new
/// version adds `(1, v1_to_v2)` here and a fixture `plan-v1.json` stays as its test.
const MIGRATIONS: &[(u32, Step)] = &[];

#[derive(Deserialize)]
struct VersionPeek {
    schema_version: Option<u64>,
}

/// Parses a stored or imported plan, upgrading older schema versions.
pub fn plan_from_json(json: &str) -> Result<Plan, LoadError> {
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
    let found = peek.schema_version.ok_or(LoadError::NotAPlan)?;
    if found > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::TooNew { found, supported: SCHEMA_VERSION });
    }
    if found == u64::from(SCHEMA_VERSION) {
        return serde_json::from_str(json).map_err(|e| LoadError::Invalid(e.to_string()));
    }
    let mut value: Value = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let mut version = found as u32;
    if version == 0 {
        return Err(LoadError::NotAPlan);
    }
    while version < SCHEMA_VERSION {
        let step = MIGRATIONS
            .iter()
            .find(|(from, _)| *from == version)
            .ok_or(LoadError::MigrationFailed { from: version, reason: "no upgrade step".into() })?;
        (step.1)(&mut value).map_err(|reason| LoadError::MigrationFailed { from: version, reason })?;
        version += 1;
        value["schema_version"] = Value::from(version);
    }
    serde_json::from_value(value).map_err(|e| LoadError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = include_str!("../tests/fixtures/plan-v1.json");

    #[test]
    fn migration_chain_is_contiguous_and_ends_at_current() {
        for (i, (from, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*from, 1 + i as u32, "steps must be ordered and gap-free");
        }
        assert_eq!(1 + MIGRATIONS.len() as u32, SCHEMA_VERSION);
    }

    #[test]
    fn every_shipped_fixture_loads() {
        let plan = plan_from_json(V1).expect("v1 fixture");
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
        assert_eq!(plan.title, "Digitalt nattilsyn");
        assert!(!plan.answers.is_empty());
        assert!(!plan.register("needs").is_empty());
    }

    #[test]
    fn refuses_newer_versions() {
        let newer = V1.replacen("\"schema_version\": 1", "\"schema_version\": 99", 1);
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
        assert!(matches!(
            plan_from_json("{\"schema_version\": 1, \"id\": 5}"),
            Err(LoadError::Invalid(_))
        ));
    }

    #[test]
    fn round_trip_is_stable() {
        let plan = plan_from_json(V1).unwrap();
        let once = serde_json::to_string(&plan).unwrap();
        let twice = serde_json::to_string(&plan_from_json(&once).unwrap()).unwrap();
        assert_eq!(once, twice);
    }
}
