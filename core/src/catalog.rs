//! Everything written for users that the app has loaded so far, as one value.
//!
//! Texts arrive one language at a time (see [`crate::bundle`] for the files): first a language's
//! UI texts ([`Texts`], all the library needs), then its content bundle, which makes a
//! [`Catalog`]: the worksheets, the roadmap and crosswalk, the decision texts and the legal rules,
//! with the texts of every language loaded so far. Nothing here is global: the app keeps the
//! newest value and hands it to whatever needs it; a test makes its own.
//!
//! A content text is a [`Text`] handle. The first content bundle fixes the content's shape (its
//! ids, structure and text handles); a later language's bundle must have exactly the same shape
//! and only adds its strings, so a view holding a `&Tool` can show it in any loaded language.
//! The shape and the strings are leaked on purpose: they live as long as the app does, at most
//! once per language, and every view can then borrow them for `'static`.

use crate::content::{Content, Crosswalk, DecisionText, Phase, Register, Roadmap, Rule, Tool, PHASE_IDS, TOOL_IDS};
use crate::text::Text;
use crate::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

type Table = BTreeMap<String, String>;

/// The UI texts of the languages loaded so far: per language the library's (`<lang>.ui.json`)
/// and, once its content is in, the parts' views' (see [`crate::bundle::PART_TEXTS`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Texts {
    library: [Option<&'static Table>; 3],
    parts: [Option<&'static Table>; 3],
}

impl Texts {
    /// These texts and `lang`'s library texts (the JSON of its `.ui.json`).
    pub fn with_ui(mut self, lang: Lang, json: &str) -> Result<Texts, String> {
        if self.library[lang.index()].is_none() {
            let table: Table =
                serde_json::from_str(json).map_err(|e| format!("{}: {e}", crate::bundle::ui_url(lang)))?;
            self.library[lang.index()] = Some(Box::leak(Box::new(table)));
        }
        Ok(self)
    }

    /// Whether `lang`'s library texts are in.
    pub fn has(&self, lang: Lang) -> bool {
        self.library[lang.index()].is_some()
    }

    /// The text for `key`. A missing key shows the key itself, which the tests keep from shipping.
    pub fn t(&self, lang: Lang, key: &str) -> &'static str {
        let tables = [self.library[lang.index()], self.parts[lang.index()]];
        match tables.into_iter().flatten().find_map(|table| table.get(key)) {
            Some(text) => text.as_str(),
            // Only reached by a defect the tests catch; leaking a few bytes beats a blank label.
            None => Box::leak(key.to_string().into_boxed_str()),
        }
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn tf(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.t(lang, key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// The plural form of `key` for `count`, with `{count}` and the other placeholders filled.
    ///
    /// Bokmål, nynorsk and English all have two forms: `key.one` for exactly 1, `key.other` for
    /// every other number, 0 included.
    pub fn tn(&self, lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        let form = if count == 1 { "one" } else { "other" };
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        self.tf(lang, &format!("{key}.{form}"), &all)
    }

    /// Every key loaded for `lang` (for the tests and for tooling).
    pub fn keys(&self, lang: Lang) -> impl Iterator<Item = &'static str> {
        [self.library[lang.index()], self.parts[lang.index()]]
            .into_iter()
            .flatten()
            .flat_map(|t| t.keys().map(String::as_str))
    }
}

/// The content's shape: what the first content bundle set up, the same for every language.
#[derive(Debug, PartialEq)]
pub struct Shape {
    pub content: Content,
    pub decision: DecisionText,
    pub legal: Vec<Rule>,
}

/// The content and every text of the languages loaded so far. `Copy`: it is a few pointers.
#[derive(Clone, Copy, Debug)]
pub struct Catalog {
    texts: Texts,
    shape: &'static Shape,
    strings: [Option<&'static [Box<str>]>; 3],
}

/// A content bundle as it is stored: the shape with its texts as numbers into `strings`.
#[derive(Deserialize)]
struct Bundle {
    registers: Vec<Register>,
    tools: Vec<Tool>,
    roadmap: Roadmap,
    phases: Vec<Phase>,
    crosswalk: Crosswalk,
    decision: DecisionText,
    legal: Vec<Rule>,
    /// This language's content texts, in the order of their handles.
    strings: Vec<Box<str>>,
    /// The parts' views' UI texts.
    texts: Table,
}

fn read(lang: Lang, json: &str) -> Result<(Shape, Vec<Box<str>>, Table), String> {
    let bundle: Bundle = serde_json::from_str(json).map_err(|e| format!("{}: {e}", crate::bundle::url(lang)))?;
    let Bundle { registers, tools, mut roadmap, phases, crosswalk, decision, legal, strings, texts } = bundle;
    roadmap.phases = phases;
    let shape = Shape { content: Content { registers, tools, roadmap, crosswalk }, decision, legal };
    Ok((shape, strings, texts))
}

impl Catalog {
    /// The catalog made by a first content bundle (`lang`'s, its JSON text), with `texts`.
    pub fn new(texts: Texts, lang: Lang, json: &str) -> Result<Catalog, String> {
        let (shape, strings, table) = read(lang, json)?;
        let tools: Vec<&str> = shape.content.tools.iter().map(|t| t.id.as_str()).collect();
        let phases: Vec<&str> = shape.content.roadmap.phases.iter().map(|p| p.worksheet.id.as_str()).collect();
        if tools != TOOL_IDS || phases != PHASE_IDS {
            return Err(format!("tools {tools:?} or phases {phases:?} out of order"));
        }
        let mut catalog = Catalog { texts, shape: Box::leak(Box::new(shape)), strings: [None; 3] };
        catalog.strings[lang.index()] = Some(Box::leak(strings.into_boxed_slice()));
        catalog.texts.parts[lang.index()] = Some(Box::leak(Box::new(table)));
        Ok(catalog)
    }

    /// This catalog with `lang`'s content bundle read in. A bundle of another shape than the
    /// first is refused, and this catalog stays as it was.
    pub fn with_content(mut self, lang: Lang, json: &str) -> Result<Catalog, String> {
        if self.has(lang) {
            return Ok(self);
        }
        let (shape, strings, table) = read(lang, json)?;
        let first = self.strings.iter().flatten().next().map_or(0, |s| s.len());
        if shape != *self.shape || strings.len() != first {
            return Err(format!("{} does not match the content already loaded", crate::bundle::url(lang)));
        }
        self.strings[lang.index()] = Some(Box::leak(strings.into_boxed_slice()));
        self.texts.parts[lang.index()] = Some(Box::leak(Box::new(table)));
        Ok(self)
    }

    /// This catalog with newer UI texts (a language's library texts arrived).
    pub fn with_texts(mut self, texts: Texts) -> Catalog {
        let parts = self.texts.parts;
        self.texts = texts;
        self.texts.parts = parts;
        self
    }

    /// Whether `lang`'s content is in.
    pub fn has(&self, lang: Lang) -> bool {
        self.strings[lang.index()].is_some()
    }

    pub fn content(&self) -> &'static Content {
        &self.shape.content
    }

    pub fn decision(&self) -> &'static DecisionText {
        &self.shape.decision
    }

    pub fn legal(&self) -> &'static [Rule] {
        &self.shape.legal
    }

    /// A legal rule by id.
    pub fn rule(&self, id: &str) -> Option<&'static Rule> {
        self.legal().iter().find(|r| r.id == id)
    }

    /// The UI texts, the parts' views' included.
    pub fn texts(&self) -> Texts {
        self.texts
    }

    /// The UI text for `key` in `lang` (see [`Texts::t`]).
    pub fn t(&self, lang: Lang, key: &str) -> &'static str {
        self.texts.t(lang, key)
    }

    pub fn tf(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        self.texts.tf(lang, key, args)
    }

    pub fn tn(&self, lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        self.texts.tn(lang, key, count, args)
    }

    /// A content text in `lang` ("" if that language's content is not loaded).
    pub fn text(&self, text: &Text, lang: Lang) -> &'static str {
        match *text {
            Text::Bundle(n) => self.strings[lang.index()].and_then(|s| s.get(n as usize)).map_or("", |s| s),
            Text::Fixed(all) => all[lang.index()],
        }
    }

    /// The languages in which `text` is missing or blank.
    pub fn missing(&self, text: &Text) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.text(text, *l).trim().is_empty()).collect()
    }
}

/// A catalog of all three languages made from the sources on disk, as the build makes the
/// bundles: what the tests (here and in the other crates) read.
pub fn from_sources() -> Result<Catalog, String> {
    use crate::bundle::{make, make_ui, read_source};
    let mut texts = Texts::default();
    for lang in Lang::ALL {
        texts = texts.with_ui(lang, &make_ui(lang, &read_source)?)?;
    }
    let mut catalog = Catalog::new(texts, Lang::Nb, &make(Lang::Nb, &read_source)?)?;
    for lang in [Lang::Nn, Lang::En] {
        catalog = catalog.with_content(lang, &make(lang, &read_source)?)?;
    }
    Ok(catalog)
}

/// The catalog from the sources, made once per test binary (reading three bundles is the
/// slowest part of many tests).
#[cfg(test)]
pub(crate) fn test_catalog() -> Catalog {
    static MADE: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    *MADE.get_or_init(|| from_sources().unwrap_or_else(|e| panic!("catalog from the sources: {e}")))
}

/// What the core's tests read: the catalog from the sources, and its parts as the tests name them.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn cat() -> &'static Catalog {
        static MADE: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        MADE.get_or_init(test_catalog)
    }
    pub fn content() -> &'static Content {
        cat().content()
    }
    pub fn decision_text() -> &'static DecisionText {
        cat().decision()
    }
    pub fn rules() -> &'static [Rule] {
        cat().legal()
    }
    pub fn rule(id: &str) -> Option<&'static Rule> {
        cat().rule(id)
    }
    pub fn t(lang: Lang, key: &str) -> &'static str {
        cat().t(lang, key)
    }
    pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        cat().tf(lang, key, args)
    }

    /// A content text read through the sources' catalog, as the tests read texts.
    pub trait TextIn {
        fn get(&self, lang: Lang) -> &'static str;
        fn missing(&self) -> Vec<Lang>;
        /// A fixed copy of this text with `lang` replaced.
        fn with(&self, lang: Lang, text: &str) -> Text;
    }
    impl TextIn for Text {
        fn get(&self, lang: Lang) -> &'static str {
            cat().text(self, lang)
        }
        fn missing(&self) -> Vec<Lang> {
            cat().missing(self)
        }
        fn with(&self, lang: Lang, text: &str) -> Text {
            let mut all = Lang::ALL.map(|l| self.get(l));
            all[lang.index()] = text;
            Text::new(all[0], all[1], all[2])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{make, make_ui, read_source};
    #[allow(unused_imports)]
    use crate::catalog::testing::*;

    #[test]
    fn every_language_fills_the_same_texts() {
        let catalog = test_catalog();
        let title = &catalog.content().tools[2].title;
        assert_eq!(catalog.text(title, Lang::Nb), "Behovskartlegging");
        assert_eq!(catalog.text(title, Lang::En), "Needs mapping");
        assert!(Lang::ALL.iter().all(|l| catalog.has(*l)));
        assert_eq!(catalog.t(Lang::Nn, "footer.about_link"), "Om appen og personvern");
    }

    #[test]
    fn a_catalog_has_only_the_languages_read_into_it() {
        let texts = Texts::default().with_ui(Lang::Nb, &make_ui(Lang::Nb, &read_source).unwrap()).unwrap();
        assert!(texts.has(Lang::Nb) && !texts.has(Lang::En));
        assert_eq!(texts.t(Lang::Nb, "footer.about_link"), "Om appen og personvern");
        assert_eq!(
            texts.t(Lang::Nb, "overview.keep.title"),
            "overview.keep.title",
            "parts' texts come with the content"
        );
        let catalog = Catalog::new(texts, Lang::Nb, &make(Lang::Nb, &read_source).unwrap()).unwrap();
        let title = &catalog.content().tools[2].title;
        assert_eq!(catalog.text(title, Lang::Nb), "Behovskartlegging");
        assert_eq!(catalog.text(title, Lang::En), "", "English is not loaded");
        assert_ne!(catalog.t(Lang::Nb, "overview.keep.title"), "overview.keep.title");
        let more = catalog.with_texts(texts.with_ui(Lang::En, &make_ui(Lang::En, &read_source).unwrap()).unwrap());
        assert_ne!(
            more.t(Lang::Nb, "overview.keep.title"),
            "overview.keep.title",
            "newer UI texts keep the parts' texts"
        );
        assert!(more.texts().has(Lang::En) && !more.has(Lang::En));
        let english = more.with_content(Lang::En, &make(Lang::En, &read_source).unwrap()).unwrap();
        assert_eq!(english.text(title, Lang::En), "Needs mapping", "the same handle, now in English");
        assert_eq!(catalog.text(title, Lang::En), "", "the catalog it came from is unchanged");
    }

    #[test]
    fn a_bundle_of_another_shape_is_refused() {
        let nb = Catalog::new(Texts::default(), Lang::Nb, &make(Lang::Nb, &read_source).unwrap()).unwrap();
        let en = make(Lang::En, &read_source).unwrap();
        assert!(nb.with_content(Lang::En, &en).is_ok(), "the real bundle fits");
        let changed = en.replacen("\"id\":\"needs\"", "\"id\":\"needs-changed\"", 1);
        assert_ne!(changed, en);
        assert!(nb.with_content(Lang::En, &changed).unwrap_err().contains("does not match"));
        let shorter = en.replacen(",\"Needs mapping\"", "", 1);
        assert_ne!(shorter, en);
        assert!(nb.with_content(Lang::En, &shorter).unwrap_err().contains("does not match"), "one text fewer");
        assert!(!nb.has(Lang::En), "nothing was added");
    }

    #[test]
    fn a_first_bundle_with_its_worksheets_out_of_order_is_refused() {
        let nb = make(Lang::Nb, &read_source).unwrap();
        let mut bundle: serde_json::Value = serde_json::from_str(&nb).unwrap();
        bundle["tools"].as_array_mut().unwrap().swap(0, 1);
        let swapped = bundle.to_string();
        assert!(Catalog::new(Texts::default(), Lang::Nb, &swapped).unwrap_err().contains("out of order"));
    }
}
