//! Reads a file served next to the app (same origin only; the CSP allows nothing else).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// This build's name of a file the app loads (`content/nb.json` -> `content/nb.<hash>.json`), by
/// boot.js's `window.ioaFile` (every file is named by a hash of its content, scripts/hash-files.mjs;
/// in JS, so the first load's wasm stays small). Without it (the browser tests' build) a name
/// stands for itself. Relative to the page, without "./".
pub fn built(relative_url: &str) -> String {
    let name = relative_url.strip_prefix("./").unwrap_or(relative_url);
    let resolve = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"ioaFile".into()).ok());
    let found = resolve
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&JsValue::NULL, &name.into()).ok());
    found.and_then(|v| v.as_string()).unwrap_or_else(|| name.to_owned())
}

/// The text of a same-origin file (by its name in the sources, see [`built`]), or `None` if it
/// cannot be read. A built file the server no longer has means a new build replaced this tab's:
/// the tab is told so (src/app_update.rs, "stale"), not that the network failed.
pub async fn text(relative_url: &str) -> Option<String> {
    let url = built(relative_url);
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(&url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        if url != relative_url && matches!(response.status(), 404 | 410) {
            crate::app_update::mark_stale();
        }
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
