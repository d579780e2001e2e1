// Measures, in headless Chromium against dist/ (one run of this script, several runs inside):
// (a) the first load (every file fetched before the library is interactive) and the whole app
//     (every file the service worker keeps), brotli-compressed as a server would send them;
// (b) the time until the worked example's overview is painted and until the app's own is in,
//     each as a ratio to a static HTML page with the same plan and style sheets, cold (a new
//     profile) and warm (opened again in a new tab once the offline copy is made)
//     (scripts/bench-link.mjs, which also compares builds);
// (c) p95 and p50 keystroke-to-frame in a long-text field and in a register cell of 50, 200 and
//     600 rows, at 1× and 4× CPU (scripts/bench-keys.mjs, which also compares builds);
// (d) the save time of that plan, and the export and import of a ~1 MB plan;
// plus this browser's localStorage capacity. Each figure: median of the runs, with min and max.
import { serveDist, launch, freshPage } from '../e2e/harness.mjs';
import { keyRun, largePlan, pageWithPlan, typeAndTime } from './bench-keys.mjs';
import { linkRuns, linkReport } from './bench-link.mjs';
import { brotliCompressSync, constants } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEY_RUNS = Number(process.env.BENCH_KEY_RUNS ?? 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;
const spread = (xs, unit = ms) => `median ${unit(median(xs))}, min ${unit(Math.min(...xs))}, max ${unit(Math.max(...xs))} (${xs.length} runs)`;
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const brotli = async (file) => brotliCompressSync(await readFile(join(DIST, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const server = await serveDist('/');
const browser = await launch();

// (a) First load: what the browser fetched until the library was interactive.
const loads = [];
let firstLoadFiles = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage(browser);
  const byPage = []; // not the service worker's own requests: it starts after the first view
  context.on('request', (r) => { if (!r.serviceWorker()) byPage.push(new URL(r.url()).pathname.slice(1) || 'index.html'); });
  await page.goto(server.url);
  await page.waitForSelector('#boot', { state: 'detached' });
  await page.waitForSelector('main h1');
  loads.push(await page.evaluate(() => performance.now()));
  firstLoadFiles = [...new Set(byPage)];
  await context.close();
}
// Builds before the offline copy had no sw.js: then the whole app is what the first view loads.
const sw = await readFile(join(DIST, 'sw.js'), 'utf8').catch(() => null);
const wholeApp = sw ? [...JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]), 'sw.js'] : firstLoadFiles;
const sizeOf = async (files) => (await Promise.all(files.map(brotli))).reduce((a, b) => a + b, 0);
const firstLoad = await sizeOf(firstLoadFiles);
const whole = await sizeOf(wholeApp);
const byFile = await Promise.all(firstLoadFiles.map(async (f) => [f, await brotli(f)]));

// (b) The worked example's overview after a plan link, painted and interactive, against a
// static page showing the same plan, cold and warm (scripts/bench-link.mjs).
const link = await linkRuns(browser, [DIST], RUNS, { trace: process.env.BENCH_TRACE === '1', rate: Number(process.env.BENCH_CPU ?? 1) });

// (c) Keystrokes (scripts/bench-keys.mjs: long text and registers of 50/200/600 rows, at 1x
// and 4x CPU) and (d) saves with a ~500 KB plan (200 needs).
const plan = largePlan(200, 'bench-large');
const json = JSON.stringify(plan);
const keys = [];
for (let run = 0; run < KEY_RUNS; run++) keys.push(await keyRun(browser, server.url));
const saves = [];
let stored = 0;
let bigLoad = 0;
for (let run = 0; run < KEY_RUNS; run++) {
  const { context, page } = await pageWithPlan(browser, plan);
  await page.goto(`${server.url}#/plan/bench-large/needs/problem`);
  await page.waitForSelector('#f-needs-problem-today');
  bigLoad = await page.evaluate(() => performance.now());
  await typeAndTime(page, '#f-needs-problem-today', 'a', 20);
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
  saves.push(...await page.evaluate(() => performance.getEntriesByName('ioa-save').map((e) => e.duration)));
  stored = await page.evaluate(() => localStorage.getItem('ioa-planleggeren/plan/bench-large').length);
  await context.close();
}

// Export and import of a plan of about 1 MB, through the real buttons and file input.
const mega = { ...largePlan(430), id: 'bench-mega', title: 'Megaplan (ytelsestest)' };
const megaJson = JSON.stringify(mega);
const io = await freshPage(browser);
await io.context.addInitScript((text) => {
  if (!localStorage.getItem('ioa-planleggeren/plan/bench-mega')) localStorage.setItem('ioa-planleggeren/plan/bench-mega', text);
}, megaJson);
await io.page.goto(`${server.url}#/plan/bench-mega`);
await io.page.waitForSelector('.keep-copy');
const exportTimes = [];
let exported;
for (let i = 0; i < 3; i++) {
  const [download] = await Promise.all([io.page.waitForEvent('download'), io.page.click('.keep-copy button.ds-button[data-variant=primary]')]);
  exported = await (await import('node:fs/promises')).readFile(await download.path());
}
exportTimes.push(...await io.page.evaluate(() => performance.getEntriesByName('ioa-export').map((e) => e.duration)));
await io.context.close();
const importRead = [];
const importStore = [];
for (let i = 0; i < 3; i++) {
  const fresh = await freshPage(browser);
  await fresh.page.goto(server.url);
  await fresh.page.waitForSelector('main h1');
  await fresh.page.setInputFiles('#import-file', { name: 'mega.json', mimeType: 'application/json', buffer: exported });
  await fresh.page.waitForSelector('.plan-card');
  importRead.push(...await fresh.page.evaluate(() => performance.getEntriesByName('ioa-import-read').map((e) => e.duration)));
  importStore.push(...await fresh.page.evaluate(() => performance.getEntriesByName('ioa-import-store').map((e) => e.duration)));
  await fresh.context.close();
}

// How much this browser's localStorage holds (UTF-16 units of key plus value).
const cap = await freshPage(browser);
await cap.page.goto(server.url);
await cap.page.waitForSelector('main h1');
const capacity = await cap.page.evaluate(() => {
  let used = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    for (let i = 0; ; i++) {
      const key = `cap/${size}/${i}`;
      try { localStorage.setItem(key, 'x'.repeat(size)); used += key.length + size; } catch { break; }
    }
  }
  localStorage.clear();
  return used;
});
await cap.context.close();
await browser.close();
await server.close();

console.log(`(a) first load, until the library is interactive: ${kib(firstLoad)} brotli in ${firstLoadFiles.length} files (budget 250 KiB); whole app, all precached: ${kib(whole)} in ${wholeApp.length} files`);
for (const [f, b] of byFile.sort((x, y) => y[1] - x[1])) console.log(`      ${f.padEnd(34)} ${kib(b)}`);
console.log(`    library interactive: ${spread(loads)}`);
console.log('(b) worked example overview after a plan link (ms from navigation; ratio to a static page with the same plan, goal <= 1.5):');
for (const line of linkReport(link)) console.log(`    ${line}`);
console.log(`(c) large plan: ${(json.length / 1024).toFixed(0)} KiB JSON (${plan.registers.needs.length} needs), stored ${(stored / 1024).toFixed(0)} KiB, step view ready at ${ms(bigLoad)}`);
for (const label of Object.keys(keys[0])) {
  const p95 = keys.map((k) => k[label].p95);
  console.log(`    p95 keystroke to frame, ${label}: ${spread(p95)} (p50 median ${ms(median(keys.map((k) => k[label].p50)))})`);
}
console.log(`(d) save (serialise + setItem + read back): ${spread(saves)}`);
console.log(`    export of a ${(megaJson.length / 1024).toFixed(0)} KiB plan (build file + read it back): ${spread(exportTimes)}; file ${(exported.length / 1024).toFixed(0)} KiB`);
console.log(`    import of that file: read + check ${spread(importRead)}; store ${spread(importStore)}`);
console.log(`localStorage capacity: ${capacity} UTF-16 units; snapshot budget 1500000 units = ${(1500000 / capacity * 100).toFixed(0)} %`);
