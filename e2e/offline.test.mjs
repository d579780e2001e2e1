// Offline and updates: after one visit the app opens, edits and saves with the network off (at
// the root and under a sub-path, deep links included); the manifest installs; a new build is
// announced and waits for the user, and a tab mid-typing keeps every keystroke.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  serveDist, launch, freshPage, ready, saved, createPlan, axe, storedPlans, part, switchLanguage, text, built, TOOLS,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Waits until the service worker has cached the build and controls the page. */
async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function openStep(page, url) {
  await page.goto(url);
  await page.waitForSelector('.step-main h1');
}

const PROBLEM = '#f-needs-problem-today';

test('after one visit the app opens, edits and saves with the network off', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Frakoblet plan');
  await offlineReady(page);

  await context.setOffline(true);
  const outside = await page.evaluate(() => fetch('not-in-the-build.txt').then(() => 'answered', () => 'failed'));
  assert.equal(outside, 'failed', 'the network really is off');
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent('main h1'), 'Frakoblet plan');

  await openStep(page, `${server.url}#/plan/${plan}/needs/problem`);
  await page.fill(PROBLEM, 'Skrevet uten nett');
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue(PROBLEM), 'Skrevet uten nett', 'the edit made offline survives an offline reload');

  // Another language's texts come from the offline copy too.
  await switchLanguage(page, 'en');
  assert.equal(await page.textContent('.step-main h1'), TOOLS.needs.steps.find((s) => s.id === 'problem').title.en);
  await switchLanguage(page, 'nb');

  // A new tab opened while offline starts at the library and finds the plan.
  const other = await context.newPage();
  await other.goto(server.url);
  await ready(other);
  assert.match(await other.textContent('.plan-card'), /Frakoblet plan/);

  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('under a sub-path, a deep link opens offline', async () => {
  const sub = await serveDist('/kommune/ioa/');
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, sub.url, 'Undermappe uten nett');
  await offlineReady(page);
  assert.equal(
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new URL(r.scope).pathname)),
    '/kommune/ioa/',
    'the service worker covers only the app\'s own folder',
  );
  await context.setOffline(true);
  const deep = await context.newPage();
  await openStep(deep, `${sub.url}#/plan/${plan}/needs/problem`);
  assert.ok(await deep.isVisible(PROBLEM));
  assert.ok(log.requests.every((u) => u.includes('/kommune/ioa/')), 'every file comes from the sub-path');
  assert.deepEqual(log.foreign, []);
  await context.close();
  await sub.close();
});

test('the library loads its UI texts and main code only; content, parts and other languages wait until needed', async () => {
  const { context, page, log } = await freshPage(browser);
  const byPage = [];
  context.on('request', (r) => { if (!r.serviceWorker()) byPage.push(new URL(r.url()).pathname); });
  const texts = (from = 0) => byPage.slice(from).filter((p) => p.startsWith('/content/'));
  const parts = (from = 0) => byPage.slice(from).filter((p) => /^\/(split|chunk)_.*\.wasm$/.test(p));
  await page.goto(server.url);
  await ready(page);
  assert.deepEqual(texts(), [`/${built('content/nb.ui.json')}`], 'the library needs the UI texts only');
  assert.deepEqual(parts(), [], 'and no part of the app beyond the library');
  await switchLanguage(page, 'nn');
  assert.equal(await page.textContent('main h1'), text('nn', 'home.title'));
  assert.ok(byPage.includes(`/${built('content/nn.ui.json')}`), 'nynorsk fetched when chosen');
  assert.ok(!byPage.some((p) => p.startsWith('/content/en')), 'English not fetched by the page');
  // The next start fetches the chosen language's UI texts only.
  const before = byPage.length;
  await page.reload();
  await ready(page);
  assert.deepEqual(texts(before), [`/${built('content/nn.ui.json')}`]);
  // Opening a plan brings its content and the plan part.
  const opened = byPage.length;
  await page.fill('#new-title', 'Planen');
  await page.click('button[type=submit]');
  await page.waitForSelector('.task-list');
  assert.deepEqual(texts(opened), [`/${built('content/nn.json')}`]);
  assert.ok(parts(opened).includes(`/${part('split_plan.wasm')}`), `the plan part came with it: ${parts(opened)}`);
  assert.ok(!parts(opened).includes(`/${part('split_compare.wasm')}`), 'the comparison did not');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a part of the app that cannot be fetched says so, offers to try again, and the plans stay', async () => {
  const { context, page, log } = await freshPage(browser, { serviceWorkers: 'block' });
  const plan = await createPlan(page, server.url, 'Planen som blir');
  await context.route('**/split_plan.*.wasm', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.reload();
  const title = page.locator('main h1', { hasText: text('nb', 'part.unavailable.title') });
  await title.waitFor();
  assert.ok((await page.textContent('main')).includes(text('nb', 'part.unavailable.body')), 'says the plans are safe');
  assert.equal((await storedPlans(page)).length, 1, 'the plan is still stored');
  assert.deepEqual(await axe(page), []);
  await context.unroute('**/split_plan.*.wasm');
  await page.click('main button');
  await page.waitForSelector('.task-list');
  assert.match(page.url(), new RegExp(`#/plan/${plan}$`));
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, [], 'no crash, only the message');
  await context.close();
});

test('without its texts the app says so in all three languages; a missing language falls back to bokmål', async () => {
  const { context, page, log } = await freshPage(browser);
  await context.route('**/content/*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  const failed = page.locator('.boot__failed');
  await failed.waitFor();
  // index.html's own message, in all three languages at once: it is shown because the locale files could not be had.
  assert.match(await failed.textContent(), /kunne ikke laste tekstene.*kunne ikkje laste tekstane.*could not load its texts/s);
  assert.equal(await page.isVisible('.boot__loading'), false);
  await context.unroute('**/content/*.json');

  // English chosen earlier, but its texts cannot be had: the app starts, in bokmål.
  await page.evaluate(() => localStorage.setItem('ioa-planleggeren/prefs', JSON.stringify({ lang: 'en' })));
  await context.route('**/content/en*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  assert.equal(await page.textContent('main h1'), text('nb', 'home.title'));
  // Choosing English now says why it does not switch. A 404 for a file named by its content is
  // what a replaced build looks like (scripts/hash-files.mjs), so the tab offers a reload into the
  // new version (src/fetch.rs), as for a part, instead of blaming the network.
  await page.click('button[lang=en]');
  // A real click, not switchLanguage(): the switch must not happen.
  await page.locator('[data-testid=update-banner]', { hasText: text('nb', 'update.stale.title') }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the manifest parses, is relative to where the app is hosted, and its icons exist', async () => {
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.name, 'IOA-planleggeren');
  assert.equal(manifest.lang, 'nb');
  assert.ok(manifest.short_name.length <= 12, 'the short name fits under an icon');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  const sizes = new Map(manifest.icons.map((i) => [`${i.sizes} ${i.purpose}`, i]));
  for (const key of ['any any', '192x192 any', '512x512 any', '512x512 maskable']) assert.ok(sizes.has(key), `icon ${key}`);
  for (const icon of manifest.icons) {
    const bytes = await readFile(join(DIST, icon.src));
    if (icon.type === 'image/png') assert.equal(pngSize(bytes).join('x'), icon.sizes, icon.src);
    else assert.match(bytes.toString('utf8'), /^<svg /);
  }
  // The browser reads it too: linked from the page, fetched from the same origin.
  const { context, page, log } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  const fetched = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=manifest]').href;
    const response = await fetch(href);
    return { type: response.headers.get('content-type'), name: (await response.json()).name };
  });
  assert.deepEqual(fetched, { type: 'application/manifest+json', name: 'IOA-planleggeren' });
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('every file of the build is precached, and nothing else is', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const listed = JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]);
  // The hosts' files (deploy/, e2e/hosting.test.mjs) are in the build but not part of the app.
  // sbom.cdx.json is for scanners, not the app (scripts/precache.mjs).
  const hosts = ['sw.js', '.nojekyll', 'web.config', 'staticwebapp.config.json', 'sbom.cdx.json'];
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: DIST, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((f) => f.slice(2)).filter((f) => !hosts.includes(f)).sort();
  assert.deepEqual(listed, files);
  const optional = JSON.parse(sw.match(/const OPTIONAL = (\[[^\]]*\]);/)[1]);
  assert.ok(optional.length > 0 && optional.every((f) => /^(manifest\.webmanifest|icons\/|fonts\/|third-party-licenses\.[0-9a-f]{12}\.txt$)/.test(f)),
    `only what the app runs without may be skipped: ${optional}`);
  for (const f of ['index.html', built('ioa-planleggeren_bg.wasm'), built('examples/elvebyen.nn.json'), 'manifest.webmanifest', built('third-party-licenses.txt')]) {
    assert.ok(listed.includes(f), f);
  }
});

/** A copy of dist/ that differs in one file, with its own sw.js (as the next deploy would be). */
async function nextBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'ioa-next-'));
  await cp(DIST, dir, { recursive: true });
  await appendFile(join(dir, built('layout.css')), '\n/* next build */\n');
  await cp(join(ROOT, 'public/sw.js'), join(dir, 'sw.js'));
  execFileSync('node', [join(ROOT, 'scripts/precache.mjs'), dir]);
  const build = (await readFile(join(dir, 'sw.js'), 'utf8')).match(/const BUILD = "([0-9a-f]+)"/)[1];
  return { dir, build };
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test('a new build is announced, not forced: the tab mid-typing keeps its text; the other tab is told', async () => {
  const next = await nextBuild();
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Oppdatering midt i skrivingen');
  await offlineReady(page);
  const current = (await readFile(join(DIST, 'sw.js'), 'utf8')).match(/const BUILD = "([0-9a-f]+)"/)[1];
  assert.notEqual(next.build, current, 'the test\'s next build is another build');
  assert.deepEqual(await cacheNames(page), [`ioa-planleggeren-${current}`], 'the running build\'s cache, and only it');
  const stepUrl = `${server.url}#/plan/${plan}/needs/problem`;
  await openStep(page, stepUrl);
  const other = await context.newPage();
  await openStep(other, stepUrl);
  await page.bringToFront();

  await page.click(PROBLEM);
  await page.keyboard.type('Halvveis ');
  await page.evaluate(() => { window.stillTheSamePage = true; });
  server.serveFrom(next.dir);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.locator('[data-testid=update-banner]');
  await banner.waitFor();
  assert.ok((await banner.textContent()).includes(text('nb', 'update.ready.title')));
  assert.deepEqual(await axe(page), [], 'the banner passes axe');
  // Real time, not page.clock: a forced reload would come from the service worker's update, which
  // runs outside the page and is not on the page's clock.
  await page.waitForTimeout(1500); // long enough for any forced reload to have happened
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'the page was not reloaded');
  assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), PROBLEM), true, 'focus stays in the field');
  await page.keyboard.type('ferdig.');
  assert.equal(await page.inputValue(PROBLEM), 'Halvveis ferdig.');
  assert.equal((await cacheNames(page)).length, 2, 'the new build waits beside the running one');

  await banner.locator('button').click();
  await page.waitForFunction(() => window.stillTheSamePage === undefined);
  await ready(page);
  await page.waitForSelector(PROBLEM);
  assert.equal(await page.inputValue(PROBLEM), 'Halvveis ferdig.', 'every keystroke was saved before the switch');
  assert.deepEqual(await cacheNames(page), [`ioa-planleggeren-${next.build}`], 'the old cache is gone');
  assert.equal(await page.locator('[data-testid=update-banner]').count(), 0);

  // The tab that stayed on the old build is told, and is not reloaded under its user.
  const told = other.locator('[data-testid=update-banner]', { hasText: text('nb', 'update.elsewhere.title') });
  await told.waitFor();
  assert.equal(await other.inputValue(PROBLEM), 'Halvveis ferdig.', 'the other tab took in the saved text');

  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
  server.serveFrom(DIST);
  await rm(next.dir, { recursive: true });
});
