//! Moving focus, by id or selector: after a re-render, when the focused element is about to go.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

fn focus_element(element: Option<web_sys::Element>) {
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses the element with this id, now.
pub fn focus_id(id: &str) {
    focus_element(document().get_element_by_id(id));
}

/// Focuses the element with this id on the next frame, once the DOM is updated.
pub fn focus_id_next_frame(id: String) {
    request_animation_frame(move || focus_id(&id));
}

/// Focuses the first element matching `selector` on the next frame.
pub fn focus_next_frame(selector: &'static str) {
    request_animation_frame(move || focus_element(document().query_selector(selector).ok().flatten()));
}
