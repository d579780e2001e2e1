//! The plan's title in the footer of every printed page (a CSS `@page` margin box; print.css
//! adds the page number). The title is the user's text, so it goes in as an escaped CSS string
//! of a constructed style sheet: never parsed as anything but that string, and allowed by the
//! page's CSP, which forbids inline styles.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Prints `title` at the bottom left of each page until [`clear`].
pub fn set(title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let rule = format!("@page {{ @bottom-left {{ content: {}; }} }}", ioa_core::text::css_string(title));
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
            let sheets = document.adopted_style_sheets();
            sheets.push(&sheet);
            document.set_adopted_style_sheets(&sheets);
            *cell = Some(sheet);
        }
        if let Some(sheet) = cell.as_ref() {
            let _ = sheet.replace_sync(&rule);
        }
    });
}

/// Takes the title out of the printed footer again (leaving the page).
pub fn clear() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    SHEET.with(|cell| {
        let Some(sheet) = cell.borrow_mut().take() else { return };
        let sheets = document.adopted_style_sheets();
        let kept = js_sys::Array::new();
        for s in sheets.iter() {
            if s.dyn_ref::<web_sys::CssStyleSheet>() != Some(&sheet) {
                kept.push(&s);
            }
        }
        document.set_adopted_style_sheets(&kept);
    });
}
