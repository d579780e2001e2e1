//! News of a new build of the app, as public/boot.js reports it from the service worker.
//! boot.js sets `<html data-update>` and fires `ioa-update`; the app shows a banner and switches
//! only when the user asks (boot.js then activates the new build and reloads this tab once).

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppUpdate {
    /// This tab runs the newest build it knows of.
    Current,
    /// A new build is installed and waits for the user (or for the next start).
    Ready,
    /// Another tab switched to a new build; this tab still runs the older one.
    Elsewhere,
    /// A new build was put on the server and this tab's build is gone from it: a part asked for
    /// was not there (404, or not a wasm file). Set by the parts' loader (scripts/split-loader.mjs);
    /// no part of another build is ever run, and the tab is offered a reload.
    Stale,
}

pub fn read() -> AppUpdate {
    let state = document().document_element().and_then(|root| root.get_attribute("data-update"));
    match state.as_deref() {
        Some("ready") => AppUpdate::Ready,
        Some("elsewhere") => AppUpdate::Elsewhere,
        Some("stale") => AppUpdate::Stale,
        _ => AppUpdate::Current,
    }
}

/// Keeps `update` in step with boot.js for the life of the app.
pub fn follow(update: RwSignal<AppUpdate>) {
    update.set(read());
    let listener = window_event_listener_untyped("ioa-update", move |_| update.set(read()));
    on_cleanup(move || listener.remove());
}

/// This tab's build is gone from the server: a file it asked for by its built name answered 404
/// (src/fetch.rs), as a part does in scripts/split-loader.mjs. A state boot.js set stays.
pub fn mark_stale() {
    let Some(root) = document().document_element() else { return };
    if matches!(read(), AppUpdate::Current) {
        let _ = root.set_attribute("data-update", "stale");
        if let Ok(event) = web_sys::CustomEvent::new("ioa-update") {
            let _ = window().dispatch_event(&event);
        }
    }
}

/// Switches to the waiting build. The open plan is saved when the page goes away (pagehide).
pub fn use_new_build() {
    if let Ok(event) = web_sys::CustomEvent::new("ioa-apply-update") {
        let _ = window().dispatch_event(&event);
    }
}

/// Reloads this tab onto the build another tab already uses (saving first, via pagehide).
pub fn reload() {
    let _ = window().location().reload();
}
