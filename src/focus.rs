//! Moving focus after the view has re-rendered (when the focused element is about to vanish).

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` on the next frame, once the DOM is updated.
pub fn focus_next_frame(selector: &'static str) {
    request_animation_frame(move || {
        let element = document().query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
