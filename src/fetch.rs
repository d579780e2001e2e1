//! Reads a file served next to the app (same origin only; the CSP allows nothing else).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of a same-origin file, or `None` if it cannot be read.
pub async fn text(relative_url: &str) -> Option<String> {
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(relative_url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
