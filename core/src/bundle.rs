//! Content travels to the app one language at a time, in two files. The UI texts
//! (`content/<lang>.ui.json`) are all the library's first view needs; the content bundle
//! (`content/<lang>.json`) holds everything else written for users in that language: the
//! worksheets, the roadmap and crosswalk, the decision texts and the legal rules. [`make`] and
//! [`make_ui`] build them from the trilingual sources (the build's `make-bundles` step and the
//! tests use the same functions); [`install_ui`] and [`install`] read them in the app. The first
//! content bundle sets the content; a later language's bundle must have exactly the same shape
//! and only adds its texts.

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

/// Where the app finds a language's content bundle, relative to the page.
pub fn url(lang: Lang) -> String {
    format!("content/{}.json", lang.code())
}

/// Where the app finds a language's UI texts, relative to the page.
pub fn ui_url(lang: Lang) -> String {
    format!("content/{}.ui.json", lang.code())
}

/// UI texts only the parts' views use (by their key's first part): they travel in the content
/// bundle, which every part waits for, so the library's first file stays small. A test checks
/// that the library's sources use none of them.
pub const PART_TEXTS: [&str; 21] = [
    "about", "benefit", "compare", "crosswalk", "dashboard", "decision", "document", "facts", "field", "guide", "help",
    "nav", "overview", "plan_document", "register", "roadmap", "save", "step", "step_record", "value", "versions",
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
    let part_texts: Map<String, Value> =
        locale(lang, read)?.into_iter().filter(|(k, _)| is_part_text(k)).map(|(k, v)| (k, Value::String(v))).collect();
    bundle.insert("texts".into(), Value::Object(part_texts));
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
    /// The parts' views' UI texts: one language's own words, so not part of the shape check.
    texts: BTreeMap<String, String>,
}

/// What the first bundle set up; later languages fill in its texts.
struct Installed {
    content: &'static Content,
    decision: &'static DecisionText,
    legal: &'static [Rule],
}

static INSTALLED: OnceLock<Installed> = OnceLock::new();
/// The text handles of the first bundle, in order, and which languages' content is in.
static HANDLES: Mutex<Handles> = Mutex::new((Vec::new(), [false; 3]));
/// Which languages' UI texts are in.
static UI: Mutex<[bool; 3]> = Mutex::new([false; 3]);

type Handles = (Vec<Text>, [bool; 3]);

/// Whether `lang`'s UI texts are in.
pub fn ui_installed(lang: Lang) -> bool {
    UI.lock().unwrap_or_else(|e| e.into_inner())[lang.index()]
}

/// Whether `lang`'s content is in.
pub fn installed(lang: Lang) -> bool {
    HANDLES.lock().unwrap_or_else(|e| e.into_inner()).1[lang.index()]
}

/// Takes `lang`'s UI texts (the JSON text of its `.ui.json`).
pub fn install_ui(lang: Lang, json: &str) -> Result<(), String> {
    let mut ui = UI.lock().unwrap_or_else(|e| e.into_inner());
    if ui[lang.index()] {
        return Ok(());
    }
    let texts: BTreeMap<String, String> = serde_json::from_str(json).map_err(|e| format!("{}: {e}", ui_url(lang)))?;
    crate::i18n::install(lang, texts);
    ui[lang.index()] = true;
    Ok(())
}

/// Takes `lang`'s content bundle (its JSON text): the first sets up the content, a later one is
/// read against it, so a bundle that does not fit is refused with nothing changed.
pub fn install(lang: Lang, json: &str) -> Result<(), String> {
    let mut handles = HANDLES.lock().unwrap_or_else(|e| e.into_inner());
    if handles.1[lang.index()] {
        return Ok(());
    }
    let texts = if INSTALLED.get().is_none() {
        read_first(lang, json, &mut handles)?
    } else {
        let (read, texts) = read_later(lang, json, &handles.0)?;
        commit(lang, &handles.0, read.pending);
        texts
    };
    crate::i18n::install_parts(lang, texts);
    handles.1[lang.index()] = true;
    Ok(())
}

/// Builds the content from the first bundle; returns its UI texts.
fn read_first(lang: Lang, json: &str, handles: &mut Handles) -> Result<BTreeMap<String, String>, String> {
    let (parsed, read) = read_bundle(lang, None, || serde_json::from_str::<Bundle>(json));
    let bundle = parsed.map_err(|e| format!("{}: {e}", url(lang)))?;
    let tools: Vec<&str> = bundle.tools.iter().map(|t| t.id.as_str()).collect();
    let phases: Vec<&str> = bundle.phases.iter().map(|p| p.worksheet.id.as_str()).collect();
    if tools != TOOL_IDS || phases != PHASE_IDS {
        return Err(format!("tools {tools:?} or phases {phases:?} out of order"));
    }
    let Bundle { registers, tools, mut roadmap, phases, crosswalk, decision, legal, texts } = bundle;
    roadmap.phases = phases;
    let content = Content { registers, tools, roadmap, crosswalk };
    let installed = Installed {
        content: Box::leak(Box::new(content)),
        decision: Box::leak(Box::new(decision)),
        legal: Box::leak(legal.into_boxed_slice()),
    };
    INSTALLED.set(installed).map_err(|_| "content installed twice".to_string())?;
    handles.0 = read.handles;
    Ok(texts)
}

/// The content and its texts. The app fetches a content bundle before any view or file
/// reader that needs it runs, so reaching this without one is a defect.
fn installed_content() -> &'static Installed {
    ensure_for_tests();
    INSTALLED.get().expect("a content bundle is installed before the content is read")
}

/// Reads a later language's bundle against the handles of the first: its strings wait in the
/// result until committed, and a bundle of another shape is refused with nothing changed.
fn read_later(lang: Lang, json: &str, handles: &[Text]) -> Result<(crate::text::Read, BTreeMap<String, String>), String> {
    let installed = INSTALLED.get().ok_or("no first bundle")?;
    let (parsed, read) = read_bundle(lang, Some(handles.to_vec()), || serde_json::from_str::<Bundle>(json));
    let bundle = parsed.map_err(|e| format!("{}: {e}", url(lang)))?;
    let same_shape = read.pending.len() == handles.len()
        && bundle.registers == installed.content.registers
        && bundle.tools == installed.content.tools
        && bundle.phases == installed.content.roadmap.phases
        && bundle.crosswalk == installed.content.crosswalk
        && bundle.decision == *installed.decision
        && bundle.legal == installed.legal;
    if !same_shape {
        return Err(format!("{} does not match the content already loaded", url(lang)));
    }
    Ok((read, bundle.texts))
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
            let ui = make_ui(lang, &read_source).unwrap_or_else(|e| panic!("UI texts {lang:?}: {e}"));
            install_ui(lang, &ui).unwrap_or_else(|e| panic!("install UI texts {lang:?}: {e}"));
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
        assert_eq!(crate::i18n::t(Lang::Nn, "footer.about_link"), "Om appen og personvern");
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
    fn the_ui_texts_travel_apart_from_the_content() {
        let nb = make(Lang::Nb, &read_source).unwrap();
        let ui = make_ui(Lang::Nb, &read_source).unwrap();
        assert!(ui.contains("\"footer.about_link\":\"Om appen og personvern\""));
        assert!(!nb.contains("footer.about_link"), "the content bundle carries no library texts");
        assert!(nb.contains("\"overview.keep.title\""), "but the parts' views' texts");
        assert!(!ui.contains("\"overview.keep.title\""));
        assert!(!ui.contains("\"registers\"") && !ui.contains("\"steps\""), "the UI file carries no worksheets");
        assert!(ui.len() * 4 < nb.len(), "the UI texts are the small part: {} vs {}", ui.len(), nb.len());
        assert!(install_ui(Lang::Nb, "{\"a\": 1}").is_ok(), "already in: not read again");
        assert!(make_ui(Lang::Nb, &|_| Ok("{\"a\": 1}".into())).is_err(), "a locale must be texts only");
    }

    /// The library's first view has only the `.ui.json` texts: its sources (the entry files and
    /// every module of ours they name, as scripts/purge-css.mjs finds them) may use no text
    /// that travels with the content.
    #[test]
    fn the_library_uses_no_part_texts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut found: Vec<std::path::PathBuf> = ["src/app.rs", "src/lib.rs", "src/pages/home.rs"].iter().map(|f| root.join(f)).collect();
        found.extend(std::fs::read_dir(root.join("src/pages/home")).unwrap().map(|e| e.unwrap().path()));
        let path = regex::Regex::new(r"crate::((?:[a-z_]+::)*[a-z_]+)").unwrap();
        let key = regex::Regex::new(r#""([a-z_]+)\.[a-z0-9_.]+""#).unwrap();
        let mut i = 0;
        let mut offending = Vec::new();
        while i < found.len() {
            let src = std::fs::read_to_string(&found[i]).unwrap();
            for c in key.captures_iter(&src) {
                if PART_TEXTS.contains(&&c[1]) {
                    offending.push(format!("{}: {}", found[i].display(), &c[0]));
                }
            }
            for c in path.captures_iter(&src) {
                let parts: Vec<&str> = c[1].split("::").collect();
                if parts[0] == "pages" {
                    continue;
                }
                for n in (1..=parts.len()).rev() {
                    let file = root.join(format!("src/{}.rs", parts[..n].join("/")));
                    if file.is_file() {
                        if !found.contains(&file) {
                            found.push(file);
                        }
                        break;
                    }
                }
            }
            i += 1;
        }
        assert!(found.len() > 20, "found only {} library files: is the scan broken?", found.len());
        assert!(offending.is_empty(), "the library uses texts that come with the content: {offending:?}");
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
