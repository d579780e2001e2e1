//! IOA-planleggeren in the browser: thin Leptos components over the pure `ioa_core` crate.

pub mod app;
pub mod app_update;
pub mod bundles;
pub mod catalog;
pub mod clipboard;
pub mod clock;
pub mod components;
pub mod fetch;
pub mod file_drop;
pub mod file_io;
pub mod focus;
pub mod i18n;
pub mod idle;
pub mod library;
pub mod library_actions;
pub mod pages;
pub mod part_styles;
pub mod perf;
pub mod persistence;
pub mod plan_files;
pub mod print_footer;
pub mod session;
pub mod split;
pub mod state;
pub mod title;
pub mod transfer;
pub mod word_file;
pub mod worksheet;

pub use app::App;

/// The version people can quote: Cargo's version and the build, the commit it was built from
/// (scripts/build-app.sh gives it as `IOA_BUILD_ID`), e.g. "0.1.0+3f2a9c1d0b7e" (semver's build
/// metadata). Builds without it (the wasm-bindgen tests) give the version alone.
pub fn app_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| match option_env!("IOA_BUILD_ID") {
        Some(build) if !build.is_empty() => format!("{}+{build}", env!("CARGO_PKG_VERSION")),
        _ => env!("CARGO_PKG_VERSION").to_string(),
    })
}

/// Tells boot.js, once, that the first view is on screen, so it starts the offline copy (sw.js).
/// That fetches every file of the build, so on a deep link it waits for the view's part too
/// rather than compete with it.
pub(crate) fn first_view_shown() {
    thread_local!(static SENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if SENT.with(|s| s.replace(true)) {
        return;
    }
    // For the bench: when the first view was made (see also the measures in src/perf.rs).
    if let Some(performance) = leptos::prelude::window().performance() {
        let _ = performance.mark("ioa-first-view");
    }
    if let Ok(event) = web_sys::CustomEvent::new("ioa-started") {
        let _ = leptos::prelude::window().dispatch_event(&event);
    }
}

/// Fetches the UI texts of the language last chosen, then mounts the app into `<body>`, replacing
/// the static loading shell. If the texts cannot be had, the shell says so.
pub fn start() {
    let lang = persistence::open_browser_storage()
        .and_then(|kv| ioa_core::storage::load_lang(&kv))
        .unwrap_or(ioa_core::Lang::Nb);
    app::load_first_part();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match bundles::load_ui(None, lang).await {
            Ok(()) => Ok(()),
            // Texts in another language are better than no app.
            Err(_) if lang != ioa_core::Lang::Nb => bundles::load_ui(None, ioa_core::Lang::Nb).await,
            Err(e) => Err(e),
        };
        let document = leptos::prelude::document();
        match loaded {
            Ok(()) => {
                if let Some(shell) = document.get_element_by_id("boot") {
                    shell.remove();
                }
                perf::measured("ioa-mount", || leptos::mount::mount_to_body(App));
                // A part's view says so itself once it is in (src/app.rs, part_view).
                if !app::shows_part() {
                    first_view_shown();
                }
            }
            Err(_) => {
                // No texts, so no locale: the shell carries this message in all three languages.
                if let Some(loading) = document.query_selector(".boot__loading").ok().flatten() {
                    let _ = loading.set_attribute("hidden", "");
                }
                if let Some(failed) = document.query_selector(".boot__failed").ok().flatten() {
                    let _ = failed.remove_attribute("hidden");
                }
            }
        }
    });
}
