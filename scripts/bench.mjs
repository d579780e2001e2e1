// Measures, in headless Chromium against dist/: the median time until the library view is
// interactive, and with a generated large plan (200 needs, ~500 KB of text) the p95 time from a
// keystroke in a long-text field to the next frame, and the time one save takes; then the export
// and import of a ~1 MB plan, this browser's localStorage capacity, and what snapshots use.
import { serveDist, launch, freshPage } from '../e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

function largePlan(count = 200) {
  const para = (i) => `Behov ${i}: ` + 'Brukeren skal kunne sove trygt, og nattevakten skal vite at alt er i orden uten å vekke noen. '.repeat(11);
  const needs = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    cells: { name: `Behov nummer ${i + 1}`, who: 'Brukere og ansatte', why: para(i), priority: ['must', 'should', 'could'][i % 3], functional: para(i), verification: 'Test i pilot med ti brukere.' },
  }));
  return {
    schema_version: 1, id: 'bench-large', revision: 1, title: 'Stor plan (ytelsestest)', organisation: 'Benchkommune',
    case_number: '', language: 'nb', created_at: 0, updated_at: 0,
    answers: { 'needs/problem/today': { text: 'Innledning. '.repeat(3000) } },
    done_steps: [], registers: { needs }, decision: {}, // schema 1: read through the upgrade chain
  };
}

const server = await serveDist('/');
const browser = await launch();

const loads = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('#boot', { state: 'detached' });
  await page.waitForSelector('main h1');
  loads.push(await page.evaluate(() => performance.now()));
  await context.close();
}

const plan = largePlan();
const json = JSON.stringify(plan);
const { context, page } = await freshPage(browser);
await context.addInitScript((text) => {
  if (!localStorage.getItem('ioa-planleggeren/plan/bench-large')) localStorage.setItem('ioa-planleggeren/plan/bench-large', text);
}, json);
await page.goto(`${server.url}#/plan/bench-large/needs/problem`);
await page.waitForSelector('#f-needs-problem-today');
const bigLoad = await page.evaluate(() => performance.now());
await page.evaluate(() => {
  window.__frames = [];
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    // The frame that shows the keystroke: measured after that frame's paint (rAF, then a task).
    requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - t0), 0));
  }, true);
});
await page.focus('#f-needs-problem-today');
await page.keyboard.press('End');
for (let i = 0; i < 60; i++) {
  await page.keyboard.type('a');
  await page.waitForTimeout(30);
}
await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
await page.waitForTimeout(500);
const frames = await page.evaluate(() => window.__frames);
const saves = await page.evaluate(() => performance.getEntriesByName('ioa-save').map((e) => e.duration));
const stored = await page.evaluate(() => localStorage.getItem('ioa-planleggeren/plan/bench-large').length);

// Typing in a register cell of the 200-row needs list (all rows rendered).
await page.goto(`${server.url}#/plan/bench-large/needs/needs-list`);
await page.waitForSelector('#f-needs-needs-list-needs-200-name');
await page.evaluate(() => { window.__frames = []; });
await page.focus('#f-needs-needs-list-needs-100-name');
for (let i = 0; i < 40; i++) {
  await page.keyboard.type('b');
  await page.waitForTimeout(30);
}
const cellFrames = await page.evaluate(() => window.__frames);
await context.close();

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

console.log(`time to interactive (library, ${RUNS} runs): median ${ms(median(loads))}, min ${ms(Math.min(...loads))}, max ${ms(Math.max(...loads))}`);
console.log(`large plan: ${(json.length / 1024).toFixed(0)} KiB JSON (${plan.registers.needs.length} needs), stored ${(stored / 1024).toFixed(0)} KiB, step view ready at ${ms(bigLoad)}`);
console.log(`keystroke to frame, long-text field (${frames.length} keys): p50 ${ms(pct(frames, 50))}, p95 ${ms(pct(frames, 95))} (includes waiting for the next 60 Hz frame)`);
console.log(`keystroke to frame, register cell with 200 rows shown (${cellFrames.length} keys): p50 ${ms(pct(cellFrames, 50))}, p95 ${ms(pct(cellFrames, 95))}`);
console.log(`save (serialise + setItem + read back, ${saves.length} saves): median ${ms(median(saves))}, max ${ms(Math.max(...saves))}`);
console.log(`export of a ${(megaJson.length / 1024).toFixed(0)} KiB plan (build file + read it back, ${exportTimes.length} runs): median ${ms(median(exportTimes))}; file ${(exported.length / 1024).toFixed(0)} KiB`);
console.log(`import of that file (read + check: median ${ms(median(importRead))}; store: median ${ms(median(importStore))})`);
console.log(`localStorage capacity: ${capacity} UTF-16 units; snapshot budget 1500000 units = ${(1500000 / capacity * 100).toFixed(0)} %`);
