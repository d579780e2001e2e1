//! The whole plan as a Word file, made in a Web Worker (the `ioa-docx` crate's `docx-worker`),
//! so the Word writer is not in the app's first load: nothing fetches the worker until
//! [`word_file`] is called, and it is ended as soon as the file is made.

use ioa_core::documents::plan::PlanDocument;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Trunk's loader for the worker (`importScripts` of `docx-worker.js`, then its wasm), next to
/// index.html. Relative, so the app works under any sub-path.
pub const WORKER_URL: &str = "./docx-worker_loader.js";

/// How long the worker may take, from starting to the finished file (fetching its code the first
/// time, on a slow line, is most of it).
const TIMEOUT_MS: i32 = 60_000;

/// The Word file (.docx bytes) of `doc`. Starts the worker, sends it `doc` once it says it is
/// ready, waits for the file, and ends the worker.
pub async fn word_file(doc: &PlanDocument) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(doc).map_err(|e| e.to_string())?;
    let worker = web_sys::Worker::new(&crate::fetch::built(WORKER_URL)).map_err(|e| describe(&e))?;
    let result = run(&worker, json).await;
    worker.terminate();
    result
}

async fn run(worker: &web_sys::Worker, json: String) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let mut settle = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.ok_or("no promise")?;

    // The worker says "ready" once its wasm runs (a message sent before then would be lost);
    // its next message is the file or "error: …".
    let sent = Rc::new(Cell::new(false));
    let on_message = {
        let worker = worker.clone();
        let reject = reject.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if !sent.get() && data.as_string().as_deref() == Some("ready") {
                sent.set(true);
                if let Err(e) = worker.post_message(&JsValue::from_str(&json)) {
                    let _ = reject.call1(&JsValue::NULL, &e);
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        })
    };
    // The worker's script or wasm would not load, or it failed while working.
    let on_error = {
        let reject = reject.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let message = match event.dyn_ref::<web_sys::ErrorEvent>() {
                Some(e) if !e.message().is_empty() => e.message(),
                _ => "the Word file's worker failed".to_string(),
            };
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
        })
    };
    // A wasm that fails to load inside the worker rejects a promise there and says nothing here.
    let on_timeout = Closure::<dyn FnMut()>::new(move || {
        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the Word file took too long"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), TIMEOUT_MS)
        .map_err(|e| describe(&e))?;

    let outcome = JsFuture::from(promise).await;
    window.clear_timeout_with_handle(timer);
    worker.set_onmessage(None);
    worker.set_onerror(None);
    worker.set_onmessageerror(None);
    drop((on_message, on_error, on_timeout));

    let data = outcome.map_err(|e| describe(&e))?;
    if let Some(text) = data.as_string() {
        return Err(text.strip_prefix("error:").map_or(text.as_str(), str::trim).to_string());
    }
    let bytes = data.dyn_into::<js_sys::Uint8Array>().map_err(|_| "the worker sent no file".to_string())?;
    Ok(bytes.to_vec())
}

fn describe(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| format!("{value:?}"))
}
