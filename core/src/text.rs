//! A user-facing content text in bokmål, nynorsk and English.
//!
//! Content reaches the app one language at a time (see [`crate::bundle`]), so a [`Text`] is a
//! handle into a table of texts that each language's bundle fills in: the second language's
//! bundle has the same shape as the first, so its n-th text belongs to the first one's n-th
//! handle. Source files (and the small embedded thresholds file) hold all three at once as
//! `{"nb": …, "nn": …, "en": …}`.

use crate::Lang;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::cell::RefCell;
use std::sync::RwLock;

/// One user-facing text in up to three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(u32);

type Entry = [&'static str; 3];

static TEXTS: RwLock<Vec<Entry>> = RwLock::new(Vec::new());

fn leak(text: String) -> &'static str {
    if text.is_empty() {
        ""
    } else {
        Box::leak(text.into_boxed_str())
    }
}

fn push(entry: Entry) -> Text {
    let mut texts = TEXTS.write().unwrap_or_else(|e| e.into_inner());
    texts.push(entry);
    Text(texts.len() as u32 - 1)
}

impl Default for Text {
    fn default() -> Text {
        push(["", "", ""])
    }
}

impl Text {
    /// A text from its three languages (sources and tests).
    pub fn new(nb: &str, nn: &str, en: &str) -> Text {
        push([leak(nb.into()), leak(nn.into()), leak(en.into())])
    }

    /// The text in `lang` ("" if that language's content is not loaded).
    pub fn get(&self, lang: Lang) -> &'static str {
        let texts = TEXTS.read().unwrap_or_else(|e| e.into_inner());
        texts.get(self.0 as usize).map_or("", |entry| entry[lang.index()])
    }

    /// This text with `lang` replaced (a copy: the original, shared by everyone holding it,
    /// stays as it was).
    pub fn with(&self, lang: Lang, text: &str) -> Text {
        let mut entry = [self.get(Lang::Nb), self.get(Lang::Nn), self.get(Lang::En)];
        entry[lang.index()] = leak(text.into());
        push(entry)
    }

    /// Languages whose text is missing or blank.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.get(*l).trim().is_empty()).collect()
    }
}

/// While a language's bundle is read: which language its plain strings are in, and the
/// handles they belong to.
struct Reading {
    lang: Lang,
    /// False for the first bundle (each string gets a new handle, recorded in `handles`); true
    /// for a later one (the n-th string belongs to `handles[n]` and waits in `pending`).
    fill: bool,
    handles: Vec<Text>,
    pending: Vec<&'static str>,
}

thread_local! {
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

/// What reading a bundle gave: its handles in order, and for a later language the strings that
/// wait for [`commit`] (kept apart until the caller has checked the bundle's shape).
#[derive(Debug)]
pub(crate) struct Read {
    pub handles: Vec<Text>,
    pub pending: Vec<&'static str>,
}

/// Reads a bundle in `lang` with `parse`. The first bundle makes new handles; a later one
/// (`fill` = the handles the first made) collects its strings for them, in the same order.
pub(crate) fn read_bundle<T>(lang: Lang, fill: Option<Vec<Text>>, parse: impl FnOnce() -> T) -> (T, Read) {
    let reading = Reading { lang, fill: fill.is_some(), handles: fill.unwrap_or_default(), pending: Vec::new() };
    READING.with(|r| *r.borrow_mut() = Some(reading));
    let value = parse();
    let reading = READING.with(|r| r.borrow_mut().take()).expect("reading state");
    (value, Read { handles: reading.handles, pending: reading.pending })
}

/// Puts a later language's strings into their handles.
pub(crate) fn commit(lang: Lang, handles: &[Text], pending: Vec<&'static str>) {
    let mut texts = TEXTS.write().unwrap_or_else(|e| e.into_inner());
    for (handle, text) in handles.iter().zip(pending) {
        texts[handle.0 as usize][lang.index()] = text;
    }
}

fn from_bundle(text: String) -> Result<Text, String> {
    READING.with(|r| {
        let mut r = r.borrow_mut();
        let reading = r.as_mut().ok_or("a plain string where a text in three languages belongs")?;
        if reading.fill {
            let handle = *reading.handles.get(reading.pending.len()).ok_or("more texts than the first language had")?;
            reading.pending.push(leak(text));
            Ok(handle)
        } else {
            let mut entry = ["", "", ""];
            entry[reading.lang.index()] = leak(text);
            let handle = push(entry);
            reading.handles.push(handle);
            Ok(handle)
        }
    })
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text: a string in a bundle, or {nb, nn, en}")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                from_bundle(text.to_string()).map_err(E::custom)
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                from_bundle(text).map_err(E::custom)
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Text, M::Error> {
                let mut entry: [Option<String>; 3] = [None, None, None];
                while let Some(key) = map.next_key::<String>()? {
                    let lang = Lang::from_code(&key).ok_or_else(|| de::Error::unknown_field(&key, &["nb", "nn", "en"]))?;
                    entry[lang.index()] = Some(map.next_value()?);
                }
                let [nb, nn, en] = entry.map(|t| leak(t.unwrap_or_default()));
                Ok(push([nb, nn, en]))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Splits a content text into paragraphs and bullet lists for display as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Paragraph(&'a str),
    Bullets(Vec<&'a str>),
}

/// Paragraphs are separated by blank lines; lines starting with "- " form a bullet list.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut bullets: Vec<&str> = Vec::new();
    for chunk in text.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        for line in chunk.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(item) = line.strip_prefix("- ") {
                bullets.push(item.trim());
            } else {
                if !bullets.is_empty() {
                    out.push(Block::Bullets(std::mem::take(&mut bullets)));
                }
                out.push(Block::Paragraph(line));
            }
        }
        if !bullets.is_empty() {
            out.push(Block::Bullets(std::mem::take(&mut bullets)));
        }
    }
    out
}

/// `text` as a quoted CSS string: `"` and `\` escaped, line breaks and other control
/// characters as spaces, so the text can never end the string or the rule it is in.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_be_ended_by_the_text() {
        assert_eq!(css_string("Nattilsyn"), "\"Nattilsyn\"");
        assert_eq!(css_string("a\"; } body { color: red"), "\"a\\\"; } body { color: red\"");
        assert_eq!(css_string("a\\"), "\"a\\\\\"");
        assert_eq!(css_string("to\nlinjer\r"), "\"to linjer \"");
    }

    #[test]
    fn picks_language_and_reports_missing() {
        let t = Text::new("Hei", " ", "Hi");
        assert_eq!(t.get(Lang::En), "Hi");
        assert_eq!(t.missing(), vec![Lang::Nn]);
        let changed = t.with(Lang::Nn, "Hei");
        assert!(changed.missing().is_empty());
        assert_eq!(t.missing(), vec![Lang::Nn], "the original is untouched");
    }

    #[test]
    fn splits_paragraphs_and_bullets() {
        let b = blocks("First.\n\nIntro:\n- one\n- two\n\nLast.");
        assert_eq!(
            b,
            vec![
                Block::Paragraph("First."),
                Block::Paragraph("Intro:"),
                Block::Bullets(vec!["one", "two"]),
                Block::Paragraph("Last."),
            ]
        );
    }
}
