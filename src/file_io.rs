//! Files in and out of the browser: offering a download and reading a chosen or dropped file.
//! What the bytes mean is decided in `ioa_core::plan_file`; this module only moves them.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The type of every file the app offers: plan files and raw recovered plans are UTF-8 JSON.
pub const JSON_MIME: &str = "application/json;charset=utf-8";
pub const MARKDOWN_MIME: &str = "text/markdown;charset=utf-8";
pub const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Offers `text` as a download named `name`. Nothing leaves the page: the file is a `blob:` URL
/// the browser saves locally.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    offer(name, &js_sys::Array::of1(&JsValue::from_str(text)), mime)
}

/// Offers `bytes` (a Word file) as a download named `name`, like [`download`].
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    offer(name, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)), mime)
}

fn offer(name: &str, parts: &js_sys::Array, mime: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoked later: some browsers read the URL after `click` returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The files in a file input's or a drop's list.
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A file's bytes, read whole (callers check the size first).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
