//! The Word file of the worked example and of an empty plan, unpacked and read with a real XML
//! parser: every part parses, and the document has the model's structure in Word's terms.
//!
//! `IOA_DOCX_OUT=/some/folder cargo test -p ioa-docx` also writes the files there, to open.

use ioa_core::documents::plan::{build, Made, PlanDocument};
use ioa_core::documents::tool::Item;
use ioa_core::plan::{NewPlan, Plan};
use ioa_core::text::{blocks, Block};
use ioa_core::Lang;
use std::collections::BTreeMap;
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const MADE: Made = Made { today: "2026-12-01", app_version: "0.1.0", utc_offset_minutes: 60 };

/// The core's texts come in per-language bundles: the app fetches them, tests make a catalog of
/// them from the sources.
fn cat() -> &'static ioa_core::catalog::Catalog {
    static MADE: std::sync::OnceLock<ioa_core::catalog::Catalog> = std::sync::OnceLock::new();
    MADE.get_or_init(|| ioa_core::catalog::from_sources().unwrap_or_else(|e| panic!("catalog: {e}")))
}

fn example(lang: Lang) -> PlanDocument {
    let json = match lang {
        Lang::Nb => include_str!("../../content/examples/elvebyen.nb.json"),
        Lang::Nn => include_str!("../../content/examples/elvebyen.nn.json"),
        Lang::En => include_str!("../../content/examples/elvebyen.en.json"),
    };
    let plan = ioa_core::examples::example_plan(json, "id", 0).expect("the example loads");
    build(cat(), &plan, lang, MADE)
}

fn empty(lang: Lang) -> PlanDocument {
    let plan = Plan::new("p", NewPlan { title: "Tom plan".into(), language: lang, ..Default::default() }, 0).unwrap();
    build(cat(), &plan, lang, MADE)
}

/// Every part of the package by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        assert_eq!(file.compression(), zip::CompressionMethod::Deflated, "{} is compressed", file.name());
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap_or_else(|e| panic!("{} is UTF-8: {e}", file.name()));
        parts.insert(file.name().to_string(), text);
    }
    parts
}

fn render(doc: &PlanDocument, name: &str) -> BTreeMap<String, String> {
    let bytes = ioa_docx::render_at(doc, Some("2026-12-01T10:00:00Z")).expect("renders");
    if let Ok(dir) = std::env::var("IOA_DOCX_OUT") {
        std::fs::write(std::path::Path::new(&dir).join(name), &bytes).unwrap();
    }
    let parts = unzip(&bytes);
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        }
    }
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(name), "no {name} in {:?}", parts.keys());
    }
    check_package(&parts);
    parts
}

/// The package holds what its content types and relationships name, and every part has a type.
fn check_package(parts: &BTreeMap<String, String>) {
    let types = roxmltree::Document::parse(&parts["[Content_Types].xml"]).unwrap();
    let overrides: Vec<String> = types
        .descendants()
        .filter(|n| n.tag_name().name() == "Override")
        .map(|n| n.attribute("PartName").unwrap().trim_start_matches('/').to_string())
        .collect();
    let extensions: Vec<&str> = types
        .descendants()
        .filter(|n| n.tag_name().name() == "Default")
        .map(|n| n.attribute("Extension").unwrap())
        .collect();
    for name in &overrides {
        assert!(parts.contains_key(name), "[Content_Types].xml names {name}, which is not in the package");
    }
    for name in parts.keys().filter(|n| *n != "[Content_Types].xml") {
        let typed = overrides.contains(name) || extensions.iter().any(|e| name.ends_with(&format!(".{e}")));
        assert!(typed, "{name} has no content type");
    }
    for (name, text) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        // `word/_rels/document.xml.rels` is about `word/document.xml`: targets are relative to `word/`.
        let base = name.split("_rels/").next().unwrap();
        let rels = roxmltree::Document::parse(text).unwrap();
        for rel in rels.descendants().filter(|n| n.tag_name().name() == "Relationship") {
            if rel.attribute("TargetMode") == Some("External") {
                continue;
            }
            let target = rel.attribute("Target").unwrap();
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("{base}{target}"),
            };
            assert!(parts.contains_key(&path), "{name} points to {path}, which is not in the package");
        }
    }
}

fn w<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|n| n.has_tag_name((W, name)))
}

fn val<'a>(node: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
    node.attribute((W, "val"))
}

fn style_of<'a>(p: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
    w(p, "pPr").and_then(|ppr| w(ppr, "pStyle")).and_then(val)
}

/// A paragraph's text, with line breaks as "\n".
fn text_of(p: roxmltree::Node) -> String {
    p.descendants()
        .filter_map(|n| match n.tag_name().name() {
            "t" if n.tag_name().namespace() == Some(W) => n.text().map(str::to_string),
            "br" if n.tag_name().namespace() == Some(W) => Some("\n".into()),
            _ => None,
        })
        .collect()
}

fn items(doc: &PlanDocument) -> impl Iterator<Item = &Item> {
    doc.chapters.iter().flat_map(|c| &c.sections).flat_map(|s| &s.items)
}

/// How many bulleted entries the model holds: list items, and "- " lines in any text.
fn expected_bullets(doc: &PlanDocument) -> usize {
    let in_text =
        |text: &str| blocks(text).iter().map(|b| if let Block::Bullets(i) = b { i.len() } else { 0 }).sum::<usize>();
    let mut n: usize = doc.chapters.iter().map(|c| in_text(&c.intro)).sum();
    for item in items(doc) {
        n += match item {
            Item::Text { text, .. } => in_text(text),
            Item::List { items, .. } => items.len(),
            Item::Table { rows, .. } => rows.iter().flatten().map(|cell| in_text(cell)).sum(),
            Item::Missing { .. } => 0,
        };
    }
    n
}

/// Checks the document's structure against its model; returns the number of tables.
fn check(doc: &PlanDocument, parts: &BTreeMap<String, String>) -> usize {
    let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let body = w(xml.root_element(), "body").expect("a body");
    let paragraphs: Vec<_> = body.children().filter(|n| n.has_tag_name((W, "p"))).collect();

    // Chapters are Heading 1, in order; each after the first starts a new page.
    let headings: Vec<_> = paragraphs.iter().filter(|p| style_of(**p) == Some("Heading1")).collect();
    let texts: Vec<String> = headings.iter().map(|p| text_of(**p)).collect();
    let expected: Vec<&str> = doc.chapters.iter().map(|c| c.heading.trim()).collect();
    assert_eq!(texts, expected, "the chapters as Heading 1");
    for (i, p) in headings.iter().enumerate() {
        let breaks = w(**p, "pPr").and_then(|ppr| w(ppr, "pageBreakBefore")).is_some_and(|b| val(b) != Some("false"));
        assert_eq!(breaks, i > 0, "chapter {i} starts a new page (from the second on)");
    }
    // Sections are Heading 2, item labels Heading 3, in the model's order.
    let sections: Vec<String> =
        paragraphs.iter().filter(|p| style_of(**p) == Some("Heading2")).map(|p| text_of(*p)).collect();
    let expected: Vec<&str> = doc.chapters.iter().flat_map(|c| &c.sections).map(|s| s.heading.trim()).collect();
    assert_eq!(sections, expected, "the sections as Heading 2");
    let labels = paragraphs.iter().filter(|p| style_of(**p) == Some("Heading3")).count();
    assert_eq!(labels, items(doc).count(), "every item's label as Heading 3");
    // The title block.
    let title: Vec<String> =
        paragraphs.iter().filter(|p| style_of(**p) == Some("Title")).map(|p| text_of(*p)).collect();
    assert_eq!(title, [doc.title.trim()]);
    let meta: Vec<String> = paragraphs.iter().filter(|p| style_of(**p) == Some("Meta")).map(|p| text_of(*p)).collect();
    let expected: Vec<String> = doc.meta.iter().map(|m| format!("{}: {}", m.label, m.value)).collect();
    assert_eq!(meta, expected);

    // What is missing says so, in italics.
    let missing = paragraphs
        .iter()
        .filter(|p| text_of(**p) == doc.missing_text && p.descendants().any(|n| n.has_tag_name((W, "i"))))
        .count();
    assert_eq!(missing, items(doc).filter(|i| matches!(i, Item::Missing { .. })).count(), "Missing items in italics");
    // The footer text ends the document.
    let last = paragraphs.iter().rev().find(|p| !text_of(**p).is_empty()).unwrap();
    assert_eq!(text_of(*last), doc.footer);

    // One real table per table item: full width, a repeating header row, rows kept whole.
    let tables: Vec<_> = body.children().filter(|n| n.has_tag_name((W, "tbl"))).collect();
    let models: Vec<(&Vec<String>, &Vec<Vec<String>>)> = items(doc)
        .filter_map(|i| if let Item::Table { headers, rows, .. } = i { Some((headers, rows)) } else { None })
        .collect();
    assert_eq!(tables.len(), models.len(), "one w:tbl per table item");
    assert_eq!(xml.descendants().filter(|n| n.has_tag_name((W, "tbl"))).count(), models.len(), "no nested tables");
    let mut kept_whole = 0;
    for (table, (headers, rows)) in tables.iter().zip(&models) {
        let tbl_pr = w(*table, "tblPr").unwrap();
        let width = w(tbl_pr, "tblW").unwrap();
        assert_eq!(width.attribute((W, "w")), Some("9412"), "full text width");
        assert!(
            w(tbl_pr, "tblBorders").is_some_and(|b| b.children().any(|n| n.has_tag_name((W, "insideH")))),
            "borders"
        );
        let trs: Vec<_> = table.children().filter(|n| n.has_tag_name((W, "tr"))).collect();
        assert_eq!(trs.len(), rows.len() + 1, "the header row and one per row");
        let is_header = |tr: roxmltree::Node| w(tr, "trPr").and_then(|p| w(p, "tblHeader")).is_some();
        assert!(is_header(trs[0]), "the first row repeats on each page");
        assert!(trs[1..].iter().all(|tr| !is_header(*tr)), "only the first");
        let header: Vec<String> =
            trs[0].children().filter(|n| n.has_tag_name((W, "tc"))).map(|tc| text_of(w(tc, "p").unwrap())).collect();
        assert_eq!(&header, *headers);
        let grid: usize = w(*table, "tblGrid")
            .unwrap()
            .children()
            .filter_map(|c| c.attribute((W, "w")))
            .map(|v| v.parse::<usize>().unwrap())
            .sum();
        assert_eq!(grid, 9412, "the columns fill the width");
        kept_whole += trs.iter().filter(|tr| w(**tr, "trPr").and_then(|p| w(p, "cantSplit")).is_some()).count();
        for tc in table.descendants().filter(|n| n.has_tag_name((W, "tc"))) {
            let ps: Vec<_> = tc.children().filter(|n| n.has_tag_name((W, "p"))).collect();
            assert!(!ps.is_empty(), "a cell holds a paragraph");
            for p in ps {
                assert!(
                    matches!(style_of(p), Some("TableText" | "TableList")),
                    "cells are in the table styles: {:?}",
                    style_of(p)
                );
            }
        }
    }
    if !models.is_empty() {
        assert!(kept_whole > models.len(), "rows kept on one page: {kept_whole}");
    }

    // Bulleted entries are a real Word list.
    let numbered = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter(|p| w(*p, "pPr").and_then(|ppr| w(ppr, "numPr")).is_some())
        .count();
    assert_eq!(numbered, expected_bullets(doc), "one numbered paragraph per bullet");
    let numbering = roxmltree::Document::parse(&parts["word/numbering.xml"]).unwrap();
    let ids = |tag: &str, attr: &str| -> Vec<String> {
        numbering
            .descendants()
            .filter(|n| n.has_tag_name((W, tag)))
            .filter_map(|n| n.attribute((W, attr)))
            .map(str::to_string)
            .collect()
    };
    for (tag, attr) in [("abstractNum", "abstractNumId"), ("num", "numId")] {
        let all = ids(tag, attr);
        let unique: std::collections::BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "{tag} ids are unique: {all:?}");
    }
    let used: std::collections::BTreeSet<&str> =
        xml.descendants().filter(|n| n.has_tag_name((W, "numId"))).filter_map(val).collect();
    assert_eq!(used.len(), usize::from(numbered > 0), "one numbering for every list: {used:?}");
    for id in used {
        let num = numbering
            .descendants()
            .find(|n| n.has_tag_name((W, "num")) && n.attribute((W, "numId")) == Some(id))
            .unwrap();
        let abstract_id = w(num, "abstractNumId").and_then(val).unwrap();
        let abstract_num = numbering
            .descendants()
            .find(|n| n.has_tag_name((W, "abstractNum")) && n.attribute((W, "abstractNumId")) == Some(abstract_id))
            .unwrap();
        let level0 = abstract_num
            .children()
            .find(|n| n.has_tag_name((W, "lvl")) && n.attribute((W, "ilvl")) == Some("0"))
            .unwrap();
        assert_eq!(w(level0, "numFmt").and_then(val), Some("bullet"), "lists are bulleted, not numbered");
    }

    // The file's properties.
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    let dc =
        |name: &str| core.descendants().find(|n| n.has_tag_name((DC, name))).and_then(|n| n.text()).map(str::to_string);
    assert_eq!(dc("title").as_deref(), Some(doc.title.as_str()));
    assert_eq!(dc("subject").as_deref(), Some(doc.kind.as_str()));
    assert_eq!(dc("creator").as_deref(), (!doc.organisation.is_empty()).then_some(doc.organisation.as_str()));
    assert_eq!(dc("language").as_deref(), Some(ioa_docx::language(doc.lang)));

    // Heading styles Word's navigation pane and table of contents know, and the language.
    let styles = roxmltree::Document::parse(&parts["word/styles.xml"]).unwrap();
    for level in 1..=4 {
        let style = styles
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(&format!("Heading{level}")))
            .unwrap_or_else(|| panic!("no Heading{level}"));
        assert_eq!(w(style, "name").and_then(val), Some(format!("heading {level}").as_str()));
        let outline = w(style, "pPr").and_then(|p| w(p, "outlineLvl")).and_then(val);
        assert_eq!(outline, Some((level - 1).to_string().as_str()), "Heading{level}'s outline level");
    }
    assert!(styles.descendants().any(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("Title")));
    let lang = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rPrDefault")))
        .and_then(|d| d.descendants().find(|n| n.has_tag_name((W, "lang"))))
        .and_then(val);
    assert_eq!(lang, Some(ioa_docx::language(doc.lang)));

    // A4 with 2.2 cm margins, and the title and page number in the page footer.
    let sect = w(body, "sectPr").unwrap();
    assert_eq!(w(sect, "pgSz").and_then(|s| s.attribute((W, "w"))), Some("11906"));
    assert_eq!(w(sect, "pgMar").and_then(|s| s.attribute((W, "left"))), Some("1247"));
    let footer =
        parts.iter().find(|(name, _)| name.starts_with("word/footer")).map(|(_, text)| text).expect("a page footer");
    let footer = roxmltree::Document::parse(footer).unwrap();
    assert!(footer
        .descendants()
        .any(|n| n.has_tag_name((W, "instrText")) && n.text().is_some_and(|t| t.trim() == "PAGE")));
    assert!(footer.descendants().any(|n| n.has_tag_name((W, "t")) && n.text() == Some(doc.title.as_str())));
    tables.len()
}

#[test]
fn the_worked_example_in_each_language() {
    for lang in Lang::ALL {
        let doc = example(lang);
        let parts = render(&doc, &format!("elvebyen.{}.docx", lang.code()));
        let tables = check(&doc, &parts);
        assert!(tables >= 5, "{lang:?}: the example has tables: {tables}");
        assert!(expected_bullets(&doc) > 0, "the example has lists");
        assert!(!doc.organisation.is_empty());
    }
}

#[test]
fn an_empty_plan_renders() {
    let doc = empty(Lang::Nb);
    let parts = render(&doc, "empty.nb.docx");
    check(&doc, &parts);
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    assert!(!core.descendants().any(|n| n.has_tag_name((DC, "creator"))), "no author when no organisation");
}

#[test]
fn a_bare_document_and_markup_in_typed_text_render_as_text() {
    let mut doc = empty(Lang::En);
    doc.title = "<b>Tom & Jerry</b>\u{1}".into();
    doc.chapters.truncate(1);
    doc.meta.clear();
    let bytes = ioa_docx::render(&doc).unwrap();
    let parts = unzip(&bytes);
    let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let title = xml.descendants().find(|n| n.has_tag_name((W, "p")) && style_of(*n) == Some("Title")).unwrap();
    assert_eq!(text_of(title), "<b>Tom & Jerry</b>", "markup stays text, a control character is dropped");
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    assert!(!core.descendants().any(|n| n.tag_name().name() == "created"), "no date when none is given");
}

#[test]
fn the_model_survives_the_trip_to_the_worker() {
    // The page sends the model as JSON; the worker reads it back whole.
    let doc = example(Lang::Nn);
    let json = serde_json::to_string(&doc).unwrap();
    let back: PlanDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn a_phrase_written_in_a_roadmap_step_is_in_the_word_file() {
    let mut plan = Plan::new("p", NewPlan { title: "Veikart".into(), ..Default::default() }, 0).unwrap();
    let phrase = "Nattbesøkene vekker brukerne tre ganger hver natt";
    // The roadmap step's problem is kept with the needs tool's (one fact, one place).
    plan.set_answer("needs/problem/what-goes-wrong", ioa_core::plan::Answer::Text(phrase.into()), 1);
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    let parts = render(&doc, "roadmap.nb.docx");
    check(&doc, &parts);
    let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let paragraphs: Vec<String> = xml.descendants().filter(|n| n.has_tag_name((W, "p"))).map(text_of).collect();
    let chapter = paragraphs
        .iter()
        .position(|p| p == "Fase 1, Forankring: Forankringsnotat")
        .expect("the first phase is a chapter");
    // It is in the needs tool's chapter too (asked there first), and again in the phase's.
    assert!(paragraphs[chapter..].iter().any(|p| p == phrase), "the phrase is in the phase's chapter of the Word file");
}
