// The learning network's view: several plan files side by side, read-only. A bad file is named
// with its reason and the others still show; nothing is written to localStorage; it works by
// keyboard alone, prints across the page, and passes axe in nb, nn and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, axe, tabTo, createPlan, switchLanguage, plural, textPattern } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, json(`../locales/${l}.json`)]));
const example = (lang) => readFileSync(new URL(`../content/examples/elvebyen.${lang}.json`, import.meta.url));

/** Two plans from two "municipalities" and one file that is not a plan file. */
function files() {
  const other = JSON.parse(example('nn'));
  other.title = 'Trygg heim om natta';
  other.organisation = 'Fjordvik kommune';
  other.registers.needs = other.registers.needs.slice(0, 2);
  return [
    { name: 'elvebyen.json', mimeType: 'application/json', buffer: example('nb') },
    { name: 'fjordvik.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
    { name: 'referat.json', mimeType: 'application/json', buffer: Buffer.from('{"møte": "læringsnettverk"') },
  ];
}

const storage = (page) => page.evaluate(() => JSON.stringify(Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]))));

test('three files, one bad: the good two side by side, the bad one named, and storage untouched', async () => {
  const { context, page, log } = await freshPage(browser);
  await createPlan(page, server.url, 'Min egen plan');
  const before = await storage(page);
  await page.goto(`${server.url}#/compare`);
  await ready(page);
  await page.setInputFiles('#compare-file', files());
  await page.waitForSelector('.compare__table');
  const heads = await page.$$eval('.compare__section:has(#compare-overview-heading) thead th .compare__plan-title', (t) => t.map((e) => e.textContent));
  assert.deepEqual(heads, [json('../content/examples/elvebyen.nb.json').title, 'Trygg heim om natta']);
  const report = await page.$$eval('.import-report li', (li) => li.map((e) => [e.className, e.textContent]));
  assert.equal(report.length, 3);
  assert.ok(report[0][1].includes(plural('nb', 'compare.file_ok', 1, { file: 'elvebyen.json' })), report[0][1]);
  assert.equal(report[2][0], 'import-report__error');
  assert.match(report[2][1], textPattern('nb', 'compare.file_error', { file: 'referat.json' }));
  assert.ok(report[2][1].includes(LOCALES.nb['file_error.truncated'].slice(0, 20)), `the reason is given: ${report[2][1]}`);
  const row = (label) => page.$$eval('.compare__table tbody tr', (rows, l) => {
    const r = rows.find((tr) => tr.querySelector('th').textContent === l);
    return r && [...r.querySelectorAll('td')].map((td) => td.innerText.trim());
  }, label);
  assert.deepEqual(await row(LOCALES.nb['compare.row.organisation']), ['Elvebyen kommune (eksempel)', 'Fjordvik kommune']);
  assert.deepEqual((await row(LOCALES.nb['compare.row.needs_count']))[1], '2');
  assert.equal((await row(LOCALES.nb['compare.row.top_needs'])).length, 2);
  // Nothing of the files entered storage, and the library still has only its own plan.
  assert.equal(await storage(page), before);
  await page.click('.site-header a, a[href="#/"]');
  await page.waitForSelector('.plan-card');
  assert.equal(await page.locator('.plan-card').count(), 1);
  assert.equal(await storage(page), before);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('by keyboard alone: choose the files, pick a step, read it side by side; it prints across the page', async () => {
  const { context, page } = await freshPage(browser);
  await page.goto(`${server.url}#/compare`);
  await ready(page);
  // Listen for the file chooser before tabbing: Playwright turns on its interception
  // asynchronously, and a key pressed at once can beat it (the chooser then opens unseen).
  const chooserShown = page.waitForEvent('filechooser', { timeout: 10000 });
  await tabTo(page, '.compare__files .drop-zone button');
  await page.keyboard.press('Enter');
  const chooser = await chooserShown.catch(async (e) => { throw new Error(`${e.message}; focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 100))}`); });
  await chooser.setFiles(files());
  await page.waitForSelector('.compare__table');
  await tabTo(page, '#compare-step');
  // ArrowDown on a closed select moves to the next option, as a keyboard user would.
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('.compare__step-heading');
  const step = await page.$eval('#compare-step', (s) => s.value);
  assert.equal(step, 'leadership/strategic-link');
  const cells = await page.$$eval('.compare__section:has(#compare-step-heading) tbody tr', (rows) => rows.map((r) => r.querySelectorAll('td').length));
  assert.ok(cells.length >= 2 && cells.every((n) => n === 2), `a row per field, a cell per plan: ${cells}`);
  // The table regions can be reached and scrolled by keyboard.
  await tabTo(page, '.compare__scroll');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    files: getComputedStyle(document.querySelector('.compare__files')).display,
    select: getComputedStyle(document.querySelector('.compare__step-select')).display,
    tables: document.querySelectorAll('.compare__table').length,
  }));
  assert.deepEqual(printed, { files: 'none', select: 'none', tables: 2 });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // A4 landscape: 842 × 595 points.
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[([^\]]*)\]/)?.[1].trim().split(/\s+/).map(Number);
  assert.ok(box && Math.round(box[2]) === 842 && Math.round(box[3]) === 595, `A4 landscape, got ${box}`);
  await context.close();
});

test('the comparison has no axe violations in nb, nn and en, on screen and in print', async () => {
  const { context, page } = await freshPage(browser);
  await page.goto(`${server.url}#/compare`);
  await ready(page);
  assert.deepEqual(await axe(page), [], 'empty');
  await page.setInputFiles('#compare-file', files());
  await page.waitForSelector('.compare__table');
  await page.selectOption('#compare-step', 'needs/needs-list');
  await page.waitForSelector('.compare__step-heading');
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    await page.waitForSelector(`h1:has-text("${LOCALES[lang]['compare.title']}")`);
    for (const media of ['screen', 'print']) {
      await page.emulateMedia({ media });
      assert.deepEqual(await axe(page), [], `${lang} ${media}`);
    }
    await page.emulateMedia({ media: 'screen' });
  }
  // Reflow: at 320 px the page itself does not scroll sideways (the tables scroll in their region).
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320 + 1));
  await context.close();
});
