//! A text written in all three languages, as content files hold it.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// One user-facing text in bokmål, nynorsk and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub nb: String,
    pub nn: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.nb,
            Lang::Nn => &self.nn,
            Lang::En => &self.en,
        }
    }

    /// Languages whose text is missing or blank.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.get(*l).trim().is_empty()).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_and_reports_missing() {
        let t = Text { nb: "Hei".into(), nn: " ".into(), en: "Hi".into() };
        assert_eq!(t.get(Lang::En), "Hi");
        assert_eq!(t.missing(), vec![Lang::Nn]);
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
