// Small things users hit: the delete dialog, removing a register row (and undo), amounts as
// Norwegians write them, editing organisation and case number, the pager's "Next" label, the
// folded step menu and the heading's focus mark. Screenshots go to e2e/artifacts/small-things/ (not committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import {
  serveDist, launch, freshPage, ready, saved, settled, storedPlans, axe, createPlan, openExample, TOOLS,
  text, switchLanguage,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SHOTS = new URL('./artifacts/small-things/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: false });
const PHONE = { viewport: { width: 390, height: 844 } };

function clean(log) {
  assert.deepEqual(log.foreign, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(log.errors, []);
}

/** Loads the worked example and returns its id (the overview is open). */
const loadExample = (page) => openExample(page, server.url);

async function openStep(page, plan, tool, step) {
  await page.goto(`${server.url}#/plan/${plan}/${tool}/${step}`);
  await page.waitForSelector(`.step-nav a[aria-current=step][href$="/${tool}/${step}"]`, { state: 'attached' });
  await page.waitForSelector('.step-main h1');
}

for (const [label, options] of [['1280', {}], ['390', PHONE]]) {
  test(`the delete confirmation is a centred modal over a dimmed page (${label} px)`, async () => {
    const { context, page, log } = await freshPage(browser, options);
    await createPlan(page, server.url, 'Plan som kanskje skal slettes');
    await page.goto(server.url);
    await ready(page);
    const card = page.locator('.plan-card').first();
    const deleteButton = (lang) => card.locator('.plan-card__actions button', { hasText: text(lang, 'library.delete') });
    const remove = deleteButton('nb');
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = card.locator('dialog');
    await dialog.waitFor({ state: 'visible' });
    await settled(page); // the opening animation
    const placed = await dialog.evaluate((d) => {
      const r = d.getBoundingClientRect();
      return {
        modal: d.matches(':modal'),
        dx: Math.abs(r.left + r.width / 2 - innerWidth / 2),
        dy: Math.abs(r.top + r.height / 2 - innerHeight / 2),
        left: r.left, right: innerWidth - r.right,
        backdrop: getComputedStyle(d, '::backdrop').backgroundColor,
        focusInside: d.contains(document.activeElement),
      };
    });
    assert.ok(placed.modal, 'opened with showModal()');
    assert.ok(placed.dx <= 2 && placed.dy <= 2, `centred in the viewport (off by ${placed.dx}, ${placed.dy})`);
    assert.ok(placed.left >= 8 && placed.right >= 8, 'room on both sides');
    assert.match(placed.backdrop, /rgba\(0, 0, 0, 0\.[1-9]/, `the page behind is dimmed (${placed.backdrop})`);
    assert.ok(placed.focusInside, 'focus moves into the dialog');
    await shot(page, `delete-dialog-${label}`);
    if (label === '1280') assert.deepEqual(await axe(page), [], 'library with the dialog open (nb)');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.plan-card').count(), 1, 'Escape cancels');
    assert.equal(await remove.evaluate((b) => b === document.activeElement), true, 'focus returns to Delete');
    if (label === '1280') {
      // The other languages for real: switched on the page (the modal dialog makes the switch
      // unreachable while it is open), then the dialog opened again in that language.
      for (const lang of ['nn', 'en']) {
        await switchLanguage(page, lang);
        await deleteButton(lang).click();
        await dialog.getByRole('button', { name: text(lang, 'library.delete_confirm.confirm'), exact: true }).waitFor();
        await settled(page);
        assert.deepEqual(await axe(page), [], `library with the dialog open (${lang})`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
      await switchLanguage(page, 'nb');
    }

    await remove.click();
    await dialog.getByRole('button', { name: text('nb', 'common.cancel'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await remove.evaluate((b) => b === document.activeElement), true, 'Cancel returns focus too');
    await remove.click();
    await dialog.getByRole('button', { name: text('nb', 'library.delete_confirm.confirm'), exact: true }).click();
    await page.waitForSelector('.undo');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'library-undo', 'after a delete, focus is on Undo');
    clean(log);
    await context.close();
  });
}

test('removing a register row offers Undo, which puts it back with its id and place', async () => {
  const { context, page, log } = await freshPage(browser);
  // The page's clock is Playwright's, so the ten-second offer below is run through, not slept.
  // It flows as real time until then.
  await page.clock.install();
  const plan = await loadExample(page);
  await openStep(page, plan, 'leadership', 'leaders');
  const rows = page.locator('.row-list--register > .row-card');
  const before = await rows.count();
  assert.ok(before >= 3, 'the example has stakeholders');
  const nameIds = () => page.$$eval('.row-list--register textarea[id$="-name"]', (els) => els.map((e) => e.id));
  const idsBefore = await nameIds();
  const second = await rows.nth(1).locator('legend').textContent();
  await rows.nth(0).evaluate((r) => r.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300); // real time for the screenshot only (the layout after the scroll); nothing is asserted on it
  await shot(page, 'register-1280');

  await rows.nth(1).locator('.row-card__remove').click();
  await page.waitForFunction((n) => document.querySelectorAll('.row-list--register > .row-card').length === n, before - 1);
  const status = page.locator('.register-undo[role=status]');
  assert.match(await status.textContent(), new RegExp(second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the message names the row');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), text('nb', 'register.undo'), 'focus on Undo');
  await saved(page);
  let [stored] = await storedPlans(page);
  assert.equal(stored.registers.stakeholders.length, before - 1, 'removed in storage');
  await shot(page, 'register-undo-1280');
  assert.deepEqual(await axe(page), [], 'step page with the Undo message (nb)');

  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.row-list--register > .row-card').length === n, before);
  assert.deepEqual(await nameIds(), idsBefore, 'same ids in the same order');
  assert.equal(await rows.nth(1).locator('legend').textContent(), second);
  assert.equal(await status.textContent(), '', 'the offer is gone');
  assert.equal(await page.evaluate(() => document.activeElement?.id), idsBefore[1], 'focus on the restored row');
  await saved(page);
  await page.reload();
  await page.waitForSelector('.row-list--register');
  assert.deepEqual(await nameIds(), idsBefore, 'after a reload too');
  [stored] = await storedPlans(page);
  assert.equal(stored.registers.stakeholders.length, before);

  // A row removed right after typing in it is named as typed (the legend follows at the pause).
  await rows.nth(0).locator('textarea[id$="-name"]').fill('Nytt navn rett før fjerning');
  await rows.nth(0).locator('.row-card__remove').click();
  assert.match(await status.textContent(), /Nytt navn rett før fjerning/, 'the message names the row as typed');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.row-list--register > .row-card').length === n, before);

  // The offer ends by itself after about ten seconds. The page's clock is held still from here,
  // so only runFor moves the app's timers: the offer cannot end by real time passing. The same row
  // as the one just removed and put back: that removal's own ten seconds are still running, and
  // must not end this new offer (they did once: the timer matched the row, not the offer).
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await rows.nth(0).locator('.row-card__remove').click();
  await page.waitForSelector('.register-undo button');
  await page.clock.runFor(9_500);
  assert.equal(await page.locator('.register-undo button').count(), 1, 'Undo is still offered after 9.5 seconds');
  await page.clock.runFor(1_000);
  await page.locator('.register-undo button').waitFor({ state: 'detached', timeout: 2000 });
  assert.equal(await page.locator('.register-undo button').count(), 0, 'Undo is offered for ten seconds');
  await page.clock.resume();

  // Long names are shown whole, not cut off in a one-line input.
  const cut = await page.$$eval('.row-list--register textarea.cell__text', (els) => els
    .filter((e) => e.scrollHeight > e.clientHeight + 2 || e.scrollWidth > e.clientWidth + 2).map((e) => e.id));
  assert.deepEqual(cut, [], 'no text cell hides part of its text');
  clean(log);
  await context.close();
});

test('register text cells are readable on a phone', async () => {
  const { context, page, log } = await freshPage(browser, PHONE);
  const plan = await loadExample(page);
  await openStep(page, plan, 'leadership', 'leaders');
  await page.locator('.row-list--register > .row-card').first().evaluate((r) => r.scrollIntoView({ block: 'start' }));
  const cut = await page.$$eval('.row-list--register textarea.cell__text', (els) => els
    .filter((e) => e.scrollHeight > e.clientHeight + 2).map((e) => e.id));
  assert.deepEqual(cut, []);
  await page.waitForTimeout(300); // real time for the screenshot only; nothing is asserted on it
  await shot(page, 'register-390');
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    assert.deepEqual(await axe(page), [], `register step on a phone (${lang})`);
  }
  clean(log);
  await context.close();
});

test('amount fields read money as Norwegians write it, and keep unreadable text across a reload', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Beløpsplan');
  await openStep(page, plan, 'startup', 'framework');
  const field = '#f-startup-framework-estimated-value';
  const preview = `${field}-preview`;
  const cases = [
    ['1 200 000', '1 200 000 kr'], ['1.200.000', '1 200 000 kr'], ['1 200 000,50', '1 200 001 kr'],
    ['2,5 mill', '2 500 000 kr'], ['2,5 millioner', '2 500 000 kr'], ['1,2 mrd', '1 200 000 000 kr'],
    ['kr 1 200 000', '1 200 000 kr'], ['1200000 kr', '1 200 000 kr'], ['NOK 1,200,000', '1 200 000 kr'],
    ['1 200 000,-', '1 200 000 kr'],
  ];
  for (const [typed, shown] of cases) {
    await page.fill(field, typed);
    assert.equal((await page.textContent(preview)).replace(/\u00a0/g, ' '), shown, `${typed} → ${shown}`);
    assert.equal(await page.getAttribute(field, 'aria-invalid'), 'false', typed);
    assert.equal(await page.inputValue(field), typed, 'what was typed stays as typed');
  }
  assert.equal(await page.textContent(`${field}-accepts`), text('nb', 'field.amount_help'));
  await saved(page);
  let [stored] = await storedPlans(page);
  assert.deepEqual(stored.answers['startup/framework/estimated-value'], { amount: 1_200_000 });

  await page.fill(field, '12 abc');
  await page.waitForSelector(`${field}-error`);
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
  assert.match(await page.getAttribute(field, 'aria-describedby'), new RegExp(`${field.slice(1)}-error`));
  assert.deepEqual(await axe(page), [], 'an invalid amount (nb)');
  await saved(page);
  [stored] = await storedPlans(page);
  assert.deepEqual(stored.answers['startup/framework/estimated-value'], { amount: 1_200_000 }, 'the amount is not guessed');
  await page.reload();
  await page.waitForSelector(field);
  assert.equal(await page.inputValue(field), '12 abc', 'the rejected text is still there after a reload');
  await page.waitForSelector(`${field}-error`);
  for (const lang of ['nn', 'en']) {
    await switchLanguage(page, lang);
    assert.deepEqual(await axe(page), [], `an invalid amount after reload (${lang})`);
  }
  await switchLanguage(page, 'nb');

  await page.fill(field, '3 400 000');
  assert.equal(await page.locator(`${field}-error`).count(), 0);
  await saved(page);
  [stored] = await storedPlans(page);
  assert.deepEqual(stored.answers['startup/framework/estimated-value'], { amount: 3_400_000 });
  assert.equal(stored.drafts, undefined, 'nothing is kept once it is fixed');
  await page.reload();
  await page.waitForSelector(field);
  assert.equal(await page.inputValue(field), '3400000');
  assert.equal(await page.locator(`${field}-error`).count(), 0);
  clean(log);
  await context.close();
});

test('organisation and case number can be edited after creation and persist', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.fill('#new-title', 'Detaljplan');
  await page.fill('#new-organisation', 'Elvebyen kommune');
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\//);
  await page.goto(server.url);
  await ready(page);
  const card = page.locator('.plan-card', { hasText: 'Detaljplan' });
  await card.locator('button', { hasText: text('nb', 'library.rename') }).click();
  // The form takes focus on the next frame, once it is on screen.
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT', null, { timeout: 2000 });
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'Detaljplan', 'focus in the name field');
  await card.getByLabel(text('nb', 'library.create.organisation')).fill('Fjordbyen kommune');
  await card.getByLabel(text('nb', 'library.create.case_number')).fill('2027/314');
  assert.deepEqual(await axe(page), [], 'library with the edit form open (nb)');
  // The form stays open through a language switch; its labels follow the language.
  for (const lang of ['nn', 'en']) {
    await switchLanguage(page, lang);
    await card.getByLabel(text(lang, 'library.create.case_number')).waitFor();
    assert.deepEqual(await axe(page), [], `library with the edit form open (${lang})`);
  }
  await switchLanguage(page, 'nb');
  assert.equal(await card.getByLabel(text('nb', 'library.create.case_number')).inputValue(), '2027/314', 'what was typed is kept');
  await card.locator('button[type=submit]').click();
  const details = `Fjordbyen kommune · ${text('nb', 'library.case_number_value', { number: '2027/314' })}`;
  await page.locator('.plan-card', { hasText: details }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), text('nb', 'library.rename'), 'focus back on the button');
  await page.reload();
  await ready(page);
  assert.ok((await page.locator('.plan-card', { hasText: 'Detaljplan' }).textContent()).includes(details), 'after a reload');
  const [stored] = await storedPlans(page);
  assert.equal(stored.organisation, 'Fjordbyen kommune');
  assert.equal(stored.case_number, '2027/314');
  await page.click('.plan-card a.ds-link');
  await page.waitForSelector('.plan-meta');
  assert.ok((await page.textContent('.plan-meta')).includes(details), 'on the plan overview');
  clean(log);
  await context.close();
});

test('on a 320 px screen "Next" stays on one line, and the folded step menu names the step', async () => {
  const { context, page, log } = await freshPage(browser, { viewport: { width: 320, height: 700 } });
  const plan = await createPlan(page, server.url, 'Smal skjerm');
  await openStep(page, plan, 'startup', 'strategies');
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    for (const selector of ['a[rel=next] .step-pager__label', 'a[rel=prev] .step-pager__label']) {
      const m = await page.$eval(selector, (el) => ({
        height: el.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(el).lineHeight),
        lines: new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size,
      }));
      assert.ok(Math.abs(m.height - m.line) <= 1, `${selector} is one line high (${m.height} vs ${m.line}, ${lang})`);
      assert.equal(m.lines, 1, `${selector} (${lang})`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px, ${lang})`);
  }
  await switchLanguage(page, 'nb');
  await page.locator('.step-pager').evaluate((p) => p.scrollIntoView({ block: 'center' }));
  await shot(page, 'pager-320');
  assert.equal(await page.$eval('.step-nav__details', (d) => d.open), false, 'folded on a narrow screen');
  const summary = (await page.textContent('.step-nav__details > summary')).replace(/\s+/g, ' ');
  const strategies = TOOLS.startup.steps.find((s) => s.id === 'strategies');
  assert.ok(summary.includes(text('nb', 'step.menu_current', { n: 3, total: 8, title: strategies.title.nb })), summary);
  clean(log);
  await context.close();
});

test('the folded step menu says which step is open, in every language (390 px)', async () => {
  const { context, page, log } = await freshPage(browser, PHONE);
  const plan = await loadExample(page);
  await openStep(page, plan, 'leadership', 'leaders');
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    const current = page.locator('.step-nav__current');
    assert.ok(await current.isVisible(), 'shown while folded');
    const title = (await page.textContent('.step-main h1')).trim();
    assert.equal((await current.textContent()).trim(), text(lang, 'step.menu_current', { n: 2, total: 7, title }), `names the step (${lang})`);
    assert.deepEqual(await axe(page), [], `step page, menu folded (${lang})`);
  }
  await switchLanguage(page, 'nb');
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, 'step-menu-390');
  await page.click('.step-nav__details > summary');
  assert.equal(await page.locator('.step-nav__current').isVisible(), false, 'unfolded, the list shows it instead');
  await shot(page, 'step-menu-open-390');
  clean(log);
  await context.close();
});

test('the step menu at 1280 px, and the focused heading has a light mark, controls a strong ring', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await loadExample(page);
  await openStep(page, plan, 'leadership', 'leaders');
  // By keyboard: the mark is for keyboard users (:focus-visible), as on every view change.
  await page.focus('.step-nav a[href$="/leadership/decision-points"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.step-nav a[aria-current=step][href$="/leadership/decision-points"]');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  const heading = await page.$eval('main h1', (h) => {
    const s = getComputedStyle(h);
    return { outline: s.outlineStyle, line: s.textDecorationLine, visible: h.matches(':focus-visible') };
  });
  assert.ok(heading.visible, 'the heading shows it has focus');
  assert.equal(heading.outline, 'none', 'no frame around the heading');
  assert.equal(heading.line, 'underline', 'a visible mark instead');
  await shot(page, 'step-menu-1280');
  await page.keyboard.press('Tab');
  const control = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { tag: document.activeElement.tagName, outline: s.outlineStyle, shadow: s.boxShadow };
  });
  assert.ok(control.outline !== 'none' || control.shadow !== 'none', `the next control has a focus ring (${JSON.stringify(control)})`);
  clean(log);
  await context.close();
});
