// Starts the app. A separate file (not an inline script) so the Content-Security-Policy needs
// no 'unsafe-inline'. scripts/build-app.sh builds ioa-planleggeren.js and ioa-planleggeren_bg.wasm without hashes.
import init from './ioa-planleggeren.js';

init({ module_or_path: './ioa-planleggeren_bg.wasm' });

// Offline and updates (sw.js). The app reads the state from <html data-update> and the
// `ioa-update` event: "ready" = a new build is installed and waits; "elsewhere" = another tab
// switched to a new build. A new build never takes over by itself while this tab is open.
function announce(state) {
  document.documentElement.dataset.update = state;
  window.dispatchEvent(new CustomEvent('ioa-update', { detail: state }));
}

// The offline copy is made once the app is on screen (it fires `ioa-started`), so it does not
// compete with the first view.
const started = new Promise((resolve) => window.addEventListener('ioa-started', resolve, { once: true }));

if ('serviceWorker' in navigator) {
  const hadController = Boolean(navigator.serviceWorker.controller);
  let asked = false;
  started.then(() => navigator.serviceWorker.register('sw.js')).then((registration) => {
    if (!registration) return; // service workers blocked (a policy or a test): online only
    const watch = (worker) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce('ready');
    });
    if (registration.waiting && navigator.serviceWorker.controller) announce('ready');
    if (registration.installing) watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // The user chose "use the new version": the app has saved; switch, then reload once.
    window.addEventListener('ioa-apply-update', () => {
      asked = true;
      if (registration.waiting) registration.waiting.postMessage('ioa-activate');
    });
  }, () => { /* no offline copy (e.g. a private window): the app still works online */ });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) window.location.reload();
    else if (hadController) announce('elsewhere');
  });
}
