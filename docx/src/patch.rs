//! What docx-rs (0.4.22) has no API for, added to the parts it built:
//!
//! - a table header row that repeats on each page (`w:tblHeader`),
//! - the document's language (`w:lang` in the style defaults),
//! - the file's title, subject, author and language (`docProps/core.xml`),
//! - compression: docx-rs stores every part uncompressed ([`pack`]).
//!
//! The first two read the part with a real XML parser (roxmltree) and insert the element where
//! the parser says the element it belongs in ends; core.xml is written with quick-xml's writer
//! (in docx-rs's tree already). quick-xml's reader is not used: with the `encoding` feature
//! docx-rs turns on, it would bring every legacy encoding's tables into the worker.

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io::{Cursor, Write};
use std::ops::Range;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn parse<'a>(part: &str, xml: &'a [u8]) -> Result<(&'a str, roxmltree::Document<'a>), String> {
    let text = std::str::from_utf8(xml).map_err(|e| format!("{part}: {e}"))?;
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("{part}: {e}"))?;
    Ok((text, doc))
}

/// `text` with each range replaced (ranges in order, not overlapping).
fn splice(text: &str, mut edits: Vec<(Range<usize>, String)>) -> Vec<u8> {
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len() + edits.iter().map(|(_, s)| s.len()).sum::<usize>());
    let mut at = 0;
    for (range, insert) in edits {
        out.push_str(&text[at..range.start]);
        out.push_str(&insert);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out.into_bytes()
}

/// The edit that puts `inner` (markup) last inside `element` (a `w:` element docx-rs wrote,
/// either `<w:x …/>` or `<w:x …>…</w:x>`).
fn append_inside(
    part: &str,
    text: &str,
    element: roxmltree::Node,
    inner: &str,
) -> Result<(Range<usize>, String), String> {
    let range = element.range();
    let source = &text[range.clone()];
    let name = element.tag_name().name();
    let close = format!("</w:{name}>");
    if !source.starts_with(&format!("<w:{name}")) {
        return Err(format!("{part}: w:{name} without the w: prefix"));
    }
    if let Some(open) = source.strip_suffix("/>") {
        Ok((range, format!("{}>{inner}{close}", open.trim_end())))
    } else if source.ends_with(&close) {
        let at = range.end - close.len();
        Ok((at..at, inner.to_string()))
    } else {
        Err(format!("{part}: cannot find the end of w:{name}"))
    }
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name((W, name)))
}

/// Marks the first row of every table in `word/document.xml` as its header row, which Word and
/// LibreOffice repeat at the top of each page the table runs onto. (Every table this crate
/// makes starts with its header row.)
pub fn repeat_header_rows(document: &[u8]) -> Result<Vec<u8>, String> {
    const PART: &str = "word/document.xml";
    let (text, doc) = parse(PART, document)?;
    let mut edits = Vec::new();
    for table in doc.descendants().filter(|n| n.has_tag_name((W, "tbl"))) {
        let Some(row) = child(table, "tr") else { continue };
        let properties = child(row, "trPr").ok_or_else(|| format!("{PART}: a table row without w:trPr"))?;
        edits.push(append_inside(PART, text, properties, "<w:tblHeader/>")?);
    }
    Ok(splice(text, edits))
}

/// Sets the document's language in `word/styles.xml`'s run defaults, so every style and
/// paragraph inherits it (spelling, hyphenation, what a screen reader speaks). `w:lang` comes
/// after everything docx-rs writes there (fonts, size).
pub fn default_language(styles: &[u8], language: &str) -> Result<Vec<u8>, String> {
    const PART: &str = "word/styles.xml";
    let (text, doc) = parse(PART, styles)?;
    let defaults = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "rPrDefault")))
        .and_then(|d| child(d, "rPr"))
        .ok_or_else(|| format!("{PART}: no run defaults to set the language in"))?;
    let lang: String = language.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let edit = append_inside(PART, text, defaults, &format!("<w:lang w:val=\"{lang}\"/>"))?;
    Ok(splice(text, vec![edit]))
}

pub struct CoreProperties<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    /// Left out when empty.
    pub creator: &'a str,
    pub language: &'a str,
    /// W3CDTF; no dates when `None`.
    pub now: Option<&'a str>,
}

/// `docProps/core.xml` (docx-rs writes "unknown" as the author and 1970 as the dates, and has
/// no title or subject).
pub fn core_properties(props: &CoreProperties) -> Result<Vec<u8>, String> {
    let mut w = Writer::new(Vec::new());
    let text = |w: &mut Writer<Vec<u8>>, name: &str, value: &str| -> std::io::Result<()> {
        if !value.is_empty() {
            w.create_element(name).write_text_content(BytesText::new(value))?;
        }
        Ok(())
    };
    let written: std::io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))?;
        w.create_element("cp:coreProperties")
            .with_attributes([
                ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ])
            .write_inner_content(|w| {
                text(w, "dc:title", props.title)?;
                text(w, "dc:subject", props.subject)?;
                text(w, "dc:creator", props.creator)?;
                text(w, "dc:language", props.language)?;
                if let Some(now) = props.now {
                    for name in ["dcterms:created", "dcterms:modified"] {
                        w.create_element(name)
                            .with_attribute(("xsi:type", "dcterms:W3CDTF"))
                            .write_text_content(BytesText::new(now))?;
                    }
                }
                Ok(())
            })?;
        Ok(())
    })();
    written.map_err(|e| format!("docProps/core.xml: {e}"))?;
    Ok(w.into_inner())
}

/// The package, every part compressed (docx-rs's own `pack` stores them as they are, and adds
/// folder entries). The same parts under the same names as docx-rs 0.4.22's `zipper::zip`, for
/// what this crate makes: no images, task panes or custom XML, which are refused rather than
/// left out. (Writing the parts here, not repacking docx-rs's zip, keeps a zip reader out of
/// the worker.)
pub fn pack(xml: docx_rs::XMLDocx) -> Result<Vec<u8>, String> {
    if !xml.media.is_empty()
        || xml.taskpanes.is_some()
        || !xml.custom_items.is_empty()
        || !xml.web_extensions.is_empty()
    {
        return Err("docx: images, task panes and custom XML are not packed".into());
    }
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    for (kind, items, rels) in [("header", xml.headers, xml.header_rels), ("footer", xml.footers, xml.footer_rels)] {
        let mut rels = rels.into_iter();
        for (i, item) in items.into_iter().enumerate() {
            parts.push((format!("word/{kind}{}.xml", i + 1), item));
            if let Some(rel) = rels.next() {
                parts.push((format!("word/_rels/{kind}{}.xml.rels", i + 1), rel));
            }
        }
    }
    let err = |e: zip::result::ZipError| format!("docx zip: {e}");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6));
    for (name, bytes) in parts {
        zip.start_file(name, options).map_err(err)?;
        zip.write_all(&bytes).map_err(|e| format!("docx zip: {e}"))?;
    }
    Ok(zip.finish().map_err(err)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_each_table_repeats() {
        let doc = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl><w:tbl><w:tr><w:trPr /></w:tr></w:tbl></w:body></w:document>"#;
        let out = String::from_utf8(repeat_header_rows(doc).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:trPr><w:cantSplit /><w:tblHeader/></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr></w:tbl></w:body></w:document>"#
        );
    }

    #[test]
    fn the_language_goes_into_the_run_defaults() {
        let styles = br#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22" /></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr /></w:style></w:styles>"#;
        let out = String::from_utf8(default_language(styles, "nn-NO").unwrap()).unwrap();
        assert!(out.contains(r#"<w:rPr><w:sz w:val="22" /><w:lang w:val="nn-NO"/></w:rPr></w:rPrDefault>"#), "{out}");
        assert!(out.contains("<w:style><w:rPr /></w:style>"), "only the defaults: {out}");
        let empty = br#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr /></w:rPrDefault></w:docDefaults></w:styles>"#;
        let out = String::from_utf8(default_language(empty, "en-GB").unwrap()).unwrap();
        assert!(out.contains(r#"<w:rPrDefault><w:rPr><w:lang w:val="en-GB""#), "{out}");
    }
}
