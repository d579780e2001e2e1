// The rest of what a team met on the way from a plan to a case file (issue 22, items 7, 14 and
// 16): a value typed wrong is said in the documents too, the route choice and export are within
// reach from every plan page, the case number is edited in the plan, and earlier versions group
// their repeats and can be looked at before one is restored. The views touched pass axe and fit
// 320 px in nb, nn and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, freshPage, ready, saved, storedPlans, axe, createPlan, openExample, tabTo, switchLanguage, textPattern } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, json(`../locales/${l}.json`)]));
const VALUE_FIELD = '#f-startup-framework-estimated-value';
const count = (text, part) => text.split(part).length - 1;
const fill = (template, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), template);

/** Opens `hash` (relative to the plan) and waits for its heading. */
async function open(page, plan, hash) {
  await page.goto(`${server.url}#/plan/${plan}${hash}`);
  await page.waitForSelector('main h1');
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = join(mkdtempSync(join(tmpdir(), 'ioa-case-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: () => readFileSync(path, 'utf8') };
}

function wordBody(path) {
  return execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', path], { encoding: 'utf8' });
}

test('a value typed wrong shows with its error in the start-up memo and the whole plan, on screen, in Markdown and Word', async () => {
  const { context, page, log } = await freshPage(browser, { acceptDownloads: true });
  const plan = await createPlan(page, server.url, 'Verdi i dokumentet');
  await open(page, plan, '/startup/framework');
  await page.fill(VALUE_FIELD, '2 000 000');
  await saved(page);
  await page.fill(VALUE_FIELD, 'to millioner');
  await saved(page);
  const note = (lang, value) => fill(LOCALES[lang]['document.stale_value'], { typed: 'to millioner', value });

  // The memo: at the value, and again before the decision part that rests on it.
  await open(page, plan, '/startup/document');
  const memo = await page.textContent('article.document');
  assert.equal(count(memo, note('nb', '2\u00a0000\u00a0000\u00a0kr')), 2, memo.slice(0, 400));

  // The whole plan: at the value, in the summary's route and first in the decision chapter.
  await open(page, plan, '/document');
  await page.waitForSelector('.plan-document h1');
  const whole = await page.textContent('.plan-document');
  assert.equal(count(whole, note('nb', '2\u00a0000\u00a0000\u00a0kr')), 3);
  const decision = await page.textContent('#chapter-decision');
  assert.ok(decision.indexOf('to millioner') < decision.indexOf(LOCALES.nb['document.route.recommended']), 'said before the results');
  const md = await download(page, () => page.click(`button:has-text("${LOCALES.nb['plan_document.md']}")`));
  assert.equal(count(md.text(), 'to millioner'), 3, 'Markdown');
  const word = await download(page, () => page.click(`button:has-text("${LOCALES.nb['plan_document.docx']}")`));
  assert.equal(count(wordBody(word.path), 'to millioner'), 3, 'Word');

  // In the other languages too, chosen in the interface.
  for (const [lang, value] of [['nn', '2\u00a0000\u00a0000\u00a0kr'], ['en', 'NOK 2,000,000']]) {
    await switchLanguage(page, lang);
    await page.waitForFunction((t) => document.querySelector('.plan-document')?.textContent.includes(t), note(lang, value));
    assert.equal(count(await page.textContent('.plan-document'), note(lang, value)), 3, lang);
  }
  await switchLanguage(page, 'nb');

  // Corrected: the note goes from the documents.
  await open(page, plan, '/startup/framework');
  await page.fill(VALUE_FIELD, '3 000 000');
  await saved(page);
  await open(page, plan, '/document');
  await page.waitForSelector('.plan-document h1');
  assert.equal(count(await page.textContent('.plan-document'), 'to millioner'), 0);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('the decision helper says the chosen route at the top and takes the user to the choice', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page, log } = await freshPage(browser, { viewport });
    const plan = await createPlan(page, server.url, 'Vei');
    await open(page, plan, '/decision');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const choiceTop = await page.evaluate(() => document.getElementById('chosen-heading').getBoundingClientRect().top);
    assert.ok(choiceTop > 2 * viewport.height, `the choice is far down the page (${choiceTop} of ${height} px)`);
    // Within the first screen: what is chosen, and the way there.
    const link = page.locator('.decision-summary__choose');
    const linkBox = await link.boundingBox();
    assert.ok(linkBox && linkBox.y + linkBox.height < viewport.height, `the link is on the first screen at ${viewport.width} px: ${JSON.stringify(linkBox)}`);
    assert.equal((await page.textContent('.decision-summary__chosen')).trim(), LOCALES.nb['decision.chosen.none']);
    assert.equal((await link.textContent()).trim(), LOCALES.nb['decision.summary_choose']);
    // By keyboard: a few Tab presses from the top, then Enter lands on the choice.
    await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement?.blur(); });
    await tabTo(page, '.decision-summary__choose', 25);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'chosen-heading');
    const headingTop = await page.evaluate(() => document.getElementById('chosen-heading').getBoundingClientRect().top);
    assert.ok(headingTop >= 0 && headingTop < viewport.height, `the choice is in view (${headingTop})`);
    await page.check('#chosen-route-innovation-friendly-negotiated');
    await saved(page);
    const chosenLabel = (await page.textContent('label[for=chosen-route-innovation-friendly-negotiated]')).trim();
    assert.equal((await page.textContent('.decision-summary__chosen')).trim(), chosenLabel);
    assert.equal((await link.textContent()).trim(), LOCALES.nb['decision.summary_change']);
    assert.equal(new URL(page.url()).hash, `#/plan/${plan}/decision`, 'the route is unchanged');
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test("the start-up tool's route step shows the decision helper's view and links to it", async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Oppstart og vei');
  await open(page, plan, '/startup/route');
  const box = page.locator('.worksheet .decision-link');
  assert.equal(await box.count(), 1);
  const link = box.locator(`a[href="#/plan/${plan}/decision"]`);
  assert.equal((await link.textContent()).trim(), LOCALES.nb['overview.route.open']);
  assert.ok((await box.textContent()).includes(LOCALES.nb['overview.route.recommended']));
  // The team's own choice is named once made.
  await open(page, plan, '/decision');
  await page.check('#chosen-route-procurement-of-innovation');
  await saved(page);
  const chosen = (await page.textContent('label[for=chosen-route-procurement-of-innovation]')).trim();
  await open(page, plan, '/startup/route');
  assert.ok((await page.textContent('.decision-link')).includes(chosen));
  await page.click('.decision-link a');
  await page.waitForURL(new RegExp(`#/plan/${plan}/decision$`));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("export is in every plan page's header, a few Tab presses from the top", async () => {
  const { context, page, log } = await freshPage(browser, { acceptDownloads: true });
  const plan = await openExample(page, server.url);
  const views = ['', '/startup/trigger', '/startup/document', '/document', '/decision', '/versions', '/roadmap', '/roadmap/anchoring', '/anchoring/problem-goals', '/crosswalk'];
  for (const view of views) {
    await open(page, plan, view);
    const button = page.locator('.plan-header .export-button');
    assert.equal(await button.count(), 1, `${view || 'overview'}`);
    assert.equal((await button.textContent()).trim(), LOCALES.nb['export.one'], `${view || 'overview'}`);
  }
  // From the top of a step page, by keyboard: past the skip link, the language switch and the
  // breadcrumbs (it was 22 presses down the overview, and on no other page).
  await open(page, plan, '/needs/needs-list');
  await page.reload();
  await ready(page);
  let presses = 0;
  while (!(await page.evaluate(() => document.activeElement?.matches('.plan-header .export-button')))) {
    await page.keyboard.press('Tab');
    assert.ok(++presses <= 10, `export not reached in 10 presses (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`);
  }
  const file = await download(page, () => page.keyboard.press('Enter'));
  assert.match(file.name, /\.json$/);
  const [stored] = await storedPlans(page);
  assert.equal(JSON.parse(file.text()).plan.title, stored.title);
  await page.waitForFunction(() => document.querySelector('.plan-header .export-action__status')?.textContent.trim().length > 0);
  assert.equal((await page.textContent('.plan-header .export-action__status')).trim(), fill(LOCALES.nb['export_result.done'], { title: stored.title }));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the case number (and name and organisation) can be changed inside the plan', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Saksnummer');
  await open(page, plan, '');
  await page.click('#details-edit');
  await page.waitForFunction(() => document.activeElement?.id === 'details-title');
  // A plan needs a name: an empty one is refused, with the reason beside the field.
  await page.fill('#details-title', ' ');
  await page.click('.plan-details__form button[type=submit]');
  assert.equal(await page.getAttribute('#details-title', 'aria-invalid'), 'true');
  assert.equal((await page.textContent('#details-title-error')).trim(), LOCALES.nb['library.error.title_empty']);
  await page.fill('#details-title', 'Saksnummer');
  await page.fill('#details-organisation', 'Elvebyen kommune');
  await page.fill('#details-case', '2027/99');
  await page.click('.plan-details__form button[type=submit]');
  await page.waitForFunction(() => document.activeElement?.id === 'details-edit');
  await saved(page);
  assert.equal((await page.textContent('.plan-meta')).trim(), 'Elvebyen kommune · Saksnr. 2027/99');
  const [stored] = await storedPlans(page);
  assert.equal(stored.case_number, '2027/99');
  // Escape leaves the form without a change.
  await page.click('#details-edit');
  await page.fill('#details-case', '2027/100');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'details-edit');
  assert.equal((await storedPlans(page))[0].case_number, '2027/99');
  // The documents use it, and so does the library after a reload.
  await open(page, plan, '/document');
  await page.waitForSelector('.plan-document h1');
  assert.ok((await page.textContent('.plan-document .document__meta')).includes('2027/99'));
  await page.goto(server.url);
  await ready(page);
  assert.ok((await page.textContent('.plan-card')).includes('Saksnr. 2027/99'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** A plan with earlier versions: one kept while typing, then three restores of it in a row. */
async function planWithRepeats(page) {
  const plan = await createPlan(page, server.url, 'Versjoner');
  const field = '#f-startup-trigger-situation';
  await open(page, plan, '/startup/trigger');
  await page.fill(field, 'Første tekst');
  await saved(page);
  await page.fill(field, 'Andre tekst');
  await saved(page);
  await open(page, plan, '/versions');
  for (let i = 0; i < 4; i++) {
    await page.locator('.versions-list li', { hasText: LOCALES.nb['versions.reason.save'] }).locator('button', { hasText: LOCALES.nb['versions.restore'] }).click();
    await page.waitForSelector('.ds-alert[data-color=success]');
  }
  return plan;
}

test('earlier versions: repeats are one row with a count, and a version can be looked at read-only before it is restored', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await planWithRepeats(page);
  const rows = page.locator('.versions-list > li');
  // Four restores: the first kept the plan with "Andre tekst", the next three the same version.
  const reasons = await rows.evaluateAll((lis) => lis.map((li) => [li.dataset.count, li.querySelector('p + p').textContent.trim()]));
  assert.deepEqual(reasons, [
    ['3', LOCALES.nb['versions.reason.before_restore']],
    ['1', LOCALES.nb['versions.reason.before_restore']],
    ['1', LOCALES.nb['versions.reason.save']],
  ]);
  assert.match(await rows.first().locator('.versions-item__repeats').textContent(), textPattern('nb', 'versions.repeats.other', { count: 3 }, { whole: true }));
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/snapshot/')).length);
  assert.equal(stored, 5, 'every version is still kept; only the list groups them');

  // Look at the version with "Andre tekst": read-only, marked so, the list out of the way.
  const second = rows.nth(1);
  const showId = await second.locator('.versions-item__show').getAttribute('id');
  await second.locator('.versions-item__show').click();
  await page.waitForSelector('.version-preview .plan-document');
  await page.waitForFunction(() => document.activeElement?.id === 'version-preview-heading');
  assert.equal((await page.textContent('.version-preview__tag')).trim(), LOCALES.nb['versions.preview.tag']);
  assert.equal(await page.isVisible('.versions-list'), false);
  const preview = await page.textContent('.version-preview .plan-document');
  assert.ok(preview.includes('Andre tekst'), 'the version as it was');
  assert.equal(await page.locator('.version-preview :is(input, textarea, select, [contenteditable])').count(), 0, 'nothing to edit');
  assert.equal(await page.locator('main h1:visible').count(), 1, 'one page heading');
  const [before] = await storedPlans(page);
  // Back to the list, to the row the user came from; nothing changed.
  await page.click('.version-preview__back >> nth=0');
  await page.waitForFunction((id) => document.activeElement?.id === id, showId);
  assert.deepEqual((await storedPlans(page))[0], before, 'looking changes nothing');
  // Restore from the preview: the plan is that version, and the restore can be undone.
  await page.click(`#${showId}`);
  await page.waitForSelector('.version-preview__restore');
  await page.click('.version-preview__restore >> nth=0');
  await page.waitForSelector('.ds-alert[data-color=success]');
  assert.equal(await page.locator('.version-preview').count(), 0);
  const [now] = await storedPlans(page);
  assert.equal(now.answers['startup/trigger/situation'].text, 'Andre tekst');
  assert.equal(await page.locator('.ds-alert[data-color=success] button').count(), 1, 'with Undo');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the views these changes touch pass axe and do not scroll sideways at 320 px, in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser, { viewport: { width: 320, height: 800 } });
  const plan = await planWithRepeats(page);
  await open(page, plan, '/startup/framework');
  await page.fill(VALUE_FIELD, 'to millioner');
  await saved(page);
  const problems = [];
  const check = async (name, lang) => {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (over > 0) problems.push(`${name} (${lang}): scrolls sideways by ${over} px`);
    for (const v of await axe(page)) problems.push(`${name} (${lang}): ${v}`);
  };
  for (const lang of ['nb', 'nn', 'en']) {
    if (lang !== 'nb') await switchLanguage(page, lang);
    for (const view of ['/decision', '/startup/route', '/startup/document', '/document', '/versions']) {
      await open(page, plan, view);
      await check(view, lang);
    }
    await page.click('.versions-list > li .versions-item__show >> nth=0');
    await page.waitForSelector('.version-preview .plan-document');
    await check('version preview', lang);
    await open(page, plan, '');
    await page.click('#details-edit');
    await page.waitForSelector('#details-case');
    await check('overview, details form', lang);
    await page.click('.plan-header .export-button');
    await page.waitForFunction(() => document.querySelector('.plan-header .export-action__status')?.textContent.trim().length > 0);
    await check('overview, after an export', lang);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
