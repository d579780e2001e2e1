//! Copying text to the clipboard (`navigator.clipboard.writeText`), where the browser allows it.

use wasm_bindgen::JsCast;

/// Copies `text`; false when the browser has no clipboard API here (not a secure context) or
/// refuses.
pub async fn write(text: &str) -> bool {
    match start(text) {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}

fn start(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}
