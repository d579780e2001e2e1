// Shared test harness: serves dist/ on 127.0.0.1, launches Debian's Chromium through
// playwright-core, and records every request so tests can prove nothing leaves the machine.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves dist/ under `base` (e.g. "/sub/path/") so sub-path hosting is exercised too.
 * `serveFrom(folder)` switches to another build, as a deploy would. A badly set up server is
 * played with `types` (file or extension to Content-Type, e.g. `.wasm` as application/octet-stream),
 * `missing` (files, relative to the build, answered with 404) and `headers` (added to every answer).
 */
export async function serveDist(base = '/', { types = {}, missing = [], headers = {} } = {}) {
  let root = DIST;
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end(); return; }
    path = normalize(path.slice(base.length) || 'index.html');
    if (path.startsWith('..')) { res.writeHead(400).end(); return; }
    const file = join(root, path);
    try {
      const rel = path.split(sep).join('/');
      if (missing.includes(rel)) throw new Error('missing');
      if ((await stat(file)).isDirectory()) throw new Error('dir');
      const type = types[rel] ?? types[extname(file)] ?? TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, serveFrom: (folder) => { root = folder; }, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A part's file name in the build: scripts/hash-parts.mjs adds a hash of its content
 * (`split_plan.wasm` → `split_plan.<12 hex>.wasm`).
 */
export function part(name, dir = DIST) {
  const stem = name.replace(/\.wasm$/, '');
  const found = readdirSync(dir).filter((f) => new RegExp(`^${stem}\\.[0-9a-f]{12}\\.wasm$`).test(f));
  if (found.length !== 1) throw new Error(`no single built file for ${name}: ${found}`);
  return found[0];
}

/**
 * A file's name in the build, by its name in the sources: scripts/hash-files.mjs names every file
 * but index.html, sw.js, the manifest and the icons by its content (`content/nb.json` →
 * `content/nb.<12 hex>.json`).
 */
export function built(name, dir = DIST) {
  const [, folder = '', stem, ext] = name.match(/^(.*\/)?([^/]+)(\.[^./]+)$/);
  const pattern = new RegExp(`^${stem.replace(/\./g, '\\.')}\\.[0-9a-f]{12}${ext.replace('.', '\\.')}$`);
  const found = readdirSync(join(dir, folder)).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`no single built file for ${name} in ${dir}: ${found}`);
  return folder + found[0];
}

/** LUP's four tools in task-list order, with their content files (for tests that walk them). */
export const TOOL_IDS = ['leadership', 'startup', 'needs', 'dialogue'];
export const TOOLS = Object.fromEntries(TOOL_IDS.map((id) => [
  id, JSON.parse(readFileSync(new URL(`../content/tools/${id}.json`, import.meta.url), 'utf8')),
]));

/**
 * The app's UI texts, read from locales/<lang>.json (flat maps key → text), so a test finds a
 * button or a message by its key rather than by a copy of today's wording, and the same test runs
 * in every language. Texts that stay literal in the tests are data, not UI text: what the test
 * itself types (plan names, answers), the worked example's user data, worksheet texts from
 * content/*.json (read through TOOLS), amounts and dates the app formats, and language names on
 * the switch (each written in its own language, not translated).
 */
export const LANGS = ['nb', 'nn', 'en'];
const LOCALES = Object.fromEntries(LANGS.map((lang) => [
  lang, JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8')),
]));

/** The text for `key` in `lang`, with each `{name}` filled from `values` (all must be given). */
export function text(lang, key, values = {}) {
  const raw = LOCALES[lang]?.[key];
  if (raw === undefined) throw new Error(`no text "${key}" in locales/${lang}.json`);
  return raw.replace(/\{(\w+)\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`text "${key}" (${lang}) needs {${name}}`);
    return String(values[name]);
  });
}

/** The plural form of `key` for `count` (`key.one` for exactly 1, else `key.other`), as the app picks it. */
export function plural(lang, key, count, values = {}) {
  return text(lang, `${key}.${count === 1 ? 'one' : 'other'}`, { count, ...values });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A RegExp for the text of `key`: placeholders given in `values` must match exactly, the others
 * match any text (`{time}` → `.+?`). Spaces match a no-break space too (the app joins numbers
 * and units with one). Not anchored unless `whole` is set.
 */
export function textPattern(lang, key, values = {}, { whole = false } = {}) {
  const raw = LOCALES[lang]?.[key];
  if (raw === undefined) throw new Error(`no text "${key}" in locales/${lang}.json`);
  const body = raw.split(/(\{\w+\})/).map((part) => {
    const name = part.match(/^\{(\w+)\}$/)?.[1];
    const literal = name === undefined ? part : (name in values ? String(values[name]) : null);
    return literal === null ? '.+?' : escape(literal).replace(/ /g, '[ \u00a0]');
  }).join('');
  return new RegExp(whole ? `^${body}$` : body);
}

/**
 * Switches the language as a user does: the button on the language switch, then waits until the
 * page shows that language's texts (the switch's own label, and the footer's privacy note, which
 * differs in all three languages), not only until `<html lang>` has changed.
 */
export async function switchLanguage(page, lang) {
  await page.click(`.lang-switch button[lang=${lang}]`);
  await page.waitForSelector(`html[lang=${lang}]`);
  await page.waitForSelector(`.lang-switch[aria-label="${text(lang, 'app.language')}"] button[lang=${lang}][aria-pressed=true]`);
  await page.locator('.site-footer').getByText(text(lang, 'app.privacy'), { exact: true }).waitFor();
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check',
];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A fresh profile (context) with a request log and a page-error log. Every request must go to
 * 127.0.0.1; the test asserts `foreign` is empty at the end.
 */
export async function freshPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const log = { requests: [], foreign: [], errors: [], console: [] };
  context.on('request', (r) => {
    log.requests.push(r.url());
    const host = new URL(r.url()).hostname;
    if (!['127.0.0.1', ''].includes(host) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) log.foreign.push(r.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') log.console.push(m.text()); });
  return { context, page, log };
}

/** Waits until the app has mounted (the boot shell is gone and a heading is shown). */
export async function ready(page) {
  await page.waitForSelector('#boot', { state: 'detached' });
  await page.waitForSelector('main h1');
}

/** Waits until no CSS animation runs (dialogs fade and slide in; axe and layout checks need the final state). */
export async function settled(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Waits until the save indicator says everything is stored. */
export async function saved(page) {
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
}

/** All plans stored in localStorage, parsed. */
export async function storedPlans(page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('ioa-planleggeren/plan/'))
    .map((k) => JSON.parse(localStorage.getItem(k))));
}

export async function axe(page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
export async function tabTo(page, selector, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`could not reach ${selector} with Tab (focus is on ${at})`);
}

/** Creates a plan from the library form; returns its id (the plan overview is open). */
export async function createPlan(page, baseUrl, title = 'E2E-plan') {
  await page.goto(baseUrl);
  await ready(page);
  await page.fill('#new-title', title);
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\/p-/);
  await page.waitForSelector('.task-list');
  return page.url().match(/#\/plan\/([^/]+)/)[1];
}

/** Opens the worked example from the library; returns its id (the plan overview is open). */
export async function openExample(page, baseUrl) {
  await page.goto(baseUrl);
  await ready(page);
  await page.click('.example-card button');
  await page.waitForURL(/#\/plan\/p-/);
  await page.waitForSelector('.task-list');
  return page.url().match(/#\/plan\/([^/]+)/)[1];
}

/**
 * Every word in the cells matching `selector` (by default every table cell on the page) that the
 * browser laid out on more than one line. A word is what lies between spaces (a no-break space
 * joins, so "1 March 2027" is one word); a line may also end after a hyphen ("en-til-en-møter").
 * Each word's characters are measured with a Range. Cells in a visually hidden part (a table
 * head clipped to 1 px on a phone, for screen readers) are skipped.
 */
export async function splitWords(page, selector = 'table :is(td, th)') {
  return page.evaluate((selector) => {
    const split = [];
    const clipped = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if ((r.width <= 1 || r.height <= 1) && getComputedStyle(e).overflow !== 'visible') return true;
      }
      return false;
    };
    for (const cell of document.querySelectorAll(selector)) {
      if (clipped(cell)) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode());) {
        const re = /[^ \t\n\r-]+-?/g;
        for (let m; (m = re.exec(node.data));) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(`${m[0]} (${cell.tagName.toLowerCase()} “${cell.textContent.slice(0, 40)}”)`);
        }
      }
    }
    return split;
  }, selector);
}
