//! Renders the core's document model (`ioa_core::documents::tool`) into the page: sections, items,
//! tables, and the comparison's cells. Tools' documents, the whole-plan document and the
//! learning network's comparison all use it.
//!
//! It builds the DOM directly instead of through `view!`: a document is read, never edited, so
//! it needs no reactivity inside, and one small builder costs a fraction of the wasm that a
//! generic view per element shape does (measured: the whole-plan and comparison pages cost
//! 30 KB brotli with views). Every value goes in with `set_text_content`: nothing typed is ever
//! parsed as markup.

use ioa_core::content::ColumnKind;
use ioa_core::documents::tool::{keeps_whole, Item, Section};
use ioa_core::text::{blocks, Block};
use leptos::prelude::*;
use web_sys::Element;

/// The heading level of a section's title; its items' labels are one level below.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    H2,
    H3,
}

impl Level {
    fn section_tag(self) -> (&'static str, &'static str) {
        match self {
            Level::H2 => ("h2", "md"),
            Level::H3 => ("h3", "sm"),
        }
    }
    fn label_tag(self) -> &'static str {
        match self {
            Level::H2 => "h3",
            Level::H3 => "h4",
        }
    }
}

/// A `<div>` whose content `fill` builds once it is in the page. The caller re-renders it when
/// what it shows changes; a re-render may reuse the same element, so it is emptied first.
pub fn built(class: &'static str, fill: impl FnOnce(&Element) + 'static) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    node.on_load(move |div| {
        div.set_text_content(None);
        fill(&div);
    });
    view! { <div class=class node_ref=node></div> }
}

/// `<tag class=…>` with `text` as its only content (or none).
pub fn element(tag: &str, class: &str, text: Option<&str>) -> Element {
    let el = document().create_element(tag).expect("a valid tag name");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    el
}

pub fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

pub fn attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// A heading with the design system's class and size.
pub fn heading(tag: &str, size: &str, text: &str) -> Element {
    let h = element(tag, "ds-heading", Some(text));
    attr(&h, "data-size", size);
    h
}

/// Plain text with paragraphs and "- " bullets kept (answers are typed text, never markup).
pub fn paragraphs(parent: &Element, text: &str) {
    for block in blocks(text) {
        match block {
            Block::Paragraph(p) => append(parent, &element("p", "ds-paragraph", Some(p))),
            Block::Bullets(items) => append(parent, &list(items.into_iter())),
        }
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> Element {
    let ul = element("ul", "ds-list", None);
    for i in items {
        append(&ul, &element("li", "", Some(i)));
    }
    ul
}

/// A section with its heading and items (a tool's document, the whole plan).
pub fn section(section: &Section, missing: &str, level: Level) -> Element {
    let el = element("section", "document__section", None);
    let (tag, size) = level.section_tag();
    append(&el, &heading(tag, size, &section.heading));
    items(&el, &section.items, missing, level);
    el
}

/// Each item with its label as a heading; `missing` is what a part with no answer says, in the
/// document's language.
pub fn items(parent: &Element, items: &[Item], missing: &str, level: Level) {
    for item in items {
        let class = if matches!(item, Item::Missing { .. }) {
            "document__item document__item--missing"
        } else {
            "document__item"
        };
        let div = element("div", class, None);
        let label = match item {
            Item::Text { label, .. }
            | Item::List { label, .. }
            | Item::Table { label, .. }
            | Item::Missing { label } => label,
        };
        append(&div, &heading(level.label_tag(), "xs", label));
        item_body(&div, item, missing);
        append(parent, &div);
    }
}

/// An item's value without its label (a cell of the comparison, where the row says what it is).
pub fn item_body(parent: &Element, item: &Item, missing: &str) {
    match item {
        Item::Text { text, .. } => paragraphs(parent, text),
        Item::List { items, .. } => append(parent, &list(items.iter().map(String::as_str))),
        Item::Table { label, headers, kinds, rows } => append(parent, &table(label, headers, kinds, rows)),
        Item::Missing { .. } => append(parent, &element("p", "ds-paragraph missing", Some(missing))),
    }
}

/// The class a column's header and cells get: short values (dates, amounts, short choices) keep
/// a column just as wide as they need and stay on one line; long text takes the largest share
/// of the rest; other text wraps between words.
fn column_class(kind: ColumnKind, whole: bool, header: bool) -> &'static str {
    match (whole, header) {
        (true, true) => "fit",
        (true, false) => "nowrap",
        (false, true) if kind == ColumnKind::LongText => "grow",
        (false, _) => "",
    }
}

/// A document table in a region that scrolls sideways by keyboard when it must.
fn table(label: &str, headers: &[String], kinds: &[ColumnKind], rows: &[Vec<String>]) -> Element {
    let whole: Vec<bool> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| keeps_whole(*k, rows.iter().map(|r| r.get(i).map_or("", String::as_str))))
        .collect();
    let region = scroll_region("table-scroll", label);
    let table = element("table", "ds-table document__table stacked-table", None);
    attr(&table, "data-border", "true");
    let head_row = element("tr", "", None);
    for (i, h) in headers.iter().enumerate() {
        let th = element("th", column_class(kinds[i], whole[i], true), Some(h));
        attr(&th, "scope", "col");
        append(&head_row, &th);
    }
    let thead = element("thead", "", None);
    append(&thead, &head_row);
    append(&table, &thead);
    let tbody = element("tbody", "", None);
    for row in rows {
        let tr = element("tr", "", None);
        for (i, cell) in row.iter().enumerate().take(headers.len()) {
            let td = element("td", column_class(kinds[i], whole[i], false), Some(cell));
            attr(&td, "data-label", &headers[i]);
            append(&tr, &td);
        }
        append(&tbody, &tr);
    }
    append(&table, &tbody);
    append(&region, &table);
    region
}

/// A focusable, labelled region (keyboard users scroll a wide table inside it).
pub fn scroll_region(class: &str, label: &str) -> Element {
    let region = element("div", class, None);
    attr(&region, "tabindex", "0");
    attr(&region, "role", "region");
    attr(&region, "aria-label", label);
    region
}
