//! Work that may wait for a quiet moment: `requestIdleCallback` with a deadline, so it runs
//! between keystrokes and frames rather than in the middle of them. Where the browser lacks it
//! (Safari), the work runs at once, as it did before.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `work` when the browser is next idle, and at the latest after `deadline_ms`.
pub fn when_idle(deadline_ms: u32, work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return work() };
    let supported = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if !supported {
        return work();
    }
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(deadline_ms);
    let callback = Closure::once_into_js(work);
    // On failure the callback never runs; the page's pagehide flush still saves.
    let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
}
