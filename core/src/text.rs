//! A user-facing content text in bokmål, nynorsk and English.
//!
//! Content reaches the app one language at a time (see [`crate::bundle`]), so a text from a
//! bundle is a handle: a number into each language's list of strings, which the
//! [`crate::catalog::Catalog`] holds. Source files (and the small embedded thresholds file) hold
//! all three languages at once as `{"nb": …, "nn": …, "en": …}`: such a text is fixed, the same
//! whatever is loaded.

use crate::Lang;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// One user-facing text in up to three languages. Read it through a catalog
/// ([`crate::catalog::Catalog::text`]), or [`Text::fixed`] for one known to be fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The n-th string of each language's content bundle.
    Bundle(u32),
    /// All three languages, from a source file.
    Fixed(&'static [&'static str; 3]),
}

fn leak(text: String) -> &'static str {
    if text.is_empty() {
        ""
    } else {
        Box::leak(text.into_boxed_str())
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::Fixed(&["", "", ""])
    }
}

impl Text {
    /// A text from its three languages (sources and tests).
    pub fn new(nb: &str, nn: &str, en: &str) -> Text {
        Text::Fixed(Box::leak(Box::new([leak(nb.into()), leak(nn.into()), leak(en.into())])))
    }

    /// A fixed text in `lang` ("" for a bundle's text: that needs the catalog).
    pub fn fixed(&self, lang: Lang) -> &'static str {
        match self {
            Text::Fixed(all) => all[lang.index()],
            Text::Bundle(_) => "",
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text: a bundle's string number, or {nb, nn, en}")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Text, E> {
                u32::try_from(n).map(Text::Bundle).map_err(E::custom)
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Text, M::Error> {
                let mut entry: [Option<String>; 3] = [None, None, None];
                while let Some(key) = map.next_key::<String>()? {
                    let lang =
                        Lang::from_code(&key).ok_or_else(|| de::Error::unknown_field(&key, &["nb", "nn", "en"]))?;
                    entry[lang.index()] = Some(map.next_value()?);
                }
                let [nb, nn, en] = entry.map(|t| t.unwrap_or_default());
                Ok(Text::new(&nb, &nn, &en))
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
    fn a_fixed_text_has_its_three_languages_and_a_bundle_text_none() {
        let t = Text::new("Hei", " ", "Hi");
        assert_eq!(t.fixed(Lang::En), "Hi");
        assert_eq!(Text::Bundle(3).fixed(Lang::Nb), "");
        let read: Text = serde_json::from_str("7").unwrap();
        assert_eq!(read, Text::Bundle(7));
        let read: Text = serde_json::from_str(r#"{"nb": "a", "nn": "b", "en": "c"}"#).unwrap();
        assert_eq!(read.fixed(Lang::Nn), "b");
        assert!(serde_json::from_str::<Text>("\"plain\"").is_err(), "a plain string is neither");
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
