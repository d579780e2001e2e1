//! Fetches a language's texts and reads them into the app's catalog (see `ioa_core::catalog`,
//! and `crate::catalog`, which keeps the newest one in the app's signals). The app starts with
//! the chosen language's UI texts only; its content bundle is fetched when a view or a file
//! reader first needs it, and another language when the user chooses it (the service worker
//! has every file cached, so this works offline).

use crate::catalog;
use crate::split::lazy_fn;
use crate::state::AppState;
use ioa_core::bundle;
use ioa_core::catalog::Catalog;
use ioa_core::Lang;
use leptos::prelude::*;

lazy_fn!(
    /// Reads a content bundle. A split point: the code that reads every content type comes
    /// with the first content, not with the library.
    in content: fn install_content(lang: Lang, json: String) -> Result<Catalog, String> =>
        crate::perf::measured("ioa-bundle-install", || match catalog::loaded() {
            Some(catalog) => catalog.with_content(lang, &json),
            None => Catalog::new(catalog::texts(), lang, &json),
        })
);

async fn fetch(url: String) -> Result<String, String> {
    crate::fetch::text(&url).await.ok_or_else(|| format!("{url} could not be fetched"))
}

/// Fetches and installs `lang`'s UI texts unless they are in already; `app` is `None` before
/// the app is mounted (it starts with the texts it finds in).
pub async fn load_ui(app: Option<AppState>, lang: Lang) -> Result<(), String> {
    if catalog::texts().has(lang) {
        return Ok(());
    }
    let json = fetch(bundle::ui_url(lang)).await?;
    catalog::set_texts(app, catalog::texts().with_ui(lang, &json)?);
    Ok(())
}

/// Fetches and installs `lang`'s content unless it is in already. The code that reads it is
/// fetched beside the JSON, not after it.
pub async fn load_content(app: AppState, lang: Lang) -> Result<Catalog, String> {
    if let Some(catalog) = catalog::loaded().filter(|c| c.has(lang)) {
        return Ok(catalog);
    }
    let (json, code) = futures::join!(fetch(bundle::url(lang)), install_content::load());
    let json = json?;
    code.map_err(|e| e.to_string())?;
    let catalog = install_content::install_content(lang, json).await.map_err(|e| e.to_string())??;
    catalog::set_catalog(Some(app), catalog);
    Ok(catalog)
}

/// Everything in `lang`: what a view in that language needs.
pub async fn load(app: AppState, lang: Lang) -> Result<Catalog, String> {
    load_ui(Some(app), lang).await?;
    load_content(app, lang).await
}

/// The catalog with the content of the interface language, fetched first if need be: for a view
/// or file reader about to need it.
pub async fn content_ready(app: AppState) -> Result<Catalog, String> {
    load_content(app, app.lang.get_untracked()).await
}

/// Whether `lang`'s content is in.
pub fn installed(lang: Lang) -> bool {
    catalog::loaded().is_some_and(|c| c.has(lang))
}

fn all_in(lang: Lang) -> bool {
    catalog::texts().has(lang) && installed(lang)
}

/// Runs `then` once `lang`'s texts are in: at once if they are, else after fetching them. A
/// failure is shown as a notice and `then` does not run.
pub fn with_language(app: AppState, lang: Lang, then: impl FnOnce() + 'static) {
    if all_in(lang) {
        then();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match load(app, lang).await {
            Ok(_) => {
                app.notices.update(|n| n.bundle_failed = None);
                then();
            }
            // The texts' file gone from the server: the new-version banner says why, not the network.
            Err(_) if crate::app_update::read() == crate::app_update::AppUpdate::Stale => {}
            Err(_) => app.notices.update(|n| n.bundle_failed = Some(lang)),
        }
    });
}

/// `lang` if its texts are in; otherwise the interface language for now, while `lang`'s are
/// fetched (the catalog signal changes when they arrive, so a caller tracking this reads again).
pub fn usable(app: AppState, lang: Lang) -> Lang {
    app.catalog.track();
    if all_in(lang) {
        return lang;
    }
    // A second request before the first answers costs one fetch: installing twice is a no-op.
    with_language(app, lang, || {});
    app.lang.get_untracked()
}
