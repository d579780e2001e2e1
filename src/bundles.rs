//! Fetches a language's content bundle (`content/<lang>.json`, see `ioa_core::bundle`) and
//! installs it. The app starts with the chosen language's bundle only; another language is
//! fetched when it is first used (the service worker has it cached, so this works offline).

use crate::state::AppState;
use ioa_core::bundle;
use ioa_core::Lang;
use leptos::prelude::*;

/// Fetches and installs `lang`'s bundle unless it is in already.
pub async fn load(lang: Lang) -> Result<(), String> {
    if bundle::installed(lang) {
        return Ok(());
    }
    let json = crate::fetch::text(&bundle::url(lang)).await.ok_or_else(|| format!("{} could not be fetched", bundle::url(lang)))?;
    crate::perf::measured("ioa-bundle-install", || bundle::install(lang, &json))
}

/// Runs `then` once `lang`'s texts are in: at once if they are, else after fetching them. A
/// failure is shown as a notice and `then` does not run.
pub fn with_language(app: AppState, lang: Lang, then: impl FnOnce() + 'static) {
    if bundle::installed(lang) {
        then();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match load(lang).await {
            Ok(()) => {
                app.bundles.update(|n| *n += 1);
                app.notices.update(|n| n.bundle_failed = None);
                then();
            }
            Err(_) => app.notices.update(|n| n.bundle_failed = Some(lang)),
        }
    });
}

/// `lang` if its texts are in; otherwise the interface language for now, while `lang`'s are
/// fetched (the bundles signal changes when they arrive, so a caller tracking this reads again).
pub fn usable(app: AppState, lang: Lang) -> Lang {
    app.bundles.track();
    if bundle::installed(lang) {
        return lang;
    }
    // A second request before the first answers costs one fetch: installing twice is a no-op.
    with_language(app, lang, || {});
    app.lang.get_untracked()
}
