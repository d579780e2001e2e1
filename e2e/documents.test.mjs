// Documents that read like documents: table cells wrap only between words (never inside a word
// or a date) on screen, on a phone and in print, with no horizontal scrolling; the market
// dialogue's invitation prints alone and copies as plain text; a document follows the interface
// language unless the user chose another language for that document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, saved, storedPlans, axe, createPlan, openExample, splitWords, TOOL_IDS, TOOLS, switchLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, json(`../locales/${l}.json`)]));
const INVITATION = TOOLS.dialogue.document.sections.find((s) => s.heading.en.startsWith('Invitation'));
// The width of an A4 page inside the print margins (210 mm − 2 × 16 mm at 96 px per inch).
const A4_CONTENT_PX = 673;

/** Loads the worked example and returns its id (the overview is open). */
const loadExample = (page) => openExample(page, server.url);

async function openDocument(page, plan, tool) {
  await page.goto(`${server.url}#/plan/${plan}/${tool}/document`);
  await page.waitForSelector('.document h1');
}

/** Words split over lines in the documents' tables and the plan/organisation/date list. */
const DOCUMENT_CELLS = '.document table :is(td, th), .document__meta :is(dt, dd)';

/** Table cells whose whole text is a date, laid out on more than one line. */
async function brokenDates(page) {
  return page.evaluate(() => {
    const date = /^(\d{2}\.\d{2}\.\d{4}|\d{1,2}\u00a0[A-Z][a-z]+\u00a0\d{4})$/;
    const cells = [...document.querySelectorAll('.document table td')].filter((td) => date.test(td.textContent.trim()));
    const broken = cells.filter((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
    }).map((td) => td.textContent);
    return { count: cells.length, broken };
  });
}

/** How far the page and each table region are wider than what is shown. */
async function overflow(page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('.document .table-scroll')]
      .map((t) => [t.getAttribute('aria-label'), t.scrollWidth - t.clientWidth])
      .filter(([, over]) => over > 0),
  }));
}

test('table cells wrap only between words and dates stay whole, on screen, on a phone and in print', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await loadExample(page);
  const problems = [];
  let tables = 0, dates = 0;
  const modes = [
    { name: '1280 px', width: 1280, media: 'screen' },
    { name: '1024 px', width: 1024, media: 'screen' },
    { name: '820 px', width: 820, media: 'screen' },
    { name: '390 px', width: 390, media: 'screen' },
    { name: '320 px', width: 320, media: 'screen' },
    { name: 'print (A4)', width: A4_CONTENT_PX, media: 'print' },
  ];
  for (const lang of ['nb', 'en']) {
    if (lang !== 'nb') await switchLanguage(page, lang);
    for (const mode of modes) {
      await page.setViewportSize({ width: mode.width, height: 900 });
      await page.emulateMedia({ media: mode.media });
      for (const tool of TOOL_IDS) {
        await openDocument(page, plan, tool);
        const where = `${tool} document, ${lang}, ${mode.name}`;
        tables += await page.locator('.document table').count();
        for (const word of await splitWords(page, DOCUMENT_CELLS)) problems.push(`${where}: word split over lines: ${word}`);
        const d = await brokenDates(page);
        dates += d.count;
        for (const date of d.broken) problems.push(`${where}: date split over lines: ${date}`);
        const over = await overflow(page);
        if (mode.media === 'screen' && mode.width <= 390 && over.page > 0) problems.push(`${where}: page scrolls sideways by ${over.page}px`);
        // Nothing is cut off on paper, and a desktop reader does not scroll tables sideways.
        if (mode.width !== 390 && mode.width !== 320) {
          for (const [label, px] of over.tables) problems.push(`${where}: table “${label}” is ${px}px too wide`);
        }
      }
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  assert.deepEqual(problems, []);
  assert.ok(tables >= 4 * 2 * modes.length * 3, `the example's documents have tables (${tables} checked)`);
  assert.ok(dates > 0, `date cells were checked (${dates})`);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a phone each table row is a block of labelled values', async () => {
  const { context, page, log } = await freshPage(browser, { viewport: { width: 390, height: 800 } });
  const plan = await loadExample(page);
  await openDocument(page, plan, 'dialogue');
  const table = page.locator('.document__section', { hasText: 'Form og tidsplan' }).locator('table').first();
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['Dato', 'Hva skjer']);
  const cells = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => ({
    label: getComputedStyle(td, '::before').content,
    display: getComputedStyle(td).display,
    width: td.getBoundingClientRect().width,
    row: td.parentElement.getBoundingClientRect().width,
  })));
  assert.deepEqual(cells.map((c) => c.label), ['"Dato: "', '"Hva skjer: "'], 'each value is labelled with its column');
  assert.ok(cells.every((c) => c.display === 'block' && c.width >= c.row - 1), 'each value takes the full width');
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** The invitation as the copy button should give it: labels and answers from the example. */
function expectedInvitation(lang) {
  const example = json(`../content/examples/elvebyen.${lang}.json`);
  const step = TOOLS.dialogue.steps.find((s) => s.id === 'invitation');
  return INVITATION.fields.map((ref) => {
    const field = step.fields.find((f) => `invitation/${f.id}` === ref);
    const answer = example.answers[`dialogue/${ref}`];
    let value;
    if (answer.text !== undefined) value = answer.text.trim();
    else if (answer.date !== undefined) value = answer.date.split('-').reverse().join('.');
    else if (answer.choice !== undefined) value = field.options.find((o) => o.id === answer.choice).label[lang];
    else throw new Error(`unexpected answer for ${ref}`);
    return `${field.label[lang]}\n${value}`;
  }).join('\n\n');
}

test('the invitation prints on its own and copies as plain text', async () => {
  const { context, page, log } = await freshPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const plan = await loadExample(page);
  await openDocument(page, plan, 'dialogue');
  // The print dialog cannot be driven headless: record what was marked when print() was called.
  await page.evaluate(() => {
    window.__prints = [];
    window.print = () => window.__prints.push(document.documentElement.hasAttribute('data-print-part'));
  });
  const part = page.locator('.document__section--standalone');
  assert.equal(await part.count(), 1, 'one part of the dialogue document stands alone');
  assert.equal((await part.locator('h2').textContent()).trim(), INVITATION.heading.nb);

  await part.getByRole('button', { name: LOCALES.nb['document.section.print'] }).click();
  assert.deepEqual(await page.evaluate(() => window.__prints), [true], 'print was called with only the invitation marked');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.body.innerText);
  assert.ok(printed.includes(INVITATION.heading.nb), 'the invitation is printed');
  assert.ok(printed.includes('Markedsdialog: digitalt nattilsyn i hjemmetjenesten, Elvebyen kommune'), 'with its text');
  for (const other of TOOLS.dialogue.document.sections.filter((s) => s !== INVITATION)) {
    assert.ok(!printed.includes(other.heading.nb), `“${other.heading.nb}” is left out`);
  }
  assert.ok(!printed.includes(TOOLS.dialogue.document.title.nb), 'the rest of the document is left out');
  assert.ok(!printed.includes(LOCALES.nb['document.section.copy']), 'no buttons on paper');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'the invitation prints to a PDF');

  // After printing, the whole document prints again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const whole = await page.evaluate(() => document.body.innerText);
  assert.ok(whole.includes(TOOLS.dialogue.document.title.nb) && whole.includes(TOOLS.dialogue.document.sections[0].heading.nb));
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: LOCALES.nb['document.print'] }).click();
  assert.deepEqual(await page.evaluate(() => window.__prints), [true, false], 'the document print button prints everything');

  await part.getByRole('button', { name: LOCALES.nb['document.section.copy'] }).click();
  await page.waitForSelector(`.document__part-status:text("${LOCALES.nb['document.section.copied']}")`);
  assert.equal(await part.locator('[role=status]').textContent(), LOCALES.nb['document.section.copied'], 'said in a live region');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, expectedInvitation('nb'));

  // A browser that refuses the clipboard: the text is selected for Ctrl+C and the user is told.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    window.getSelection().removeAllRanges();
  });
  await part.getByRole('button', { name: LOCALES.nb['document.section.copy'] }).click();
  await page.waitForSelector(`.document__part-status:text("${LOCALES.nb['document.section.copy_failed']}")`);
  const selected = await page.evaluate(() => window.getSelection().toString());
  assert.ok(selected.includes('Markedsdialog: digitalt nattilsyn i hjemmetjenesten, Elvebyen kommune'), 'the invitation is selected');
  assert.ok(!selected.includes(LOCALES.nb['document.section.copy']), 'without the buttons');
  assert.ok(!selected.includes(TOOLS.dialogue.document.sections[0].heading.nb), 'and without the rest of the document');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a document follows the interface language unless the user chose one for it, and the choice is kept', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Språkplan');
  const title = (tool, lang) => TOOLS[tool].document.title[lang];
  const h1 = async () => (await page.textContent('.document h1')).trim();
  await openDocument(page, plan, 'needs');
  assert.equal(await h1(), title('needs', 'nb'));
  assert.equal(await page.inputValue('#doc-language'), 'follow');

  await switchLanguage(page, 'en');
  assert.equal(await h1(), title('needs', 'en'), 'the document follows the interface language');
  assert.equal(await page.getAttribute('.document', 'lang'), 'en');
  assert.equal(await page.textContent('#doc-language option[value=follow]'), 'Same as the app (English)');

  await page.selectOption('#doc-language', 'nn');
  await page.waitForFunction((t) => document.querySelector('.document h1')?.textContent.trim() === t, title('needs', 'nn'));
  assert.equal(await page.getAttribute('.document', 'lang'), 'nn');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the interface stays in English');
  await saved(page);
  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  assert.deepEqual(stored.document_languages, { needs: 'nn' });

  await page.reload();
  await ready(page);
  await page.waitForSelector('.document h1');
  assert.equal(await h1(), title('needs', 'nn'), 'the choice for this document is kept after reload');
  assert.equal(await page.inputValue('#doc-language'), 'nn');
  await openDocument(page, plan, 'dialogue');
  assert.equal(await h1(), title('dialogue', 'en'), 'another document still follows the interface');
  assert.equal(await page.inputValue('#doc-language'), 'follow');

  await switchLanguage(page, 'nb');
  assert.equal(await h1(), title('dialogue', 'nb'));
  await openDocument(page, plan, 'needs');
  assert.equal(await h1(), title('needs', 'nn'), 'a chosen language does not follow the interface');
  await page.selectOption('#doc-language', 'follow');
  await page.waitForFunction((t) => document.querySelector('.document h1')?.textContent.trim() === t, title('needs', 'nb'));
  await saved(page);
  const [after] = (await storedPlans(page)).filter((p) => p.id === plan);
  assert.equal(after.document_languages, undefined, 'following the interface again removes the choice');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a document with tables and the invitation buttons has no axe violations in nb, nn and en, wide and on a phone', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await loadExample(page);
  const violations = [];
  for (const lang of ['nb', 'nn', 'en']) {
    if (lang !== 'nb') await switchLanguage(page, lang);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const tool of ['dialogue', 'leadership']) {
        await openDocument(page, plan, tool);
        assert.equal(await page.getAttribute('.document', 'lang'), lang);
        violations.push(...(await axe(page)).map((v) => `${tool} document (${lang}, ${width}px): ${v}`));
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  assert.deepEqual(violations, []);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
