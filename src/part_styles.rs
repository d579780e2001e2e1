//! The stylesheets only the parts' views use (worksheets, documents, the roadmap, and the
//! Designsystemet rules only they need): fetched with
//! the first part rather than with the library, and awaited before its view is made, so it
//! never shows unstyled. Same origin, so the page's CSP (`style-src 'self'`) allows them.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

// SHEETS: every file of style/parts/ and Designsystemet's rules only the parts use, in the order
// they are added (build.rs lists them: ds-parts.css first, print.css last, so its rules win when
// printing; only the parts' views are printed). Precached like every file.
include!(concat!(env!("OUT_DIR"), "/part_sheets.rs"));

thread_local! {
    /// One promise for all callers: every sheet loaded, or one failed.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static LOADED: RefCell<bool> = const { RefCell::new(false) };
}

/// Whether the sheets are in. A build without parts (the wasm-bindgen tests, which serve no
/// stylesheets) has nothing to wait for.
pub fn loaded() -> bool {
    !cfg!(feature = "split") || LOADED.with(|l| *l.borrow())
}

fn add(href: &str) -> Result<js_sys::Promise, JsValue> {
    let document = leptos::prelude::document();
    let link: web_sys::HtmlLinkElement = document.create_element("link")?.unchecked_into();
    link.set_rel("stylesheet");
    link.set_href(&crate::fetch::built(href));
    link.set_attribute("data-part-style", "")?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        link.set_onload(Some(&resolve));
        link.set_onerror(Some(&reject));
    });
    // In the list's order, after the page's own sheets.
    document.head().ok_or("no head")?.append_child(&link)?;
    Ok(loaded)
}

/// Adds the sheets to the page (once) and waits until they are loaded. After a failure the next
/// call starts again.
pub async fn ready() -> Result<(), JsValue> {
    if loaded() {
        return Ok(());
    }
    let promise = LOADING.with(|l| -> Result<js_sys::Promise, JsValue> {
        if let Some(p) = l.borrow().as_ref() {
            return Ok(p.clone());
        }
        let all = SHEETS.iter().map(|href| add(href).map(JsValue::from)).collect::<Result<js_sys::Array, _>>()?;
        let p = js_sys::Promise::all(&all);
        *l.borrow_mut() = Some(p.clone());
        Ok(p)
    })?;
    let result = wasm_bindgen_futures::JsFuture::from(promise).await;
    LOADING.with(|l| *l.borrow_mut() = None);
    match result {
        Ok(_) => {
            LOADED.with(|l| *l.borrow_mut() = true);
            Ok(())
        }
        Err(e) => {
            // A sheet gone from the server (a new build) marks the tab stale (src/fetch.rs).
            for href in SHEETS {
                if crate::fetch::text(href).await.is_none() {
                    break;
                }
            }
            // Take the failed links out, so a retry adds them afresh.
            if let Ok(links) = leptos::prelude::document().query_selector_all("link[data-part-style]") {
                for i in 0..links.length() {
                    if let Some(link) = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                        link.remove();
                    }
                }
            }
            Err(e)
        }
    }
}
