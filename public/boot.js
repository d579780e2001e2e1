// Starts the app. A separate file (not an inline script) so the Content-Security-Policy needs
// no 'unsafe-inline'. scripts/build-app.sh builds ioa-planleggeren.js and ioa-planleggeren_bg.wasm without hashes.
import init from './ioa-planleggeren.js';

// A deep link would otherwise fetch in a chain: the wasm starts, then asks for its texts, mounts,
// then asks for the view's part, the content and the parts' stylesheets, and only once the content
// is in, for the code that reads it. So what the first view will need is asked for here, before
// the wasm has started. Each is a <link rel=preload> the app's own request later takes over (not
// a second download): `as=fetch` with `crossorigin` is what fetch() asks for by default (the
// texts, and the parts in __wasm_split.js), `as=style` what src/part_styles.rs's links ask for.

// Each part's wasm files by part name; scripts/parts-map.mjs fills this in at build time from
// __wasm_split.js.
const PART_FILES = /* parts-map */ {};
// The part each route's view is in (src/pages/parts.rs); every part waits for the content too
// (src/app.rs, part_view).
const ROUTE_PART = new Map([['plan', 'plan'], ['facts', 'info'], ['about', 'info'], ['compare', 'compare']]);
const PART_SHEETS = ['ds-parts.css', 'style/worksheet.css', 'style/document.css', 'style/roadmap.css', 'style/print.css']; // = src/part_styles.rs

function preload(href, as) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = as;
  if (as === 'fetch') link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}

// The language last chosen, as core/src/storage.rs keeps it. A guess only: src/lib.rs decides,
// so blocked storage or an odd value means bokmål here and never an error.
function language() {
  try {
    const lang = JSON.parse(localStorage.getItem('ioa-planleggeren/prefs'))?.lang;
    return ['nb', 'nn', 'en'].includes(lang) ? lang : 'nb';
  } catch {
    return 'nb';
  }
}

const lang = language();
preload(`content/${lang}.ui.json`, 'fetch');
const [first, second] = location.hash.replace(/^#/, '').split('/').filter(Boolean);
const part = first === 'plan' && !second ? undefined : ROUTE_PART.get(first);
if (part) {
  preload(`content/${lang}.json`, 'fetch');
  for (const file of new Set([...(PART_FILES[part] ?? []), ...(PART_FILES.content ?? [])])) preload(file, 'fetch');
  for (const sheet of PART_SHEETS) preload(sheet, 'style');
}

init({ module_or_path: './ioa-planleggeren_bg.wasm' });

// Offline and updates (sw.js). The app reads the state from <html data-update> and the
// `ioa-update` event: "ready" = a new build is installed and waits; "elsewhere" = another tab
// switched to a new build. A new build never takes over by itself while this tab is open.
function announce(state) {
  document.documentElement.dataset.update = state;
  window.dispatchEvent(new CustomEvent('ioa-update', { detail: state }));
}

// The offline copy is made once the first view is on screen, a deep link's part included (the
// app fires `ioa-started`), so it does not compete with the first view.
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
