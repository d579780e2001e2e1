//! Reads a file served next to the app (same origin only; the CSP allows nothing else).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// This build's name of a file the app loads (`content/nb.json` -> `content/nb.<hash>.json`): every
/// file is named by a hash of its content, and boot.js publishes each name's hash as
/// `window.ioaFiles` (scripts/hash-files.mjs). Without it (the browser tests' build) a name stands
/// for itself.
pub fn built(relative_url: &str) -> String {
    let name = relative_url.strip_prefix("./").unwrap_or(relative_url);
    let map = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"ioaFiles".into()).ok()).filter(|m| m.is_object());
    let hash = map.and_then(|m| js_sys::Reflect::get(&m, &name.into()).ok()).and_then(|v| v.as_string());
    match (hash, relative_url.rfind('.').filter(|&dot| dot > relative_url.rfind('/').unwrap_or(0))) {
        (Some(hash), Some(dot)) => format!("{}.{hash}{}", &relative_url[..dot], &relative_url[dot..]),
        _ => relative_url.to_owned(),
    }
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
