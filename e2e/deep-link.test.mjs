// A deep link fetches what its first view needs at once (index.html and public/boot.js preload
// it), not one file after another, and each file once: the app's own requests take over the
// preloads. The library's first load stays as small as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, freshPage, ready, createPlan, saved, part, built } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page that records, from now on, the paths it requests, its warnings and CSP violations. */
async function watched(options = {}) {
  // The offline copy's own requests would be counted too: this is about the page's.
  const opened = await freshPage(browser, { serviceWorkers: 'block', ...options });
  const paths = [];
  opened.context.on('request', (r) => paths.push(new URL(r.url()).pathname));
  const warnings = [];
  opened.page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  await opened.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { ...opened, paths, warnings };
}

/** How the page fetched each file: "link" for a preload the app's request then used. */
const initiators = (page) => page.evaluate(() => Object.fromEntries(
  performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname.slice(1), r.initiatorType]),
));

const twice = (paths) => paths.filter((p, i) => paths.indexOf(p) !== i);

test('a plan link fetches its texts, content, part and stylesheets at once, each once', async () => {
  const { context, page, log, paths, warnings } = await watched();
  await createPlan(page, server.url, 'Dyplenke');
  paths.length = 0;
  await page.reload(); // a cold start at #/plan/<id>
  await page.waitForSelector('.task-list');
  const by = await initiators(page);
  for (const file of [...['ioa-planleggeren_bg.wasm', 'content/nb.ui.json', 'content/nb.json'].map((f) => built(f)), part('split_plan.wasm'), part('split_content.wasm'), ...['ds-parts.css', 'style/worksheet.css'].map((f) => built(f))]) {
    assert.equal(by[file], 'link', `${file} preloaded (${by[file]})`);
  }
  // The glue is modulepreloaded: asked for beside boot.js, not after boot.js arrived.
  const [boot, glue] = await page.evaluate((files) => files.map((f) => performance.getEntriesByName(new URL(f, location.href).href)[0]), [built('boot.js'), built('ioa-planleggeren.js')]);
  assert.ok(glue.startTime < boot.responseEnd, `glue asked for at ${glue.startTime} ms, boot.js in at ${boot.responseEnd} ms`);
  // Chromium says so when a preload goes unused (after ~3 s) or does not match the request.
  // Real time: that is the browser's own timer, not the page's, so page.clock cannot run it.
  await page.waitForTimeout(3500);
  assert.deepEqual(twice(paths), [], 'no file fetched twice');
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the CSP holds');
  assert.ok(!paths.includes(`/${part('split_compare.wasm')}`) && !paths.includes(`/${part('split_files.wasm')}`), `only the parts this view needs: ${paths}`);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the facts link preloads the facts part, in the language chosen earlier', async () => {
  const { context, page, log, paths, warnings } = await watched();
  await context.addInitScript(() => localStorage.setItem('ioa-planleggeren/prefs', JSON.stringify({ lang: 'nn' })));
  await page.goto(`${server.url}#/facts`);
  await page.waitForSelector('.facts-series');
  assert.equal(await page.getAttribute('html', 'lang'), 'nn');
  const by = await initiators(page);
  for (const file of [built('content/nn.ui.json'), built('content/nn.json'), part('split_info.wasm'), part('split_content.wasm')]) {
    assert.equal(by[file], 'link', `${file} preloaded (${by[file]})`);
  }
  assert.ok(!paths.some((p) => p.startsWith('/content/nb')), `no bokmål fetched: ${paths}`);
  assert.ok(!paths.includes(`/${part('split_plan.wasm')}`), 'not the plan part');
  assert.deepEqual(twice(paths), []);
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the library preloads only its texts, and a stored language boot.js cannot read changes nothing', async () => {
  const { context, page, log, paths } = await watched();
  await context.addInitScript(() => localStorage.setItem('ioa-planleggeren/prefs', '{not json'));
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  assert.equal((await initiators(page))[built('content/nb.ui.json')], 'link');
  assert.deepEqual(paths.filter((p) => /^\/(split_|chunk_)|^\/content\/..\.[0-9a-f]{12}\.json$/.test(p)), [], 'no part and no content before one is opened');
  assert.deepEqual(twice(paths), []);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// What the library needs, brotli-compressed as a server would send it: the budget the
// performance work set (200 KiB), and the plan reader and writer stay out of it while the
// index vouches for the stored plans (storage::list_library).
test('the library opens within 200 KiB brotli, and reads stored plans only when the index cannot vouch for them', async () => {
  const { readFile } = await import('node:fs/promises');
  const { brotliCompressSync, constants } = await import('node:zlib');
  const dist = new URL('../dist/', import.meta.url);
  const brotli = async (path) => brotliCompressSync(await readFile(new URL(path.slice(1) || 'index.html', dist)),
    { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

  // A plan made by the app (so the index has its line), then the library opened in a new
  // profile holding the same storage, so nothing comes from a cache.
  const maker = await freshPage(browser, { serviceWorkers: 'block' });
  await createPlan(maker.page, server.url, 'Listet fra indeksen');
  await saved(maker.page);
  const stored = await maker.page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  await maker.context.close();
  const { context, page, paths } = await watched();
  await context.addInitScript((entries) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, stored);
  await page.goto(server.url);
  await ready(page);
  await page.getByText('Listet fra indeksen').first().waitFor();
  const first = [...new Set(paths)];
  const bytes = (await Promise.all(first.map(brotli))).reduce((a, b) => a + b, 0);
  assert.ok(bytes <= 200 * 1024, `first load ${(bytes / 1024).toFixed(1)} KiB: ${first.join(' ')}`);
  assert.deepEqual(first.filter((p) => /^\/(split_|chunk_)/.test(p)), [], 'the index vouched: no part fetched');

  // A plan written behind the index's back: every plan is read (the files part comes), and listed.
  const plan = JSON.parse(await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ioa-planleggeren/plan/'));
    return localStorage.getItem(key);
  }));
  await page.evaluate((text) => localStorage.setItem('ioa-planleggeren/plan/bak-indeksen', text),
    JSON.stringify({ ...plan, id: 'bak-indeksen', title: 'Lagt inn utenom indeksen' }));
  paths.length = 0;
  await page.reload();
  await page.getByText('Lagt inn utenom indeksen').first().waitFor();
  assert.ok(paths.includes(`/${part('split_files.wasm')}`), 'the full check came as the files part');
  await page.reload();
  await ready(page);
  await page.getByText('Lagt inn utenom indeksen').first().waitFor();
  await context.close();
});
