// The plan library: create (keyboard only), reload, rename, duplicate, delete with undo,
// language switch, bad titles, accessibility and network isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, freshPage, ready, storedPlans, axe, tabTo, switchLanguage, text, textPattern } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('creates a plan with the keyboard only, and finds it after a reload', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await tabTo(page, '#new-title');
  await page.keyboard.type('Digitalt nattilsyn');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Elvebyen kommune');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2027/42');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/plan\/p-/);
  await page.waitForSelector('h1:has-text("Digitalt nattilsyn")');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new view');

  await page.reload();
  await ready(page);
  assert.match(await page.textContent('main h1'), /Digitalt nattilsyn/, 'deep link loads after reload');
  await page.goto(server.url);
  await ready(page);
  const card = page.locator('.plan-card', { hasText: 'Digitalt nattilsyn' });
  assert.equal(await card.count(), 1);
  assert.ok((await card.textContent()).includes(`Elvebyen kommune · ${text('nb', 'library.case_number_value', { number: '2027/42' })}`));
  assert.match(await card.textContent(), new RegExp(text('nb', 'library.updated', { time: '\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d' })));
  const plans = await storedPlans(page);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].schema_version, 4);
  assert.ok(plans[0].revision >= 1);
  assert.deepEqual(log.foreign, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console, []);
  await context.close();
});

test('an empty title gets a message next to the field; markup and huge titles are kept as text', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.click('button[type=submit]');
  const error = page.locator('#new-title-error');
  assert.equal(await error.textContent(), text('nb', 'library.error.title_empty'));
  assert.equal(await page.getAttribute('#new-title', 'aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-title');

  const hostile = '<img src=x onerror="window.__xss=1">';
  await page.fill('#new-title', hostile);
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\//);
  assert.equal(await page.textContent('main h1'), hostile);
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);

  await page.goto(server.url);
  await ready(page);
  const long = 'Langt navn '.repeat(909) + 'x';
  assert.equal(long.length, 10000, 'the longest title accepted');
  await page.fill('#new-title', long);
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\//);
  assert.equal((await page.textContent('main h1')).length, long.length);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await page.goto(server.url);
  await ready(page);
  const overflowHome = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflowHome <= 0, `library layout intact with a 10,000-character title (${overflowHome}px)`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('renames, duplicates, deletes with confirmation, and undoes a delete', async () => {
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.fill('#new-title', 'Første plan');
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\//);
  await page.goto(server.url);
  await ready(page);

  await page.locator('.plan-card button', { hasText: text('nb', 'library.rename') }).click();
  // The app moves focus in the next frame, once the form is shown.
  await page.waitForFunction(() => document.activeElement?.className === 'ds-input', null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'ds-input', 'focus in the rename field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Omdøpt plan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.plan-card h3:has-text("Omdøpt plan")');

  await page.locator('.plan-card button', { hasText: text('nb', 'library.duplicate') }).click();
  const copyTitle = `${text('nb', 'library.copy_prefix')} Omdøpt plan`;
  await page.locator('.plan-card h3', { hasText: copyTitle }).waitFor();
  assert.equal(await page.locator('.plan-card').count(), 2);

  const copy = page.locator('.plan-card', { hasText: copyTitle });
  const remove = copy.locator('.plan-card__actions button', { hasText: text('nb', 'library.delete') });
  await remove.click();
  const dialog = copy.locator('dialog');
  assert.ok(await dialog.isVisible(), 'confirmation dialog opens');
  await dialog.getByRole('button', { name: text('nb', 'common.cancel'), exact: true }).click();
  assert.equal(await page.locator('.plan-card').count(), 2, 'cancel keeps the plan');

  await remove.click();
  await dialog.getByRole('button', { name: text('nb', 'library.delete_confirm.confirm'), exact: true }).click();
  await page.waitForSelector('.undo');
  assert.equal(await page.locator('.plan-card').count(), 1);
  assert.equal((await storedPlans(page)).length, 1, 'deleted from storage');
  await page.click('.undo button');
  await page.locator('.plan-card h3', { hasText: copyTitle }).waitFor();
  assert.equal((await storedPlans(page)).length, 2, 'undo puts it back');
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('.plan-card').count(), 2);
  await context.close();
});

test('switches language, remembers it, and html lang follows', async () => {
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  await switchLanguage(page, 'nn');
  assert.equal(await page.textContent('main h1'), text('nn', 'home.title'));
  assert.equal(await page.getAttribute('html', 'lang'), 'nn');
  assert.equal(await page.getAttribute('button[lang=nn]', 'aria-pressed'), 'true');
  await switchLanguage(page, 'en');
  assert.equal(await page.textContent('main h1'), text('en', 'home.title'));
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('main h1'), text('en', 'home.title'));
  await context.close();
});

test('library and plan overview have no axe violations in any language', async () => {
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.click('.example-card button');
  await page.waitForSelector('.task-list');
  const overview = page.url();
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    await page.goto(server.url);
    await ready(page);
    assert.deepEqual(await axe(page), [], `library (${lang})`);
    await page.goto(overview);
    await page.waitForSelector('.task-list');
    assert.deepEqual(await axe(page), [], `plan overview (${lang})`);
  }
  await page.goto(`${server.url}#/plan/does-not-exist`);
  await ready(page);
  assert.deepEqual(await axe(page), [], 'not-found view');
  await context.close();
});

test('deep links load when the app is hosted under a sub-path', async () => {
  const sub = await serveDist('/kommune/ioa/');
  const { context, page, log } = await freshPage(browser);
  await page.goto(sub.url);
  await ready(page);
  await page.fill('#new-title', 'Under undermappe');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/kommune\/ioa\/#\/plan\//);
  const deep = page.url();
  const other = await context.newPage();
  await other.goto(deep);
  await ready(other);
  assert.equal(await other.textContent('main h1'), 'Under undermappe');
  assert.ok(log.requests.every((u) => u.includes('/kommune/ioa/')), 'every asset is loaded relative to the sub-path');
  await context.close();
  await sub.close();
});
