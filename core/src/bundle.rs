//! Content travels to the app one language at a time, in two files. The UI texts
//! (`content/<lang>.ui.json`) are all the library's first view needs; the content bundle
//! (`content/<lang>.json`) holds everything else written for users in that language: the
//! worksheets, the roadmap and crosswalk, the decision texts and the legal rules. [`make`] and
//! [`make_ui`] build them from the trilingual sources (the build's `make-bundles` step and the
//! tests use the same functions); [`crate::catalog`] reads them. In a content bundle every text
//! is a number into its `strings`, so each language's bundle has the same shape and differs only
//! in that list.

use crate::Lang;
use std::collections::BTreeMap;

/// The source files of a bundle, relative to the repository root. Tools and phases in the
/// order of [`TOOL_IDS`] and [`PHASE_IDS`].
pub const SOURCES: Sources = Sources {
    registers: "content/registers.json",
    tools: [
        "content/tools/leadership.json",
        "content/tools/startup.json",
        "content/tools/needs.json",
        "content/tools/dialogue.json",
    ],
    roadmap: "content/roadmap.json",
    phases: [
        "content/roadmap/anchoring.json",
        "content/roadmap/insight.json",
        "content/roadmap/development.json",
        "content/roadmap/piloting.json",
        "content/roadmap/transition.json",
        "content/roadmap/practice.json",
    ],
    crosswalk: "content/crosswalk.json",
    decision: "content/decision.json",
    legal: "content/legal-rules.json",
};

pub struct Sources {
    pub registers: &'static str,
    pub tools: [&'static str; 4],
    pub roadmap: &'static str,
    pub phases: [&'static str; 6],
    pub crosswalk: &'static str,
    pub decision: &'static str,
    pub legal: &'static str,
}

/// Where the app finds a language's content bundle, relative to the page.
pub fn url(lang: Lang) -> String {
    format!("content/{}.json", lang.code())
}

/// Where the app finds a language's UI texts, relative to the page.
pub fn ui_url(lang: Lang) -> String {
    format!("content/{}.ui.json", lang.code())
}

/// UI texts only the parts' views use (by their key's first part): they travel in the content
/// bundle, which every part waits for, so the library's first file stays small. A test
/// (`core/tests/app_sources.rs`) checks that this is exactly the namespaces of `locales/` that the
/// first load's sources (`src/library/` and what it names) do not use, bar those it lists.
///
/// `file_error`, `export_error` and `conflict` are the library's too, but only once a file is
/// read or written or a save conflicts, which needs the content first (the plan reader checks a
/// plan against it): the import panel waits for the content before it reports a file refused
/// by size alone. `import_conflict` is the import's dialog for a plan that is here already, and
/// `import_result` and `export_result` what an import or export did: all come only after the plan
/// reader or writer ran, so the content is in. `status` is the parts' progress tags.
pub const PART_TEXTS: [&str; 29] = [
    "about",
    "benefit",
    "compare",
    "conflict",
    "crosswalk",
    "dashboard",
    "decision",
    "document",
    "export_error",
    "export_result",
    "facts",
    "field",
    "file_error",
    "guide",
    "help",
    "import_conflict",
    "import_result",
    "nav",
    "overview",
    "plan",
    "plan_document",
    "register",
    "roadmap",
    "save",
    "status",
    "step",
    "step_record",
    "value",
    "versions",
];

fn is_part_text(key: &str) -> bool {
    PART_TEXTS.contains(&key.split('.').next().unwrap_or(key))
}

fn locale(lang: Lang, read: &dyn Fn(&str) -> Result<String, String>) -> Result<BTreeMap<String, String>, String> {
    let path = locale_source(lang);
    serde_json::from_str(&read(&path)?).map_err(|e| format!("{path}: {e}"))
}

/// The locale file of a language (UI texts: a flat map, already one language).
pub fn locale_source(lang: Lang) -> String {
    format!("locales/{}.json", lang.code())
}

/// Builds the UI texts file for `lang` from its locale file (checked to be a flat map of texts):
/// every text but the parts' views' ones and boot.js's (`boot.`, written into boot.js at build time
/// by scripts/boot-texts.mjs, shown when the app's code cannot be loaded).
pub fn make_ui(lang: Lang, read: &dyn Fn(&str) -> Result<String, String>) -> Result<String, String> {
    let texts: BTreeMap<String, String> =
        locale(lang, read)?.into_iter().filter(|(k, _)| !is_part_text(k) && !k.starts_with("boot.")).collect();
    serde_json::to_string(&texts).map_err(|e| e.to_string())
}

/// Builds the content bundle for `lang` from the sources; `read` gives a source file's text.
pub fn make(lang: Lang, read: &dyn Fn(&str) -> Result<String, String>) -> Result<String, String> {
    use serde_json::{Map, Value};
    let mut strings = Vec::new();
    let mut load = |path: &str| -> Result<Value, String> {
        let value: Value = serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
        Ok(one_language(value, lang, &mut strings))
    };
    let field = |value: Value, key: &str, path: &str| -> Result<Value, String> {
        match value {
            Value::Object(mut map) => map.remove(key).ok_or_else(|| format!("{path}: no \"{key}\"")),
            _ => Err(format!("{path}: not an object")),
        }
    };
    let mut bundle = Map::new();
    bundle.insert("registers".into(), field(load(SOURCES.registers)?, "registers", SOURCES.registers)?);
    bundle.insert("tools".into(), Value::Array(SOURCES.tools.iter().map(|p| load(p)).collect::<Result<_, _>>()?));
    bundle.insert("roadmap".into(), load(SOURCES.roadmap)?);
    bundle.insert("phases".into(), Value::Array(SOURCES.phases.iter().map(|p| load(p)).collect::<Result<_, _>>()?));
    bundle.insert("crosswalk".into(), load(SOURCES.crosswalk)?);
    bundle.insert("decision".into(), load(SOURCES.decision)?);
    bundle.insert("legal".into(), field(load(SOURCES.legal)?, "rules", SOURCES.legal)?);
    bundle.insert("strings".into(), Value::Array(strings.into_iter().map(Value::String).collect()));
    let part_texts: Map<String, Value> =
        locale(lang, read)?.into_iter().filter(|(k, _)| is_part_text(k)).map(|(k, v)| (k, Value::String(v))).collect();
    bundle.insert("texts".into(), Value::Object(part_texts));
    serde_json::to_string(&Value::Object(bundle)).map_err(|e| e.to_string())
}

/// Replaces every `{"nb": …, "nn": …, "en": …}` (a text in three languages) by the number of its
/// `lang` string, pushed to `strings`. The sources are read in the same order for every language,
/// so a text has the same number in each.
fn one_language(value: serde_json::Value, lang: Lang, strings: &mut Vec<String>) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let is_text = map.len() == 3 && Lang::ALL.iter().all(|l| map.get(l.code()).is_some_and(Value::is_string));
            if is_text {
                strings.push(map.get(lang.code()).and_then(Value::as_str).unwrap_or_default().to_string());
                Value::from(strings.len() - 1)
            } else {
                Value::Object(map.into_iter().map(|(k, v)| (k, one_language(v, lang, strings))).collect())
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| one_language(v, lang, strings)).collect()),
        other => other,
    }
}

/// A source file's text, for the build step and the tests.
pub fn read_source(path: &str) -> Result<String, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).map_err(|e| format!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_holds_one_language_only() {
        let nb = make(Lang::Nb, &read_source).unwrap();
        assert!(nb.contains("\"Behovskartlegging\""));
        assert!(nb.contains("\"title\":"), "the shape is there, its texts as numbers");
        assert!(!nb.contains("Needs mapping"), "no English in the bokmål bundle");
        assert!(!nb.contains("\"nn\":"), "no text object left");
        let en = make(Lang::En, &read_source).unwrap();
        assert!(en.len() < nb.len() * 2, "about one language's worth");
    }

    #[test]
    fn the_ui_texts_travel_apart_from_the_content() {
        let nb = make(Lang::Nb, &read_source).unwrap();
        let ui = make_ui(Lang::Nb, &read_source).unwrap();
        assert!(ui.contains("\"footer.about_link\":\"Om appen og personvern\""));
        assert!(!nb.contains("footer.about_link"), "the content bundle carries no library texts");
        assert!(nb.contains("\"overview.keep.title\""), "but the parts' views' texts");
        assert!(!ui.contains("\"overview.keep.title\""));
        assert!(!ui.contains("\"registers\"") && !ui.contains("\"steps\""), "the UI file carries no worksheets");
        assert!(ui.len() * 4 < nb.len(), "the UI texts are the small part: {} vs {}", ui.len(), nb.len());
        assert!(make_ui(Lang::Nb, &|_| Ok("{\"a\": 1}".into())).is_err(), "a locale must be texts only");
    }
}
