//! Content travels to the app one language at a time. A bundle (`content/<lang>.json` in the
//! build) holds everything written for users in that language: the worksheets, the roadmap and
//! crosswalk, the decision texts, the legal rules and the UI texts. [`make`] builds it from the
//! trilingual sources (the build's `make-bundles` step and the tests use the same function);
//! [`install`] reads it in the app. The first bundle sets the content; a later language's bundle
//! must have exactly the same shape and only adds its texts.

use crate::content::{Content, Crosswalk, Phase, Register, Roadmap, Tool, PHASE_IDS, TOOL_IDS};
use crate::decision_text::DecisionText;
use crate::legal::Rule;
use crate::text::{commit, read_bundle, Text};
use crate::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

/// The source files of a bundle, relative to the repository root. Tools and phases in the
/// order of [`TOOL_IDS`] and [`PHASE_IDS`].
pub const SOURCES: Sources = Sources {
    registers: "content/registers.json",
    tools: ["content/tools/leadership.json", "content/tools/startup.json", "content/tools/needs.json", "content/tools/dialogue.json"],
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

/// Where the app finds a language's bundle, relative to the page.
pub fn url(lang: Lang) -> String {
    format!("content/{}.json", lang.code())
}

/// The locale file of a language (UI texts: a flat map, already one language).
pub fn locale_source(lang: Lang) -> String {
    format!("locales/{}.json", lang.code())
}

/// Builds the bundle for `lang` from the sources; `read` gives a source file's text.
pub fn make(lang: Lang, read: &dyn Fn(&str) -> Result<String, String>) -> Result<String, String> {
    use serde_json::{Map, Value};
    let load = |path: &str| -> Result<Value, String> {
        let value: Value = serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
        Ok(one_language(value, lang))
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
    let locale = locale_source(lang);
    bundle.insert("locale".into(), serde_json::from_str(&read(&locale)?).map_err(|e| format!("{locale}: {e}"))?);
    serde_json::to_string(&Value::Object(bundle)).map_err(|e| e.to_string())
}

/// Replaces every `{"nb": …, "nn": …, "en": …}` (a text in three languages) by its `lang` string.
fn one_language(value: serde_json::Value, lang: Lang) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let is_text = map.len() == 3 && Lang::ALL.iter().all(|l| map.get(l.code()).is_some_and(Value::is_string));
            if is_text {
                map.get(lang.code()).cloned().unwrap_or(Value::Null)
            } else {
                Value::Object(map.into_iter().map(|(k, v)| (k, one_language(v, lang))).collect())
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| one_language(v, lang)).collect()),
        other => other,
    }
}

#[derive(Deserialize)]
struct Bundle {
    registers: Vec<Register>,
    tools: Vec<Tool>,
    roadmap: Roadmap,
    phases: Vec<Phase>,
    crosswalk: Crosswalk,
    decision: DecisionText,
    legal: Vec<Rule>,
    /// The UI texts: one language's own words, so not part of the shape check.
    locale: BTreeMap<String, String>,
}

/// What the first bundle set up; later languages fill in its texts.
struct Installed {
    content: &'static Content,
    decision: &'static DecisionText,
    legal: &'static [Rule],
}

static INSTALLED: OnceLock<Installed> = OnceLock::new();
/// The text handles of the first bundle, in order, and which languages are in.
static HANDLES: Mutex<Handles> = Mutex::new((Vec::new(), [false; 3]));

/// Whether `lang`'s bundle is in.
pub fn installed(lang: Lang) -> bool {
    HANDLES.lock().unwrap_or_else(|e| e.into_inner()).1[lang.index()]
}

/// The first bundle's text, kept until the content is first needed: the library's first view
/// needs only the UI texts, so the worksheets are read when something first asks for them.
static FIRST: Mutex<Option<(Lang, String)>> = Mutex::new(None);

/// Only the UI texts of a bundle (the rest is skipped, not built).
#[derive(Deserialize)]
struct LocaleOnly {
    locale: BTreeMap<String, String>,
}

type Handles = (Vec<Text>, [bool; 3]);

/// Takes `lang`'s bundle (its JSON text): its UI texts at once, its content when first needed
/// (the first language) or at once against the first (a later one, so a bundle that does not fit
/// is refused here).
pub fn install(lang: Lang, json: &str) -> Result<(), String> {
    let mut handles = HANDLES.lock().unwrap_or_else(|e| e.into_inner());
    if handles.1[lang.index()] {
        return Ok(());
    }
    let first_waits = FIRST.lock().unwrap_or_else(|e| e.into_inner()).is_some();
    if INSTALLED.get().is_none() && !first_waits {
        let locale = serde_json::from_str::<LocaleOnly>(json).map_err(|e| format!("content/{}.json: {e}", lang.code()))?.locale;
        crate::i18n::install(lang, locale);
        *FIRST.lock().unwrap_or_else(|e| e.into_inner()) = Some((lang, json.to_string()));
    } else {
        read_first(&mut handles)?;
        let (read, locale) = read_later(lang, json, &handles.0)?;
        commit(lang, &handles.0, read.pending);
        crate::i18n::install(lang, locale);
    }
    handles.1[lang.index()] = true;
    Ok(())
}

/// Builds the content from the first bundle, if that has not happened yet.
fn read_first(handles: &mut Handles) -> Result<(), String> {
    if INSTALLED.get().is_some() {
        return Ok(());
    }
    let Some((lang, json)) = FIRST.lock().unwrap_or_else(|e| e.into_inner()).take() else {
        return Err("no content bundle is installed".into());
    };
    let (parsed, read) = read_bundle(lang, None, || serde_json::from_str::<Bundle>(&json));
    let bundle = parsed.map_err(|e| format!("content/{}.json: {e}", lang.code()))?;
    let tools: Vec<&str> = bundle.tools.iter().map(|t| t.id.as_str()).collect();
    let phases: Vec<&str> = bundle.phases.iter().map(|p| p.worksheet.id.as_str()).collect();
    if tools != TOOL_IDS || phases != PHASE_IDS {
        return Err(format!("tools {tools:?} or phases {phases:?} out of order"));
    }
    let Bundle { registers, tools, mut roadmap, phases, crosswalk, decision, legal, .. } = bundle;
    roadmap.phases = phases;
    let content = Content { registers, tools, roadmap, crosswalk };
    let installed = Installed {
        content: Box::leak(Box::new(content)),
        decision: Box::leak(Box::new(decision)),
        legal: Box::leak(legal.into_boxed_slice()),
    };
    INSTALLED.set(installed).map_err(|_| "content installed twice".to_string())?;
    handles.0 = read.handles;
    Ok(())
}

/// The content and its texts, reading the first bundle now if nothing has yet.
fn installed_content() -> &'static Installed {
    ensure_for_tests();
    if let Some(installed) = INSTALLED.get() {
        return installed;
    }
    let mut handles = HANDLES.lock().unwrap_or_else(|e| e.into_inner());
    // The bundle comes from this build, made from the tested sources: failing here is a defect.
    read_first(&mut handles).unwrap_or_else(|e| panic!("content bundle: {e}"));
    INSTALLED.get().expect("just read")
}

/// Reads a later language's bundle against the handles of the first: its strings wait in the
/// result until committed, and a bundle of another shape is refused with nothing changed.
fn read_later(lang: Lang, json: &str, handles: &[Text]) -> Result<(crate::text::Read, BTreeMap<String, String>), String> {
    let installed = INSTALLED.get().ok_or("no first bundle")?;
    let (parsed, read) = read_bundle(lang, Some(handles.to_vec()), || serde_json::from_str::<Bundle>(json));
    let bundle = parsed.map_err(|e| format!("content/{}.json: {e}", lang.code()))?;
    let same_shape = read.pending.len() == handles.len()
        && bundle.registers == installed.content.registers
        && bundle.tools == installed.content.tools
        && bundle.phases == installed.content.roadmap.phases
        && bundle.crosswalk == installed.content.crosswalk
        && bundle.decision == *installed.decision
        && bundle.legal == installed.legal;
    if !same_shape {
        return Err(format!("content/{}.json does not match the content already loaded", lang.code()));
    }
    Ok((read, bundle.locale))
}

/// The content, once a bundle is in. Tests install all three languages from the sources.
pub(crate) fn content() -> &'static Content {
    installed_content().content
}

pub(crate) fn decision_text() -> &'static DecisionText {
    installed_content().decision
}

pub(crate) fn legal_rules() -> &'static [Rule] {
    installed_content().legal
}

/// In tests, the three bundles made from the sources on disk, so every test reads what the
/// app would.
#[cfg(test)]
pub(crate) fn ensure_for_tests() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for lang in Lang::ALL {
            let json = make(lang, &read_source).unwrap_or_else(|e| panic!("bundle {lang:?}: {e}"));
            install(lang, &json).unwrap_or_else(|e| panic!("install {lang:?}: {e}"));
        }
    });
}

#[cfg(not(test))]
#[inline]
pub(crate) fn ensure_for_tests() {}

/// A source file's text, for the build step and the tests.
pub fn read_source(path: &str) -> Result<String, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).map_err(|e| format!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_fills_the_same_texts() {
        let content = content();
        let title = &content.tools[2].title;
        assert_eq!(title.get(Lang::Nb), "Behovskartlegging");
        assert_eq!(title.get(Lang::En), "Needs mapping");
        assert!(Lang::ALL.iter().all(|l| installed(*l)));
        assert_eq!(crate::i18n::t(Lang::Nn, "about.link"), "Om appen og personvern");
    }

    #[test]
    fn a_bundle_holds_one_language_only() {
        let nb = make(Lang::Nb, &read_source).unwrap();
        assert!(nb.contains("\"Behovskartlegging\""));
        assert!(!nb.contains("Needs mapping"), "no English in the bokmål bundle");
        assert!(!nb.contains("\"nn\":"), "no text object left");
        let en = make(Lang::En, &read_source).unwrap();
        assert!(en.len() < nb.len() * 2, "about one language's worth");
    }

    #[test]
    fn a_bundle_of_another_shape_is_refused() {
        content();
        let handles = HANDLES.lock().unwrap().0.clone();
        let en = make(Lang::En, &read_source).unwrap();
        assert!(read_later(Lang::En, &en, &handles).is_ok(), "the real bundle fits");
        let changed = en.replacen("\"id\":\"needs\"", "\"id\":\"needs-changed\"", 1);
        assert_ne!(changed, en);
        assert!(read_later(Lang::En, &changed, &handles).unwrap_err().contains("does not match"));
        let shorter = en.replacen("\"Needs mapping\"", "{\"nb\": \"a\", \"nn\": \"b\", \"en\": \"c\"}", 1);
        assert_ne!(shorter, en);
        assert!(read_later(Lang::En, &shorter, &handles).is_err(), "one text fewer from the bundle");
        assert_eq!(content().tools[2].title.get(Lang::En), "Needs mapping", "nothing was committed");
    }
}
