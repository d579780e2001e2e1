//! The whole-plan document as CommonMark (with GitHub's pipe tables), to paste into Teams or
//! Loop, keep in a repository or read as plain text. Everything typed is escaped, so a plan's
//! text is never read as markup (no links, no HTML, no headings a user did not mean).

use crate::documents::plan::PlanDocument;
use crate::documents::tool::{Item, Section};
use crate::text::{blocks, Block};

pub fn render(doc: &PlanDocument) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&doc.title)));
    out.push_str(&format!("**{}**\n\n", inline(&doc.kind)));
    for meta in &doc.meta {
        out.push_str(&format!("- **{}:** {}\n", inline(&meta.label), inline(&meta.value)));
    }
    for chapter in &doc.chapters {
        blank_line(&mut out);
        out.push_str(&format!("## {}\n\n", inline(&chapter.heading)));
        push_text(&mut out, &chapter.intro);
        for section in &chapter.sections {
            push_section(&mut out, section, doc);
        }
    }
    blank_line(&mut out);
    out.push_str(&format!("---\n\n{}\n", inline(&doc.footer)));
    out
}

/// Ends what came before with exactly one blank line.
fn blank_line(out: &mut String) {
    while out.ends_with('\n') {
        out.pop();
    }
    out.push_str("\n\n");
}

fn push_section(out: &mut String, section: &Section, doc: &PlanDocument) {
    blank_line(out);
    out.push_str(&format!("### {}\n\n", inline(&section.heading)));
    for item in &section.items {
        match item {
            Item::Text { label, text } => {
                out.push_str(&format!("#### {}\n\n", inline(label)));
                push_text(out, text);
            }
            Item::List { label, items } => {
                out.push_str(&format!("#### {}\n\n", inline(label)));
                for entry in items {
                    out.push_str(&format!("- {}\n", line(&one_line_raw(entry))));
                }
                out.push('\n');
            }
            Item::Table { label, headers, rows, .. } => {
                out.push_str(&format!("#### {}\n\n", inline(label)));
                let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
                out.push_str(&row(headers.iter().map(|h| cell(h)).collect()));
                out.push_str(&row(headers.iter().map(|_| "---".to_string()).collect()));
                for r in rows {
                    out.push_str(&row((0..headers.len()).map(|i| cell(r.get(i).map_or("", String::as_str))).collect()));
                }
                out.push('\n');
            }
            Item::Missing { label } => {
                out.push_str(&format!("#### {}\n\n", inline(label)));
                out.push_str(&format!("*{}*\n\n", inline(&doc.missing_text)));
            }
        }
    }
}

/// Paragraphs and "- " bullets of a typed or written text, each paragraph on its own.
fn push_text(out: &mut String, text: &str) {
    for block in blocks(text) {
        match block {
            Block::Paragraph(p) => out.push_str(&format!("{}\n\n", line(p))),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", line(i)));
                }
                out.push('\n');
            }
        }
    }
}

/// Several lines as one (list entries and table cells cannot hold a line break in Markdown).
fn one_line_raw(text: &str) -> String {
    let joined: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    joined.join(" ")
}

fn one_line(text: &str) -> String {
    inline(&one_line_raw(text))
}

fn cell(text: &str) -> String {
    let text = one_line(text);
    if text.is_empty() {
        " ".into()
    } else {
        text
    }
}

/// Escapes one line of text so CommonMark shows it as written: the characters that start
/// emphasis, code, links, HTML, tables and strikethrough, an `&` that could start an entity,
/// and what would make the line a heading, list, quote or rule.
pub fn inline(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            // `!` and `>` need nothing: with `[` and `<` escaped they start no image or tag.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#') => out.push_str("\\&"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// [`inline`] for text that starts a line (a paragraph or list entry): also escapes what would
/// make it a heading, list, quote or rule.
pub fn line(text: &str) -> String {
    let mut out = inline(text);
    // What a line may not start with: a heading, list, quote, rule or setext underline.
    let starts_block = matches!(out.chars().next(), Some('#' | '-' | '+' | '=' | '>'));
    if starts_block {
        out.insert(0, '\\');
    }
    // "1." or "1)" would start an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_typed_text_stays_text() {
        assert_eq!(inline("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert(1)>");
        assert_eq!(line("# Not a heading"), "\\# Not a heading");
        assert_eq!(line("- not a list"), "\\- not a list");
        assert_eq!(line("2. juni"), "2\\. juni");
        assert_eq!(inline("2. juni"), "2. juni", "mid-line, a number is only a number");
        assert_eq!(inline("[link](https://x.example)"), "\\[link\\](https://x.example)");
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("&amp; & co"), "\\&amp; & co");
        assert_eq!(
            inline("**fet** _kursiv_ `kode` ~~stryk~~ ![bilde]"),
            "\\*\\*fet\\*\\* \\_kursiv\\_ \\`kode\\` \\~\\~stryk\\~\\~ !\\[bilde\\]"
        );
        assert_eq!(inline("Vanlig tekst, 3 400 000 kr."), "Vanlig tekst, 3 400 000 kr.");
    }
}
