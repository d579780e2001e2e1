// Starts the app. A separate file (not an inline script) so the Content-Security-Policy needs
// no 'unsafe-inline'. scripts/build-app.sh builds ioa-planleggeren.js and ioa-planleggeren_bg.wasm.
// The glue is imported in startApp() below, not here: a static import that fails (a 404, a wrong
// MIME type) would stop this whole file, and the page would say "Laster …" forever.
//
// A classic script at the top of <head> (index.html), not a module: it runs as soon as it is in,
// before the page's stylesheets are and before the page is parsed, where a module (deferred, or
// async, which Chromium runs after the first paint) ran 40-120 ms later on a plan link. So the
// link's files are asked for and the main wasm compiled that much earlier. What needs <body> waits
// for it (`parsed`). One strict block, so nothing here becomes a global.
'use strict';
{

// A deep link would otherwise fetch in a chain: the wasm starts, then asks for its texts, mounts,
// then asks for the view's part, the content and the parts' stylesheets, and only once the content
// is in, for the code that reads it. So what the first view will need is asked for here, before
// the wasm has started. Each is a <link rel=preload> the app's own request later takes over (not
// a second download): `as=fetch` with `crossorigin` is what fetch() asks for by default (the
// texts, and the parts in __wasm_split.js), `as=style` what src/part_styles.rs's links ask for.

// The hash of the content in the name of each file this build asks for by name (content/nb.json
// is content/nb.<hash>.json; scripts/hash-files.mjs fills the map in at build time), so nothing of
// another build is ever taken for this build's. The app finds its texts, stylesheets and worker by
// it (window.ioaFile, src/fetch.rs). Not filled in, a name stands for itself.
const FILES = { __IOA_FILES__: 0 };
// This file's own path (its name carries this build's hash).
const OWN = new URL(document.currentScript.src).pathname;
const built = (name) => (typeof FILES[name] === 'string' ? name.replace(/(\.[^./]+)$/, `.${FILES[name]}$1`) : name);
window.ioaFile = built;

// Each part's wasm files by part name; scripts/parts-map.mjs fills this in at build time from
// __wasm_split.js.
const PART_FILES = /* parts-map */ {};
// The part each route's view is in (src/pages/parts.rs); every part waits for the content too
// (src/app.rs, part_view).
const ROUTE_PART = new Map([['plan', 'plan'], ['facts', 'info'], ['about', 'info'], ['compare', 'compare']]);
// The stylesheets every part needs (src/part_styles.rs): style/parts/ and ds-parts.css, filled in
// at build time by scripts/parts-map.mjs.
const PART_SHEETS = /* part-sheets */ [];

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

// Resolved once the page is parsed: the app mounts into <body>, and a failure replaces the shell.
const parsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : Promise.resolve();

const lang = language();
preload(built(`content/${lang}.ui.json`), 'fetch');
const [first, second] = location.hash.replace(/^#/, '').split('/').filter(Boolean);
const part = first === 'plan' && !second ? undefined : ROUTE_PART.get(first);
if (part) {
  preload(built(`content/${lang}.json`), 'fetch');
  for (const file of new Set([...(PART_FILES[part] ?? []), ...(PART_FILES.content ?? [])])) preload(file, 'fetch');
  for (const sheet of PART_SHEETS) preload(built(sheet), 'style');
}

startApp();

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

// ---- Boot failure: when the app's code cannot be loaded, say what happened and what to tell IT.
// Texts come from locales/*.json (the `boot.` keys) as boot-texts.json, fetched only on a
// failure; the titles are written in here at build time by scripts/boot-texts.mjs, for when
// not even that file can be had. Every text is set with textContent, never as HTML.
const BOOT_TITLES = /* boot-texts */ {};

// A Content-Security-Policy that forbids WebAssembly is reported here before instantiate fails.
const bootViolations = [];
document.addEventListener('securitypolicyviolation', (e) => bootViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));

function startApp() {
  // The app mounts into <body> and takes the shell away: it starts once the page is parsed
  // (the glue and the wasm are on their way meanwhile: index.html preloads them).
  import(`./${built('ioa-planleggeren.js')}`)
    .then(({ default: init }) => parsed.then(() => init({ module_or_path: `./${built('ioa-planleggeren_bg.wasm')}` })))
    .catch((error) => parsed.then(() => diagnoseBootFailure(error)).then(
      (found) => (found.kind === 'newbuild' && reloadOnce()) || showBootFailure(found),
      () => showBootFailure({ kind: 'unknown', error: String(error) }),
    ));
}

async function bootTexts(lang) {
  try {
    const all = await (await fetch(built('boot-texts.json'))).json();
    return all[lang] ?? all.nb;
  } catch {
    return BOOT_TITLES[lang] ?? BOOT_TITLES.nb ?? {};
  }
}

// The stored language, else the browser's (nb, nn, en), else bokmål.
function bootFailureLanguage() {
  const stored = language();
  try {
    if (JSON.parse(localStorage.getItem('ioa-planleggeren/prefs'))?.lang) return stored;
  } catch { /* no storage: the browser's language */ }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (code === 'nn') return 'nn';
    if (code === 'nb' || code === 'no') return 'nb';
    if (code === 'en') return 'en';
  }
  return 'nb';
}

// What went wrong: WebAssembly missing, blocked by the page's policy, a file the server does not
// give (status, type or content), no server at all, or a browser that cannot run the code.
async function diagnoseBootFailure(error) {
  const message = String(error?.message ?? error);
  if (typeof WebAssembly !== 'object') return { kind: 'nowasm', error: message };
  if (bootViolations.some((v) => /wasm-eval|eval/.test(v)) || /Content.Security.Policy|unsafe-eval/i.test(message)) {
    return { kind: 'csp', error: message };
  }
  const script = /javascript|ecmascript/;
  for (const [file, type] of [['ioa-planleggeren.js', script], ['__wasm_split.js', script], ['ioa-planleggeren_bg.wasm', null]]) {
    let response;
    try {
      response = await fetch(built(file), { cache: 'no-store' });
    } catch {
      return { kind: 'offline', error: message };
    }
    const got = response.headers.get('content-type') ?? '';
    if (!response.ok) return { kind: (await newBuild()) ? 'newbuild' : 'missing', file: built(file), status: String(response.status), error: message };
    if (type && !type.test(got)) return { kind: 'mime', file, type: got || '-', error: message };
    if (!type) {
      const head = new Uint8Array((await response.arrayBuffer()).slice(0, 4));
      if (head.join() !== '0,97,115,109') return { kind: 'notapp', file, type: got || '-', error: message };
    }
  }
  if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) return { kind: 'old', error: message };
  return { kind: 'unknown', error: message };
}

// Whether the server's index.html now names another boot.js than this one: a new build was put
// in place while this page loaded (this build's files, named by their content, are gone or not
// yet there), so a reload is all it takes.
async function newBuild() {
  try {
    const page = await (await fetch(location.href.split('#')[0], { cache: 'no-store' })).text();
    const own = OWN.split('/').pop();
    return /\bboot\.[0-9a-f]{12}\.js\b/.test(page) && !page.includes(own);
  } catch {
    return false;
  }
}

// A new build came while this page loaded: reload once (nothing is open yet) to get it whole; a
// second time for the same boot.js says so instead, so a half-done deploy cannot loop the page.
function reloadOnce() {
  try {
    const own = OWN;
    if (sessionStorage.getItem('ioa-planleggeren/reloaded-for') === own) return false;
    sessionStorage.setItem('ioa-planleggeren/reloaded-for', own);
  } catch {
    return false;
  }
  location.reload();
  return true;
}

async function showBootFailure(found) {
  const lang = bootFailureLanguage();
  const texts = await bootTexts(lang);
  const text = (key, args = {}) => (texts[key] ?? '').replace(/\{(\w+)\}/g, (_, name) => args[name] ?? '');
  const main = document.querySelector('#boot .boot__main');
  if (!main) return; // the app started after all
  document.documentElement.lang = lang;
  const element = (tag, className, content) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  };
  const box = element('div', 'boot__error');
  box.setAttribute('role', 'alert');
  box.dataset.kind = found.kind;
  const heading = element('h1', 'ds-heading', text('boot.failed.title'));
  heading.dataset.size = 'md';
  box.append(heading);
  // Without the texts file (gone with its build) only the title, a new build and "Try again".
  if (!texts['boot.failed.it_title'] && texts[`boot.failed.${found.kind}`]) box.append(element('p', 'ds-paragraph', text(`boot.failed.${found.kind}`)));
  if (texts['boot.failed.it_title']) {
    box.append(element('p', 'ds-paragraph', text(`boot.failed.${found.kind}`, found)));
    const it = element('h2', 'ds-heading', text('boot.failed.it_title'));
    it.dataset.size = 'xs';
    box.append(it, element('p', 'ds-paragraph', text(`boot.failed.it.${found.kind}`, found)));
    const details = element('ul', 'ds-list boot__details');
    details.append(element('li', '', text('boot.failed.address', { address: location.href.split('#')[0] })));
    details.append(element('li', '', text('boot.failed.browser', { browser: navigator.userAgent })));
    if (found.error) details.append(element('li', '', text('boot.failed.error', { error: found.error.slice(0, 300) })));
    box.append(details);
  }
  const retry = element('button', 'ds-button', text('boot.failed.retry'));
  retry.type = 'button';
  retry.dataset.variant = 'primary';
  retry.addEventListener('click', () => location.reload());
  box.append(retry);
  main.replaceChildren(box);
}
}
