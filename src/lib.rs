//! IOA-planleggeren in the browser: thin Leptos components over the pure `ioa_core` crate.

pub mod app;
pub mod app_update;
pub mod clock;
pub mod components;
pub mod fetch;
pub mod file_io;
pub mod focus;
pub mod transfer;
pub mod i18n;
pub mod pages;
pub mod perf;
pub mod persistence;
pub mod session;
pub mod state;
pub mod title;
pub mod worksheet;

pub use app::App;

/// Mounts the app into `<body>`, replacing the static loading shell.
pub fn start() {
    if let Some(shell) = leptos::prelude::document().get_element_by_id("boot") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}
