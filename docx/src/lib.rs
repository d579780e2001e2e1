//! The whole plan ([`PlanDocument`]) as a Word file (.docx). Built by `docx-rs`; runs in a Web
//! Worker (`src/bin/docx-worker.rs`), so none of this is in the app's first load.
//!
//! The same structure as the Markdown ([`ioa_core::documents::markdown`]), in Word's own styles so the
//! navigation pane and a table of contents find it:
//!
//! | model                 | Word style            |
//! |-----------------------|-----------------------|
//! | the plan's title      | Title                 |
//! | the kind of document  | Subtitle              |
//! | the title block       | label/value paragraphs |
//! | a chapter             | Heading 1 (a new page from the second on) |
//! | a section             | Heading 2             |
//! | an item's label       | Heading 3             |
//!
//! Heading 4 is defined (for a reader's own additions) but not used. Texts are split by
//! [`ioa_core::text::blocks`] into paragraphs and real bulleted lists; tables are real tables
//! with a header row that repeats on each page.

mod patch;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Footer, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Tab,
    TabValueType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TableRow, WidthType,
};
use ioa_core::content::ColumnKind;
use ioa_core::documents::plan::PlanDocument;
use ioa_core::documents::tool::{Item, Section};
use ioa_core::text::{blocks, Block};
use ioa_core::Lang;

/// A4, in twentieths of a point (twips).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 2.2 cm on every side.
const MARGIN: i32 = 1247;
/// The width between the margins: tables take all of it.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;
/// A sans font every Word has; LibreOffice shows its metric twin (Carlito) or a fallback.
const FONT: &str = "Calibri";
const HEADING_COLOR: &str = "1F3864";
const MUTED_COLOR: &str = "595959";
const BORDER_COLOR: &str = "8C8C8C";
const HEADER_FILL: &str = "E8EDF3";
/// The one numbering every bulleted list uses (bullets need no restart). docx-rs defines a
/// numbered list of its own as 1.
const BULLETS: usize = 2;

/// The Word file of `doc`.
pub fn render(doc: &PlanDocument) -> Result<Vec<u8>, String> {
    render_at(doc, None)
}

/// [`render`], with the moment it is made (W3CDTF, `2026-12-01T10:00:00Z`) as the file's
/// created and modified dates; without one the file has none.
pub fn render_at(doc: &PlanDocument, now: Option<&str>) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(709).footer(709))
        .default_fonts(fonts())
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120).line(264).line_rule(LineSpacingType::Auto))
        .add_abstract_numbering(bullet_levels())
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(page_footer(&doc.title));
    for style in styles() {
        docx = docx.add_style(style);
    }

    if !doc.title.trim().is_empty() {
        docx = docx.add_paragraph(styled("Title", &doc.title));
    }
    if !doc.kind.trim().is_empty() {
        docx = docx.add_paragraph(styled("Subtitle", &doc.kind));
    }
    for meta in &doc.meta {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Meta")
                .add_run(Run::new().bold().add_text(format!("{}: ", clean(meta.label.trim()))))
                .add_run(Run::new().add_text(clean(meta.value.trim()))),
        );
    }
    for (i, chapter) in doc.chapters.iter().enumerate() {
        docx = docx.add_paragraph(styled("Heading1", &chapter.heading).page_break_before(i > 0));
        for p in text_paragraphs(&chapter.intro, false) {
            docx = docx.add_paragraph(p);
        }
        for section in &chapter.sections {
            docx = push_section(docx, section, doc);
        }
    }
    if !doc.footer.trim().is_empty() {
        docx = docx.add_paragraph(styled("DocumentEnd", &doc.footer));
    }

    let mut xml = docx.build();
    xml.document = patch::repeat_header_rows(&xml.document)?;
    xml.styles = patch::default_language(&xml.styles, language(doc.lang))?;
    xml.doc_props.core = patch::core_properties(&patch::CoreProperties {
        title: &clean(doc.title.trim()),
        subject: &clean(doc.kind.trim()),
        creator: &clean(doc.organisation.trim()),
        language: language(doc.lang),
        now,
    })?;
    patch::pack(xml)
}

/// The language tag Word's proofing tools and screen readers go by.
pub fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb-NO",
        Lang::Nn => "nn-NO",
        Lang::En => "en-GB",
    }
}

fn push_section(mut docx: Docx, section: &Section, doc: &PlanDocument) -> Docx {
    docx = docx.add_paragraph(styled("Heading2", &section.heading));
    for item in &section.items {
        match item {
            Item::Text { label, text } => {
                docx = docx.add_paragraph(styled("Heading3", label));
                for p in text_paragraphs(text, false) {
                    docx = docx.add_paragraph(p);
                }
            }
            Item::List { label, items } => {
                docx = docx.add_paragraph(styled("Heading3", label));
                for entry in items {
                    docx = docx.add_paragraph(bullet(entry, "ListParagraph"));
                }
            }
            Item::Table { label, headers, kinds, rows } => {
                docx = docx.add_paragraph(styled("Heading3", label)).add_table(table(headers, kinds, rows));
            }
            Item::Missing { label } => {
                docx = docx.add_paragraph(styled("Heading3", label)).add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().italic().color(MUTED_COLOR).add_text(clean(doc.missing_text.trim()))),
                );
            }
        }
    }
    docx
}

/// A paragraph of one style holding `text` as it is (line breaks kept).
fn styled(style: &str, text: &str) -> Paragraph {
    lines(Paragraph::new().style(style), text)
}

/// `text`'s lines into `p`, with a line break between them.
fn lines(p: Paragraph, text: &str) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in text.trim().lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(clean(line));
    }
    p.add_run(run)
}

/// Typed text as Word paragraphs: one per paragraph of [`blocks`], "- " lines as a bulleted
/// list. In a table cell, the smaller table styles.
fn text_paragraphs(text: &str, in_table: bool) -> Vec<Paragraph> {
    let (body, list) = if in_table { ("TableText", "TableList") } else { ("Normal", "ListParagraph") };
    let mut out = Vec::new();
    for block in blocks(text) {
        match block {
            Block::Paragraph(p) => out.push(styled(body, p)),
            Block::Bullets(items) => out.extend(items.into_iter().map(|i| bullet(i, list))),
        }
    }
    out
}

fn bullet(text: &str, style: &str) -> Paragraph {
    styled(style, text).numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

/// A full-width table: the header row repeats on each page (see [`patch`]), a row that fits on
/// half a page is kept on one page, columns get the width their kind needs.
fn table(headers: &[String], kinds: &[ColumnKind], rows: &[Vec<String>]) -> Table {
    let columns = headers.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
    let kind = |i: usize| kinds.get(i).copied().unwrap_or(ColumnKind::Text);
    let widths = column_widths(headers, &(0..columns).map(kind).collect::<Vec<_>>(), rows);
    let align = |i: usize| match kind(i) {
        ColumnKind::Amount | ColumnKind::Number => AlignmentType::Right,
        _ => AlignmentType::Left,
    };
    let cell = |i: usize, paragraphs: Vec<Paragraph>| {
        paragraphs.into_iter().fold(TableCell::new().width(widths[i], WidthType::Dxa), TableCell::add_paragraph)
    };
    let header = TableRow::new(
        (0..columns)
            .map(|i| {
                let text = headers.get(i).map_or("", String::as_str);
                let p = Paragraph::new()
                    .style("TableText")
                    .align(align(i))
                    .add_run(Run::new().bold().add_text(clean(text.trim())));
                cell(i, vec![p]).shading(Shading::new().fill(HEADER_FILL))
            })
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    for row in rows {
        let cells: Vec<TableCell> = (0..columns)
            .map(|i| {
                let text = row.get(i).map_or("", String::as_str);
                let mut paragraphs: Vec<Paragraph> =
                    text_paragraphs(text, true).into_iter().map(|p| p.align(align(i))).collect();
                if paragraphs.is_empty() {
                    // An empty cell still holds a paragraph: in the table's size, not Normal's.
                    paragraphs.push(Paragraph::new().style("TableText"));
                }
                cell(i, paragraphs)
            })
            .collect();
        let tr = TableRow::new(cells);
        table_rows.push(if fits_half_a_page(row, &widths) { tr.cant_split() } else { tr });
    }
    let border = |position| TableBorder::new(position).border_type(BorderType::Single).size(4).color(BORDER_COLOR);
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, position| b.set(border(position)));
    Table::new(table_rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(borders)
        .margins(TableCellMargins::new().margin(57, 85, 57, 85))
}

/// Column widths in twips, summing to the text width. Each column's share follows how much
/// text it holds (its average cell length, so its cells take about as many lines as the
/// others'); with no rows yet, its kind (long text widest; choices, dates, amounts and numbers
/// narrow). No column is narrower than its longest word or a short header (up to 40 % of the
/// width).
fn column_widths(headers: &[String], kinds: &[ColumnKind], rows: &[Vec<String>]) -> Vec<usize> {
    let columns = kinds.len();
    let cell = |row: &Vec<String>, i: usize| row.get(i).map_or("", |c| c.trim()).chars().count() as f64;
    let weights: Vec<f64> = (0..columns)
        .map(|i| {
            let kind = match kinds[i] {
                ColumnKind::LongText => 5.0,
                ColumnKind::Text => 3.0,
                ColumnKind::Choice | ColumnKind::Date | ColumnKind::Amount => 2.0,
                ColumnKind::YesNo | ColumnKind::Number => 1.5,
            };
            let filled: Vec<f64> = rows.iter().map(|r| cell(r, i)).filter(|n| *n > 0.0).collect();
            if filled.is_empty() {
                kind
            } else {
                (filled.iter().sum::<f64>() / filled.len() as f64).max(4.0)
            }
        })
        .collect();
    // About 105 twips a character at 10 pt (bold in the header), plus the cell's margins.
    let longest_word = |text: &str| text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
    let floors: Vec<f64> = (0..columns)
        .map(|i| {
            let word = rows.iter().map(|r| longest_word(r.get(i).map_or("", String::as_str))).max().unwrap_or(0);
            // A short header stays on one line.
            let header = headers.get(i).map_or("", |h| h.trim());
            let header = if header.chars().count() <= 16 { header.chars().count() } else { longest_word(header) };
            let word = word.max(header);
            (word as f64 * 105.0 + 200.0).min(TEXT_WIDTH as f64 * 0.4)
        })
        .collect();
    // Shares by weight; a column under its floor gets the floor, the rest share what is left.
    let mut fixed: Vec<Option<f64>> = vec![None; columns];
    loop {
        let left = TEXT_WIDTH as f64 - fixed.iter().flatten().sum::<f64>();
        let free: f64 = (0..columns).filter(|i| fixed[*i].is_none()).map(|i| weights[i]).sum();
        let under: Vec<usize> =
            (0..columns).filter(|&i| fixed[i].is_none() && left * weights[i] / free < floors[i]).collect();
        if under.is_empty() || under.len() == fixed.iter().filter(|f| f.is_none()).count() {
            let widths: Vec<f64> =
                (0..columns).map(|i| fixed[i].unwrap_or(left.max(0.0) * weights[i] / free)).collect();
            let scale = TEXT_WIDTH as f64 / widths.iter().sum::<f64>();
            let mut widths: Vec<usize> = widths.iter().map(|w| (w * scale) as usize).collect();
            let rest = TEXT_WIDTH - widths.iter().sum::<usize>();
            if let Some(last) = widths.last_mut() {
                *last += rest;
            }
            return widths;
        }
        for i in under {
            fixed[i] = Some(floors[i]);
        }
    }
}

/// Whether a row's longest cell takes less than about half a page at the table's 10 pt: such
/// rows are kept on one page. A longer row may break (a row that may not break and is taller
/// than a page would be cut off).
fn fits_half_a_page(row: &[String], widths: &[usize]) -> bool {
    // About 100 twips per character and 250 per line at 10 pt; a page holds some 55 lines.
    let lines = |text: &str, width: usize| -> usize {
        let per_line = (width.saturating_sub(170) / 100).max(1);
        text.lines().map(|l| l.chars().count() / per_line + 1).sum()
    };
    row.iter().zip(widths).map(|(text, &w)| lines(text, w)).max().unwrap_or(0) <= 25
}

fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT)
}

fn bullet_levels() -> AbstractNumbering {
    (0..3).fold(AbstractNumbering::new(BULLETS), |numbering, level| {
        let symbol = ["•", "◦", "▪"][level];
        let indent = 360 + 360 * level as i32;
        numbering.add_level(
            Level::new(level, Start::new(1), NumberFormat::new("bullet"), LevelText::new(symbol), LevelJc::new("left"))
                .indent(Some(indent), Some(SpecialIndentType::Hanging(284)), None, None),
        )
    })
}

/// The page footer: the plan's title at the left, the page number at the right margin.
fn page_footer(title: &str) -> Footer {
    let p = Paragraph::new()
        .style("Footer")
        .add_run(Run::new().add_text(clean(title.trim())).add_tab())
        .add_page_num(PageNum::new());
    Footer::new().add_paragraph(p)
}

/// A paragraph style based on Normal.
fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph).name(name).based_on("Normal").next("Normal")
}

fn heading(level: usize, size: usize, before: u32, after: u32) -> Style {
    let mut style = paragraph_style(&format!("Heading{level}"), &format!("heading {level}"))
        .bold()
        .size(size)
        .color(HEADING_COLOR)
        .outline_lvl(level - 1)
        .line_spacing(LineSpacing::new().before(before).after(after))
        .ui_priority(9);
    if level == 4 {
        style = style.italic();
    }
    style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
    style
}

fn styles() -> Vec<Style> {
    let mut title = paragraph_style("Title", "Title")
        .bold()
        .size(48)
        .color(HEADING_COLOR)
        .line_spacing(LineSpacing::new().after(120).line(240).line_rule(LineSpacingType::Auto))
        .ui_priority(10);
    title.paragraph_property = title.paragraph_property.keep_next(true);
    let mut subtitle = paragraph_style("Subtitle", "Subtitle")
        .size(28)
        .color(MUTED_COLOR)
        .line_spacing(LineSpacing::new().after(240))
        .ui_priority(11);
    subtitle.paragraph_property = subtitle.paragraph_property.keep_next(true);
    let mut document_end = paragraph_style("DocumentEnd", "Document end")
        .size(18)
        .color(MUTED_COLOR)
        .line_spacing(LineSpacing::new().before(480));
    document_end.paragraph_property = document_end.paragraph_property.set_borders(ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Top).val(BorderType::Single).size(4).space(6).color(BORDER_COLOR),
    ));
    let mut footer =
        paragraph_style("Footer", "footer").size(18).color(MUTED_COLOR).line_spacing(LineSpacing::new().after(0));
    footer.paragraph_property = footer.paragraph_property.add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH));
    vec![
        title,
        subtitle,
        heading(1, 32, 240, 120),
        heading(2, 26, 300, 80),
        heading(3, 22, 200, 40),
        heading(4, 22, 160, 40),
        paragraph_style("Meta", "Title block").line_spacing(LineSpacing::new().after(40)),
        paragraph_style("ListParagraph", "List Paragraph").line_spacing(LineSpacing::new().after(60)),
        paragraph_style("TableText", "Table text")
            .size(20)
            .line_spacing(LineSpacing::new().after(40).line(240).line_rule(LineSpacingType::Auto)),
        paragraph_style("TableList", "Table list")
            .based_on("TableText")
            .size(20)
            .line_spacing(LineSpacing::new().after(20).line(240).line_rule(LineSpacingType::Auto)),
        document_end,
        footer,
    ]
}

/// `text` without the characters XML 1.0 cannot hold (control characters a paste may bring);
/// tabs become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_fill_the_text_width_and_follow_the_text() {
        let kinds = [ColumnKind::Text, ColumnKind::LongText, ColumnKind::Amount, ColumnKind::YesNo];
        let headers: Vec<String> = ["Navn", "Merknad", "Beløp", "Ja/nei"].map(String::from).to_vec();
        // No rows yet: by kind.
        let widths = column_widths(&headers, &kinds, &[]);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(widths[1] > widths[0] && widths[0] > widths[2] && widths[2] > widths[3], "{widths:?}");
        // With rows: by how much each column holds, and never narrower than its longest word.
        let row = |a: &str, b: &str| vec![a.to_string(), b.to_string(), "100 kr".into(), "Ja".into()];
        let rows =
            vec![row("Knytt anskaffelsen til kommunens mål", "Ferdig"), row("Avklar folk, tid og penger", "Ferdig")];
        let widths = column_widths(&headers, &kinds, &rows);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(widths[0] > widths[1], "the long steps get more room than a short status: {widths:?}");
        let word = "informasjonssikkerhetsarbeidet";
        let rows = vec![vec!["a".into(), "b ".repeat(300), "1".into(), word.into()]];
        let widths = column_widths(&headers, &kinds, &rows);
        assert!(widths[3] >= word.len() * 105, "{widths:?}");
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
    }

    #[test]
    fn clean_drops_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{0}b\u{b}c\td\u{ffff}"), "abc d");
        assert_eq!(clean("æøå – «»"), "æøå – «»");
    }

    #[test]
    fn long_rows_may_break_short_rows_may_not() {
        let widths = column_widths(&["a".into(), "b".into()], &[ColumnKind::Text, ColumnKind::LongText], &[]);
        assert!(fits_half_a_page(&["a".into(), "kort tekst".into()], &widths));
        assert!(!fits_half_a_page(&["a".into(), "lang tekst ".repeat(400)], &widths));
    }
}
