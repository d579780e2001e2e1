// Nothing is lost: corrupt stored data, full storage, no storage, a second tab, leaving mid-typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, freshPage, ready, saved, storedPlans, createPlan, text, plural } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SITUATION = '#f-startup-trigger-situation';

/** The URL of a new plan's overview. */
const newPlan = async (page, title) => `${server.url}#/plan/${await createPlan(page, server.url, title)}`;

test('a corrupt plan is set aside, the others load, and the user is told', async () => {
  const { context, page, log } = await freshPage(browser);
  await newPlan(page, 'Frisk plan');
  await page.evaluate(() => {
    localStorage.setItem('ioa-planleggeren/plan/broken', '{"schema_version":1,"title":"halv');
    localStorage.setItem('ioa-planleggeren/plan/alien', '{"schema_version":99}');
  });
  // One fresh load: it is the load that finds the bad values that reports them.
  await page.goto(server.url);
  await ready(page);
  const banner = page.locator('.banner[data-color=danger]');
  assert.ok((await banner.textContent()).includes(text('nb', 'storage.quarantine.title')));
  assert.ok((await banner.textContent()).includes(plural('nb', 'storage.quarantine.body', 1)));
  assert.match(await banner.textContent(), /ioa-planleggeren\/quarantine\/broken\//);
  // A plan from a newer version is not damaged: it stays where it is, for the newer version.
  const newer = page.locator('.banner[data-color=warning]', { hasText: text('nb', 'storage.newer_plans.title') });
  assert.ok((await newer.textContent()).includes(plural('nb', 'storage.newer_plans.body', 1)), await newer.textContent());
  assert.equal(await page.locator('.plan-card').count(), 1);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/quarantine/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"schema_version":1,"title":"halv'], 'the damaged value kept unchanged');
  assert.equal(await page.evaluate(() => localStorage.getItem('ioa-planleggeren/plan/alien')), '{"schema_version":99}', 'the newer plan left in place');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('full storage shows "not saved" with what to do, keeps the text, and saves after space is freed', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await newPlan(page, 'Full lagring');
  await page.goto(`${plan}/startup/trigger`);
  await page.waitForSelector(SITUATION);
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`filler/${i}`, chunk); } catch { break; }
    }
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`small/${i}`, 'y'.repeat(1024)); } catch { break; }
    }
  });
  const typed = 'Dette må ikke gå tapt. '.repeat(400);
  await page.fill(SITUATION, typed);
  await page.waitForSelector('[data-testid="save-status"][data-state="error"]');
  const alert = page.locator('.save-problem[data-color=danger]');
  assert.ok((await alert.textContent()).includes(text('nb', 'save.error.quota')), await alert.textContent());
  assert.equal(await page.inputValue(SITUATION), typed, 'the text stays in the field');
  const stored = (await storedPlans(page))[0];
  assert.equal(stored.answers['startup/trigger/situation'], undefined, 'the stored plan is the old, intact one');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => /^(filler|small)\//.test(k)).forEach((k) => localStorage.removeItem(k)));
  await alert.getByRole('button', { name: text('nb', 'save.retry'), exact: true }).click();
  await saved(page);
  const after = (await storedPlans(page))[0];
  assert.equal(after.answers['startup/trigger/situation'].text, typed);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('without usable storage the app runs in memory and says so', async () => {
  const { context, page } = await freshPage(browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(server.url);
  await ready(page);
  assert.ok((await page.textContent('.banner')).includes(text('nb', 'storage.memory_only.title')));
  await page.fill('#new-title', 'Bare i minnet');
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\//);
  assert.equal((await page.textContent('[data-testid="save-status"]')).trim(), text('nb', 'save.memory_only'));
  await context.close();
});

test('a second tab never overwrites silently; the user chooses, and both versions survive', async () => {
  const { context, page: tabA } = await freshPage(browser);
  const plan = await newPlan(tabA, 'To faner');
  const tabB = await context.newPage();
  await tabB.goto(`${plan}/startup/trigger`);
  await tabA.goto(`${plan}/startup/trigger`);
  await tabA.waitForSelector(SITUATION);
  await tabB.waitForSelector(SITUATION);

  await tabA.fill(SITUATION, 'Versjon fra fane A');
  await saved(tabA);
  // Tab B has nothing unsaved: it simply takes A's version.
  await tabB.waitForFunction((sel) => document.querySelector(sel)?.value === 'Versjon fra fane A', SITUATION);

  // Both edit at once: A types (its save waits ~0.4 s) while B's save lands first.
  await tabA.fill(SITUATION, 'Versjon fra fane A, endret');
  await tabB.fill(SITUATION, 'Versjon fra fane B');
  await tabB.evaluate(() => window.dispatchEvent(new Event('pagehide'))); // B saves now
  await tabA.waitForSelector('[data-testid="save-status"][data-state="error"]');
  const conflict = tabA.locator('.save-problem[data-color=warning]');
  assert.ok((await conflict.textContent()).includes(text('nb', 'conflict.title')), await conflict.textContent());
  assert.equal(await tabA.inputValue(SITUATION), 'Versjon fra fane A, endret', 'my text is still on screen');
  let stored = (await storedPlans(tabA)).find((p) => p.title === 'To faner');
  assert.equal(stored.answers['startup/trigger/situation'].text, 'Versjon fra fane B', 'B was not overwritten');

  await conflict.getByRole('button', { name: text('nb', 'conflict.save_copy'), exact: true }).click();
  await tabA.waitForFunction((p) => location.href !== p && location.hash.startsWith('#/plan/'), plan);
  const plans = await storedPlans(tabA);
  const copy = plans.find((p) => p.title === `To faner ${text('nb', 'conflict.copy_suffix')}`);
  assert.ok(copy, 'a copy with my version exists');
  assert.equal(copy.answers['startup/trigger/situation'].text, 'Versjon fra fane A, endret');
  stored = plans.find((p) => p.title === 'To faner');
  assert.equal(stored.answers['startup/trigger/situation'].text, 'Versjon fra fane B');
  await context.close();
});

test('leaving the page right after typing still saves (flush on pagehide)', async () => {
  const { context, page } = await freshPage(browser);
  const plan = await newPlan(page, 'Rask lukking');
  await page.goto(`${plan}/startup/trigger`);
  await page.waitForSelector(SITUATION);
  await page.fill(SITUATION, 'Skrevet rett før lukking');
  await page.goto('about:blank');
  const check = await context.newPage();
  await check.goto(server.url);
  await ready(check);
  const stored = (await storedPlans(check)).find((p) => p.title === 'Rask lukking');
  assert.equal(stored.answers['startup/trigger/situation'].text, 'Skrevet rett før lukking');
  await context.close();
});
