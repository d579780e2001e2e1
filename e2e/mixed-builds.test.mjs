// Builds that cannot mix. A tab keeps its build's main code in memory; when build B is deployed
// while it is open, a view in a part the tab has not loaded yet must never run B's part with A's
// main code. And a deploy copied file by file must never give a page two builds' files. Every file
// but index.html, sw.js, the manifest and the icons is named by a hash of its content
// (scripts/hash-parts.mjs, scripts/hash-files.mjs), so a file only ever asks for its own build's
// files; one that is not on the server (yet, or any more) answers 404, and the page ends in
// boot.js's failure message, the shell's "new version" line, or the app's "a new version is on the
// server" notice with a reload, never in another build's code. Without a service worker in
// control (a policy, a private window) this is the only guard; with one, the tab's build comes
// from its cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, freshPage, ready, axe, text, built } from './harness.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HASHED = /^(split_\w+|chunk_\d+)\.[0-9a-f]{12}\.wasm$/;
/** Any file named by its content, and the hash in its name. */
const CONTENT_NAMED = /\.([0-9a-f]{12})\.[a-z0-9]+$/;

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function filesIn(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * Build B: a copy of dist/ whose every content-named file has another name, as the next build's
 * would (the code differs: a custom section added to each wasm, which a wasm engine ignores, and a
 * comment to each script; the texts get a newline), every reference rewritten to the new names,
 * index.html's integrity attributes made anew, and its own sw.js.
 */
async function otherBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'ioa-build-b-'));
  await cp(DIST, dir, { recursive: true });
  const renamed = new Map(); // hash in A's name -> hash in B's
  for (const f of (await filesIn(dir)).filter((f) => CONTENT_NAMED.test(f))) {
    const hash = f.match(CONTENT_NAMED)[1];
    renamed.set(hash, createHash('sha256').update(`${hash} build-b`).digest('hex').slice(0, 12));
  }
  const swap = (text) => text.replace(/[0-9a-f]{12}/g, (h) => renamed.get(h) ?? h);
  const names = new Set();
  for (const f of (await filesIn(dir)).filter((f) => CONTENT_NAMED.test(f))) {
    let bytes = await readFile(join(dir, f));
    if (f.endsWith('.wasm')) bytes = Buffer.concat([bytes, Buffer.from([0, 8, 7, ...Buffer.from('build-b')])]);
    else if (f.endsWith('.js')) bytes = Buffer.from(`${swap(bytes.toString('utf8'))}\n// build B\n`);
    else if (f.endsWith('.css')) bytes = Buffer.from(swap(bytes.toString('utf8')));
    else if (f.endsWith('.json')) bytes = Buffer.concat([bytes, Buffer.from('\n')]);
    await rm(join(dir, f));
    await writeFile(join(dir, swap(f)), bytes);
    names.add(swap(f));
  }
  let page = swap(await readFile(join(dir, 'index.html'), 'utf8'));
  for (const [tag, href] of page.matchAll(/<link\b[^>]*\bhref="(?:\.\/)?([^"]+)"[^>]*\bintegrity="[^"]*"[^>]*>/g)) {
    const sri = `sha384-${createHash('sha384').update(await readFile(join(dir, href))).digest('base64')}`;
    page = page.replace(tag, tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri}"`));
  }
  await writeFile(join(dir, 'index.html'), page);
  await cp(join(ROOT, 'public/sw.js'), join(dir, 'sw.js'));
  execFileSync('node', [join(ROOT, 'scripts/precache.mjs'), dir]);
  return { dir, names };
}

test('a tab on build A never runs build B\'s part: it is told a new version is on the server, and a reload brings B', async () => {
  const built = (await readdir(DIST)).filter((f) => HASHED.test(f));
  assert.ok(built.length > 5, `the parts are named by their content: ${built}`);
  const { context, page, log } = await freshPage(browser, { serviceWorkers: 'block' });
  const asked = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) asked.push([new URL(r.url()).pathname.slice(1), r.status()]); });
  await page.goto(server.url);
  await ready(page);
  assert.deepEqual(asked.filter(([f]) => HASHED.test(f)), [], 'the library has loaded no part yet');

  const b = await otherBuild();
  server.serveFrom(b.dir);
  await page.evaluate(() => { window.stillBuildA = true; location.hash = '#/facts'; });
  await page.locator('[data-testid=update-banner]', { hasText: text('nb', 'update.stale.title') }).waitFor();
  await page.locator('main h1', { hasText: text('nb', 'part.unavailable.title') }).waitFor();
  assert.equal(await page.evaluate(() => window.stillBuildA), true, 'the tab was not reloaded under the user');
  const parts = asked.filter(([f]) => HASHED.test(f));
  assert.ok(parts.length > 0, 'the tab asked for the facts part');
  assert.ok(parts.every(([f]) => built.includes(f)), `only build A's parts were asked for: ${parts}`);
  assert.ok(parts.some(([, status]) => status === 404), 'and build B does not have them');
  assert.ok(!parts.some(([f]) => b.names.has(f)), 'no part of build B was fetched');
  assert.ok((await page.textContent('main')).includes(text('nb', 'part.unavailable.stale')), 'the part belongs to a replaced version');
  assert.ok(!(await page.textContent('main')).includes(text('nb', 'part.unavailable.body')), 'the network is not blamed');
  assert.ok((await page.textContent('[data-testid=update-banner]')).includes(text('nb', 'update.stale.title')));
  assert.deepEqual(await axe(page), []);
  const shots = new URL('./artifacts/', import.meta.url);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: new URL('mixed-builds-stale-1280.png', shots).pathname, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: new URL('mixed-builds-stale-390.png', shots).pathname, fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px');
  assert.deepEqual(await axe(page), [], 'axe at 390 px');

  const reloadedAt = asked.length;
  await page.click('main button');
  await page.waitForSelector('.facts-series');
  assert.equal(await page.evaluate(() => window.stillBuildA), undefined, 'reloaded');
  const after = asked.slice(reloadedAt).filter(([f]) => HASHED.test(f));
  assert.ok(after.length > 0 && after.every(([f, status]) => b.names.has(f) && status === 200), `build B's parts after the reload: ${after}`);
  assert.deepEqual(log.foreign, []);
  await context.close();
  server.serveFrom(DIST);
  await rm(b.dir, { recursive: true });
});

/**
 * Opens `url#/facts` (a deep link: the main code, the texts, the content and the facts part)
 * in a fresh profile with no service worker, and says how it ended: "view" (the facts page),
 * "boot failure: <kind>" (boot.js's message), "stale" (the app's notice that a new version is on the server) or "boot.js
 * missing" (index.html names a boot.js that is not there: the page's own text after 10 s, see
 * e2e/load-failure.test.mjs). Also every content-named file the page got (status 200).
 */
async function visit(url) {
  const { context, page, log } = await freshPage(browser, { serviceWorkers: 'block' });
  const got = [];
  page.on('response', (r) => got.push([new URL(r.url()).pathname.slice(1), r.status()]));
  await page.goto(`${url}#/facts`);
  let outcome = 'hang';
  for (let i = 0; i < 150 && outcome === 'hang'; i++) {
    outcome = await page.evaluate(() => {
      if (document.querySelector('.facts-series')) return 'view';
      const failure = document.querySelector('#boot .boot__error');
      if (failure) return `boot failure: ${failure.dataset.kind}`;
      if (document.documentElement.dataset.update === 'stale' && document.querySelector('[data-testid=update-banner]')) return 'stale';
      return 'hang';
    });
    if (outcome === 'hang' && got.some(([f, status]) => /^boot\.[0-9a-f]{12}\.js$/.test(f) && status === 404)) outcome = 'boot.js missing';
    if (outcome === 'hang') await page.waitForTimeout(100);
  }
  const loaded = got.filter(([f, status]) => status === 200 && CONTENT_NAMED.test(f)).map(([f]) => f);
  const foreign = log.foreign;
  await context.close();
  return { outcome, loaded, foreign };
}

/** A seeded shuffle, so a failure can be replayed. */
function shuffled(list, seed) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('a deploy copied file by file, in any order, never gives a page two builds\' files', async () => {
  const a = new Set((await filesIn(DIST)).filter((f) => CONTENT_NAMED.test(f)));
  const b = await otherBuild();
  const bFiles = await filesIn(b.dir);
  const key = ['index.html', 'sw.js', ...['boot.js', 'ioa-planleggeren.js', '__wasm_split.js', 'ioa-planleggeren_bg.wasm', 'content/nb.ui.json', 'content/nb.json', 'ds-parts.css'].map((f) => built(f, b.dir))];
  key.push(...bFiles.filter((f) => /^split_(info|content)\./.test(f)));
  const last = (names) => [...bFiles.filter((f) => !names.includes(f)), ...names];
  const orders = {
    // The order docs/HOSTING.md asks for: every new file, then sw.js and index.html.
    'new files first, index.html last': { files: last(['sw.js', 'index.html']) },
    // The worst order: the page first, then its files.
    'index.html and sw.js first': { files: ['index.html', 'sw.js', ...bFiles.filter((f) => f !== 'index.html' && f !== 'sw.js')] },
    // What a plain copy does.
    'alphabetical': { files: bFiles },
    'reverse alphabetical': { files: [...bFiles].reverse() },
    'shuffled': { files: shuffled(bFiles, 24) },
    // rsync --delete-before: the old build's files go first, then the new ones come, the page first.
    'old files deleted first, then index.html first': { deleteFirst: true, files: ['index.html', ...bFiles.filter((f) => f !== 'index.html')] },
  };
  const seen = new Map();
  try {
    for (const [name, { files, deleteFirst }] of Object.entries(orders)) {
      const live = await mkdtemp(join(tmpdir(), 'ioa-live-'));
      await cp(DIST, live, { recursive: true });
      server.serveFrom(live);
      const start = await visit(server.url);
      assert.equal(start.outcome, 'view', `${name}: build A opens before the deploy`);
      if (deleteFirst) for (const f of a) await rm(join(live, f));
      for (const [i, f] of files.entries()) {
        mkdirSync(dirname(join(live, f)), { recursive: true });
        await cp(join(b.dir, f), join(live, f));
        if (!key.includes(f) && i !== files.length - 1) continue;
        const { outcome, loaded, foreign } = await visit(server.url);
        const step = `${name}, after ${f} (${i + 1} of ${files.length})`;
        const fromA = loaded.filter((l) => a.has(l));
        const fromB = loaded.filter((l) => b.names.has(l));
        assert.deepEqual(loaded.filter((l) => !a.has(l) && !b.names.has(l)), [], `${step}: every file is of A or B`);
        assert.ok(fromA.length === 0 || fromB.length === 0, `${step}: one build's files only, got A's ${fromA} and B's ${fromB}`);
        assert.ok(['view', 'boot failure: missing', 'boot failure: newbuild', 'stale', 'boot.js missing'].includes(outcome), `${step}: ${outcome}`);
        if (outcome === 'view') assert.ok(fromA.length > 0 || fromB.length > 0, `${step}: the view came from a build`);
        assert.deepEqual(foreign, []);
        seen.set(outcome, [...(seen.get(outcome) ?? []), step]);
      }
      const end = await visit(server.url);
      assert.equal(end.outcome, 'view', `${name}: build B opens once it is all there`);
      assert.ok(end.loaded.length > 0 && end.loaded.every((l) => b.names.has(l)), `${name}: and only B's files: ${end.loaded}`);
      server.serveFrom(DIST);
      await rm(live, { recursive: true });
    }
  } finally {
    server.serveFrom(DIST);
  }
  console.log(`deploy orders: ${[...seen].map(([o, steps]) => `${o} ${steps.length}`).join(', ')}`);
  for (const outcome of ['view', 'boot.js missing']) assert.ok(seen.has(outcome), `the orders reach "${outcome}": ${[...seen.keys()]}`);
  await rm(b.dir, { recursive: true });
});

test('a page whose build is replaced while it starts reloads once into the new one; a second time it says so', async () => {
  const b = await otherBuild();
  // The page and boot.js are build A's; by the time boot.js asks for the glue, the server has B.
  const aPage = await readFile(join(DIST, 'index.html'));
  const aBoot = built('boot.js');
  server.serveFrom(b.dir);
  try {
    for (const everyTime of [false, true]) {
      const { context, page, log } = await freshPage(browser, { serviceWorkers: 'block', locale: 'en-GB' });
      let pages = 0;
      await page.route('**/*', async (route) => {
        const path = new URL(route.request().url()).pathname.slice(1);
        if (route.request().isNavigationRequest()) {
          pages += 1;
          if (pages === 1 || everyTime) return route.fulfill({ status: 200, contentType: 'text/html', body: aPage });
        }
        if (path === aBoot) return route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(join(DIST, aBoot)) });
        return route.continue();
      });
      await page.goto(server.url);
      if (!everyTime) {
        await ready(page);
        assert.equal(pages, 2, 'reloaded once, into build B');
      } else {
        // The server keeps giving A's page (a cache, a half-done deploy): no loop, a message.
        const box = page.locator('#boot .boot__error[role=alert]');
        await box.waitFor({ timeout: 5000 });
        assert.equal(await box.getAttribute('data-kind'), 'newbuild');
        assert.match(await box.textContent(), /A new version of IOA-planleggeren was put on the server while the page was loading/);
        assert.equal(pages, 2, 'one reload only');
        assert.deepEqual(await axe(page), []);
      }
      assert.deepEqual(log.foreign, []);
      await context.close();
    }
  } finally {
    server.serveFrom(DIST);
    await rm(b.dir, { recursive: true });
  }
});

test('a tab on build A whose texts are gone from the server is told a new version is there, not to check the network', async () => {
  const b = await otherBuild();
  const { context, page, log } = await freshPage(browser, { serviceWorkers: 'block' });
  try {
    await page.goto(server.url);
    await ready(page);
    server.serveFrom(b.dir);
    await page.click('button[lang=nn]'); // nynorsk's texts, by build A's name: 404 on B
    await page.locator('[data-testid=update-banner]', { hasText: 'En ny versjon av IOA-planleggeren er lagt ut' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nb', 'still bokmål: no text of build B was read');
    assert.doesNotMatch(await page.textContent('body'), /Sjekk nettforbindelsen/, 'the network is not blamed');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(log.foreign, []);
  } finally {
    await context.close();
    server.serveFrom(DIST);
    await rm(b.dir, { recursive: true });
  }
});
