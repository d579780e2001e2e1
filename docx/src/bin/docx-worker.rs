//! The Word file, made off the page's thread: a Web Worker that Trunk builds as
//! `docx-worker.js` + `docx-worker_bg.wasm` (wasm-bindgen `no-modules`) and starts through
//! `docx-worker_loader.js`. The app starts it only when a Word file is asked for
//! (`src/word_file.rs`), so none of it is in the first load.
//!
//! Protocol: once its wasm is running, the worker posts `"ready"` (a message posted to it
//! before then would be lost). The page then posts a [`PlanDocument`] as a JSON string; the
//! worker answers with the .docx as a `Uint8Array` (its buffer transferred), or with a string
//! starting `"error:"`.

#[cfg(target_arch = "wasm32")]
mod worker {
    use ioa_core::documents::plan::PlanDocument;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// The moment the file is made, as its created and modified dates (W3CDTF, no fraction).
    fn now() -> String {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        match iso.split_once('.') {
            Some((seconds, _)) => format!("{seconds}Z"),
            None => iso,
        }
    }

    fn reply(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> Result<JsValue, String> {
        let json = data.as_string().ok_or("the message is not a JSON string")?;
        let doc: PlanDocument = serde_json::from_str(&json).map_err(|e| format!("the document: {e}"))?;
        let bytes = ioa_docx::render_at(&doc, Some(&now()))?;
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        scope.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer())).map_err(|e| format!("{e:?}"))?;
        Ok(JsValue::UNDEFINED)
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let handler_scope = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Err(e) = reply(&handler_scope, &event.data()) {
                let _ = handler_scope.post_message(&JsValue::from_str(&format!("error: {e}")));
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives until the page terminates it: the handler lives as long.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}

/// wasm-bindgen runs a binary's `main` once the module is instantiated.
fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
    // On the host there is nothing to run: the bin only has to build with the crate's tests.
}
