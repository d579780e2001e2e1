// The worksheets: filling every tool with the keyboard only, the documents they end in, the
// worked example, accessibility of step and document pages in every language, hostile input,
// and very large answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, freshPage, ready, saved, storedPlans, axe, tabTo, createPlan, openExample, TOOL_IDS, TOOLS, switchLanguage, text, textPattern } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TEXT_KINDS = ['long_text', 'short_text'];

async function activeId(page) {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Loads the worked example and returns its id (the overview is open). */
const loadExample = (page) => openExample(page, server.url);

async function openStep(page, plan, tool, step) {
  await page.goto(`${server.url}#/plan/${plan}/${tool}/${step}`);
  await page.waitForSelector(`.step-main h1`);
  await page.waitForSelector(`.step-nav a[aria-current=step][href$="/${tool}/${step}"]`);
}

async function openDocument(page, plan, tool) {
  await page.goto(`${server.url}#/plan/${plan}/${tool}/document`);
  await page.waitForSelector('.document h1');
}

async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The field ids (step → field) the tool's document shows. */
function documented(tool) {
  return new Set(tool.document.sections.flatMap((s) => s.fields).filter((f) => !f.startsWith('register:')));
}

test('fills each tool with the keyboard only, reloads, and finds the answers in the document', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Tastaturplan');
  const expectInDocument = Object.fromEntries(TOOL_IDS.map((t) => [t, []]));
  const expectStoredOnly = {};
  const needName = 'MARK-needs-need-Trygg natt uten kamera';

  for (const toolId of TOOL_IDS) {
    const tool = TOOLS[toolId];
    const inDoc = documented(tool);
    await openStep(page, plan, toolId, tool.steps[0].id);
    for (const [index, step] of tool.steps.entries()) {
      await page.waitForSelector(`.step-nav a[aria-current=step][href$="/${toolId}/${step.id}"]`);
      // A shared field writes another step's value: it is tested in decision.test.mjs.
      const texts = step.fields.filter((f) => TEXT_KINDS.includes(f.kind) && !f.stored_at);
      // The first text field the document shows; else the first text field at all.
      const field = texts.find((f) => inDoc.has(`${step.id}/${f.id}`)) ?? texts[0];
      if (field) {
        const marker = `MARK-${toolId}-${step.id}`;
        const key = `${toolId}/${step.id}/${field.id}`;
        await tabTo(page, `#f-${toolId}-${step.id}-${field.id}`);
        await page.keyboard.type(marker);
        assert.equal(await page.inputValue(`#f-${toolId}-${step.id}-${field.id}`), marker);
        if (inDoc.has(`${step.id}/${field.id}`)) expectInDocument[toolId].push(marker);
        else expectStoredOnly[key] = marker;
      }
      if (toolId === 'needs' && step.id === 'needs-list') {
        await tabTo(page, 'fieldset:has(#f-needs-needs-list-needs-help) button[data-variant=secondary]');
        assert.match(await page.evaluate(() => document.activeElement.textContent), new RegExp(`^${textPattern('nb', 'register.add').source}`));
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => /^f-needs-needs-list-needs-\d+-name$/.test(document.activeElement?.id ?? ''));
        await page.keyboard.type(needName);
        expectInDocument.needs.push(needName);
      }
      if (index === 0) {
        // A radio group is one Tab stop; the arrow keys move through it and choose.
        await tabTo(page, 'input[name=step-status]');
        for (let i = 0; i < 4 && !(await page.isChecked('#step-status-done')); i++) await page.keyboard.press('ArrowRight');
        assert.equal(await page.isChecked('#step-status-done'), true, `${toolId}/${step.id} marked done`);
      }
      if (index < tool.steps.length - 1) {
        await tabTo(page, 'a[rel=next]');
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`/${toolId}/${tool.steps[index + 1].id}$`));
      }
    }
  }
  await saved(page);

  await page.reload();
  await ready(page);
  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  for (const toolId of TOOL_IDS) {
    assert.deepEqual(stored.steps[`${toolId}/${TOOLS[toolId].steps[0].id}`], { status: 'done' }, `${toolId} first step stored as done`);
  }
  for (const [key, marker] of Object.entries(expectStoredOnly)) {
    assert.deepEqual(stored.answers[key], { text: marker }, `${key} stored (not part of the document)`);
  }
  for (const toolId of TOOL_IDS) {
    await openDocument(page, plan, toolId);
    const text = await page.textContent('.document');
    for (const marker of expectInDocument[toolId]) assert.ok(text.includes(marker), `${marker} in the ${toolId} document`);
  }
  const needsRows = await (async () => {
    await openDocument(page, plan, 'needs');
    return page.locator('.document table td', { hasText: needName }).count();
  })();
  assert.ok(needsRows >= 1, 'the added need is listed in a table of the needs document');

  await page.goto(`${server.url}#/plan/${plan}`);
  await page.waitForSelector('.task-list');
  const statuses = await page.locator('.task-list__status').allTextContents();
  assert.equal(statuses.length, 4);
  for (const s of statuses) assert.ok([text('nb', 'status.in_progress'), text('nb', 'status.done')].includes(s.trim()), s);
  assert.deepEqual(log.foreign, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the example plan loads with every tool done', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await loadExample(page);
  const statuses = await page.locator('.task-list__status').allTextContents();
  assert.deepEqual(statuses.map((s) => s.trim()), Array(4).fill(text('nb', 'status.done')));

  await openDocument(page, plan, 'needs');
  assert.equal((await page.textContent('.document h1')).trim(), 'Behovsbeskrivelse');
  const section = page.locator('.document__section', { has: page.locator('h2', { hasText: 'Prioriterte funksjonelle behov' }) });
  assert.equal(await section.count(), 1);
  const headers = await section.locator('table thead th').allTextContents();
  assert.ok(headers.includes('Prioritet'), `priority column in ${headers.join(' | ')}`);
  const rows = await section.locator('table tbody tr').count();
  assert.ok(rows >= 2, `the example lists several prioritised needs (${rows})`);
  const priorityColumn = headers.indexOf('Prioritet');
  const priorities = await section.locator(`table tbody tr td:nth-child(${priorityColumn + 1})`).allTextContents();
  assert.ok(priorities.every((p) => p.trim() !== ''), 'every need has a priority');
  assert.equal(await page.locator('.document__item--missing').count(), 0, 'nothing missing in the example');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('step pages and documents have no axe violations in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await loadExample(page);
  // Between them: registers (leaders, needs-list), a table, a checklist and a choice (format),
  // an amount, a choice, a date and a list (framework).
  const steps = [['leadership', 'leaders'], ['startup', 'framework'], ['needs', 'needs-list'], ['dialogue', 'format']];
  // One tab per language, run side by side (the language is per tab until it is reloaded).
  const pages = [page, await context.newPage(), await context.newPage()];
  pages.slice(1).forEach((p) => p.on('pageerror', (e) => log.errors.push(String(e))));
  const found = await Promise.all(['nb', 'nn', 'en'].map(async (lang, i) => {
    const tab = pages[i];
    const violations = [];
    await openStep(tab, plan, ...steps[0]);
    await switchLanguage(tab, lang);
    for (const [tool, step] of steps) {
      await openStep(tab, plan, tool, step);
      assert.equal(await tab.getAttribute('html', 'lang'), lang);
      violations.push(...(await axe(tab)).map((v) => `${tool}/${step} (${lang}): ${v}`));
      // Autofill off on every text control: it re-read the whole register on each change.
      const autofilled = await tab.$$eval('main textarea, main select, main input:not([type=checkbox]):not([type=radio])',
        (controls) => controls.filter((c) => c.getAttribute('autocomplete') !== 'off').map((c) => c.id));
      violations.push(...autofilled.map((id) => `${tool}/${step} (${lang}): #${id} lacks autocomplete=off`));
    }
    for (const tool of TOOL_IDS) {
      await openDocument(tab, plan, tool);
      assert.equal(await tab.getAttribute('html', 'lang'), lang);
      violations.push(...(await axe(tab)).map((v) => `${tool} document (${lang}): ${v}`));
    }
    return violations;
  }));
  assert.deepEqual(found.flat(), []);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('hostile and unusual input is stored and shown as text', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Fiendtlig inndata');
  const hostile = '<img src=x onerror="window.__xss=1">';
  const emoji = 'Nattevakt 👩‍⚕️🌙 på runde';
  const rtl = 'مرحبا بالعالم · שלום עולם';
  const longText = `${hostile}\n\n${emoji}\n\n${rtl}`;

  await openStep(page, plan, 'needs', 'problem');
  await page.fill('#f-needs-problem-today', longText);
  await openStep(page, plan, 'needs', 'needs-list');
  await page.click('fieldset:has(#f-needs-needs-list-needs-help) button[data-variant=secondary]');
  await page.waitForFunction(() => /^f-needs-needs-list-needs-\d+-name$/.test(document.activeElement?.id ?? ''));
  const cellId = await activeId(page);
  const cellText = `${hostile} ${emoji} ${rtl}`;
  await page.keyboard.type(cellText);
  await saved(page);

  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue(`#${cellId}`), cellText, 'register cell kept after reload');
  await openStep(page, plan, 'needs', 'problem');
  assert.equal(await page.inputValue('#f-needs-problem-today'), longText, 'long text kept after reload');

  await openDocument(page, plan, 'needs');
  const doc = await page.textContent('.document');
  for (const s of [hostile, emoji, rtl]) assert.ok(doc.includes(s), `document shows ${s} literally`);
  assert.ok((await page.locator('.document td', { hasText: cellText }).count()) >= 1, 'the register cell shown as text');
  assert.equal(await page.locator('.document img').count(), 0, 'no element is created from the markup');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  assert.deepEqual(log.foreign, [], 'the img src=x is never requested off-machine');
  assert.ok(!log.requests.some((u) => /\/x$/.test(u)), 'no request for the injected image');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a list with 1,000 items and a very long answer keep the layout', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Store svar');
  await page.goto(server.url);
  await ready(page);
  const listKey = 'dialogue/market-research/sources';
  const textKey = 'dialogue/market-research/other-buyers';
  await page.evaluate(({ plan, listKey, textKey }) => {
    const key = `ioa-planleggeren/plan/${plan}`;
    const stored = JSON.parse(localStorage.getItem(key));
    stored.answers[listKey] = { list: Array.from({ length: 1000 }, (_, i) => `Kilde nummer ${i + 1}`) };
    stored.answers[textKey] = { text: 'Lang tekst uten ende. '.repeat(5000).slice(0, 100000) };
    localStorage.setItem(key, JSON.stringify(stored));
  }, { plan, listKey, textKey });

  await page.goto(`${server.url}#/plan/${plan}/dialogue/market-research`);
  await page.reload();
  await ready(page);
  await page.waitForSelector('#f-dialogue-market-research-sources-999');
  const items = await page.locator('fieldset:has(#f-dialogue-market-research-sources-help) ol.list-editor input').count();
  assert.equal(items, 1000, 'all 1,000 list items render');
  assert.equal(await page.inputValue('#f-dialogue-market-research-sources-999'), 'Kilde nummer 1000');
  assert.equal((await page.inputValue('#f-dialogue-market-research-other-buyers')).length, 100000);

  await page.focus('#f-dialogue-market-research-other-buyers');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' SLUTT');
  await saved(page);
  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  assert.equal(stored.answers[textKey].text.length, 100006);
  assert.ok(stored.answers[textKey].text.endsWith(' SLUTT'));
  assert.equal(stored.answers[listKey].list.length, 1000);
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow <= 0, `no horizontal scrolling on the step (overflow ${overflow}px)`);

  await openDocument(page, plan, 'dialogue');
  assert.ok((await page.locator('.document li', { hasText: 'Kilde nummer 1000' }).count()) >= 1);
  const docOverflow = await horizontalOverflow(page);
  assert.ok(docOverflow <= 0, `no horizontal scrolling in the document (overflow ${docOverflow}px)`);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
