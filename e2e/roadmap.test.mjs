// KS's roadmap inside a plan, the benefits register shared with the start-up tool, the
// dashboard's next step, and the "when do we use what?" crosswalk: flows, keyboard, axe in nb,
// nn and en, and the crosswalk on a 320 px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, saved, storedPlans, axe, tabTo, createPlan, switchLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const LOCALES = { nb: json('locales/nb.json'), nn: json('locales/nn.json'), en: json('locales/en.json') };
const ROADMAP = json('content/roadmap.json');
const CROSSWALK = json('content/crosswalk.json');
const phase = (id) => json(`content/roadmap/${id}.json`);
const fill = (text, args) => Object.entries(args).reduce((t, [k, v]) => t.replace(`{${k}}`, v), text);

async function open(page, hash) {
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('main h1');
}

/** Sets a step's status on its page by clicking the radio. */
async function mark(page, plan, phaseId, stepId, status) {
  await open(page, `#/plan/${plan}/${phaseId}/${stepId}`);
  await page.check(`#step-status-${status}`);
  await saved(page);
}

test('roadmap steps marked in several phases survive a reload and move the dashboard', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Veikartplan');
  // Nothing answered: LUP's order is suggested, starting with leadership anchoring.
  assert.match(await page.getAttribute('#next-step', 'href'), /\/leadership\/strategic-link$/);
  assert.equal((await page.textContent('#next-reason')).trim(), LOCALES.nb['guide.reason.start']);

  await open(page, `#/plan/${plan}/roadmap`);
  assert.equal((await page.textContent('main h1')).trim(), ROADMAP.title.nb);
  assert.equal(await page.locator('.phase-list > li').count(), 6);
  await page.click('a[href$="/roadmap/anchoring"]');
  await page.waitForURL(/\/roadmap\/anchoring$/);
  await page.click('a[href$="/anchoring/problem-goals"]');
  await page.waitForURL(/\/anchoring\/problem-goals$/);
  await page.check('#step-status-done');
  await saved(page);

  await mark(page, plan, 'insight', 'learn-from-others', 'not-relevant');
  await page.fill('#step-reason', 'Ingen andre kommuner har prøvd dette');
  await mark(page, plan, 'practice', 'operate', 'in-progress');
  await open(page, `#/plan/${plan}/piloting/plan`);
  await page.fill('#step-owner', 'Kari Nilsen');
  await page.fill('#step-due', '2026-01-15');
  await page.waitForSelector('#step-due-late');
  await saved(page);

  // The start-up answer "we change the service ourselves" points to the roadmap as spine.
  await open(page, `#/plan/${plan}/startup/change-or-buy`);
  await page.check('#f-startup-change-or-buy-assessment-own-change');
  await saved(page);

  await page.reload();
  await ready(page);
  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  assert.deepEqual(stored.steps['anchoring/problem-goals'], { status: 'done' });
  assert.deepEqual(stored.steps['insight/learn-from-others'], { status: 'not-relevant', reason: 'Ingen andre kommuner har prøvd dette' });
  assert.deepEqual(stored.steps['piloting/plan'], { owner: 'Kari Nilsen', due: '2026-01-15' });
  assert.equal(stored.schema_version, 4);

  await open(page, `#/plan/${plan}`);
  // The suggestion follows the roadmap now: the next unsettled anchoring step, with its reason.
  assert.match(await page.getAttribute('#next-step', 'href'), /\/anchoring\/explore-benefits$/);
  const spineTitle = CROSSWALK.spines.roadmap.title.nb;
  assert.ok((await page.textContent('#dashboard-spine')).includes(spineTitle), 'the dashboard names the spine');
  const steps = ['anchoring', 'insight', 'development', 'piloting', 'transition', 'practice'].map((p) => phase(p).steps.length).reduce((a, b) => a + b);
  const progress = fill(LOCALES.nb['dashboard.progress_roadmap'], { done: 0, total: 6, steps_done: 2, steps });
  assert.ok((await page.textContent('.dashboard__progress')).includes(progress), `shows “${progress}”`);
  const late = page.locator('.dashboard__late li');
  assert.equal(await late.count(), 1);
  assert.match(await late.locator('a').getAttribute('href'), /\/piloting\/plan$/);

  await open(page, `#/plan/${plan}/roadmap`);
  for (const [id, status] of [['anchoring', 'in-progress'], ['insight', 'in-progress'], ['practice', 'in-progress'], ['development', 'not-started']]) {
    assert.equal(await page.getAttribute(`[data-phase=${id}] .status-tag`, 'data-status'), status, id);
  }
  await open(page, `#/plan/${plan}/roadmap/insight`);
  const reason = fill(LOCALES.nb['roadmap.reason'], { reason: 'Ingen andre kommuner har prøvd dette' });
  assert.ok((await page.textContent('main')).includes(reason), 'the phase page shows why a step is skipped');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a crosswalk cell leads into the tool step and back, with the status it has now', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Kryssplan');
  await open(page, `#/plan/${plan}/crosswalk`);
  assert.equal((await page.textContent('main h1')).trim(), CROSSWALK.title.nb);
  const cell = page.locator('tr[data-stage=anchor] a[href$="/anchoring/stakeholders"]');
  const tag = page.locator('tr[data-stage=anchor] #anchor-place-anchoring-stakeholders');
  assert.equal(await tag.getAttribute('data-status'), 'not-started');
  await cell.click();
  await page.waitForURL(/\/anchoring\/stakeholders$/);
  await page.check('#step-status-done');
  await saved(page);
  await page.goBack();
  await page.waitForURL(/\/crosswalk$/);
  await page.waitForSelector('table.crosswalk');
  assert.equal(await tag.getAttribute('data-status'), 'done', 'the cell shows the new status');
  // A LUP tool cell opens the tool at the step to continue with.
  await page.click('tr[data-stage=insight] a[href*="/needs/"]');
  await page.waitForURL(/\/needs\/problem$/);
  await page.goBack();
  await page.waitForSelector('table.crosswalk');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a benefit added in the start-up tool is in the roadmap, with its estimate and in the document', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Gevinstplan');
  await switchLanguage(page, 'en');
  await open(page, `#/plan/${plan}/startup/goals`);
  await page.click('fieldset:has(#f-startup-goals-goals-help) button[data-variant=secondary]');
  await page.waitForFunction(() => /^f-startup-goals-goals-\d+-name$/.test(document.activeElement?.id ?? ''));
  await page.keyboard.type('Fewer car trips at night');
  // The row's legend follows the name as it is typed (the row memo must see its own row change).
  await page.waitForFunction(() => document.querySelector('.row-card__legend')?.textContent.trim() === 'Goal 1: Fewer car trips at night');
  await page.selectOption('[id^=f-startup-goals-goals-][id$=-kind]', 'avoided-cost');
  await saved(page);

  const explore = phase('anchoring').steps.find((s) => s.id === 'explore-benefits');
  const field = explore.fields.find((f) => f.kind === 'register' && f.register === 'goals');
  const dom = `f-anchoring-explore-benefits-${field.id}`;
  await open(page, `#/plan/${plan}/anchoring/explore-benefits`);
  const legend = page.locator(`fieldset:has(#${dom}-help) .row-card__legend`);
  assert.equal((await legend.first().textContent()).trim(), 'Goal 1: Fewer car trips at night');
  await page.fill(`[id^=${dom}-][id$=-per_task]`, '350');
  await page.fill(`[id^=${dom}-][id$=-tasks_per_year]`, '4000');
  const estimate = 'Estimate: NOK 350 per task × 4,000 tasks = NOK 1,400,000 per year';
  await page.waitForFunction((t) => document.querySelector('.benefit-estimate')?.textContent.trim() === t, estimate);
  await saved(page);

  // A second tab renames the benefit: this tab's row follows without a reload.
  const other = await context.newPage();
  await other.goto(`${server.url}#/plan/${plan}/startup/goals`);
  await other.waitForSelector('main h1');
  await other.fill('[id^=f-startup-goals-goals-][id$=-name]', 'Fewer trips by car at night');
  await saved(other);
  await page.waitForFunction((d) => document.querySelector(`fieldset:has(#${d}-help) .row-card__legend`)?.textContent.trim() === 'Goal 1: Fewer trips by car at night', dom);
  assert.equal(await page.inputValue(`[id^=${dom}-][id$=-name]`), 'Fewer trips by car at night', 'the cell shows the other tab\'s value');
  await other.close();

  await open(page, `#/plan/${plan}/anchoring/document`);
  assert.ok((await page.textContent('main')).includes('NOK 350 per task × 4,000 tasks = NOK 1,400,000 per year'), 'the estimate is in the phase document');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the roadmap and the crosswalk work with the keyboard alone', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Tastaturplan');
  await tabTo(page, `a[href="#/plan/${plan}/roadmap"]`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/roadmap$/);
  await tabTo(page, 'a[href$="/roadmap/insight"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/roadmap\/insight$/);
  await tabTo(page, 'a[href$="/insight/interviews"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/insight\/interviews$/);
  await tabTo(page, 'input[name=step-status]');
  for (let i = 0; i < 4 && !(await page.isChecked('#step-status-done')); i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.isChecked('#step-status-done'), true);
  await saved(page);

  await page.goto(`${server.url}#/plan/${plan}/crosswalk`);
  await page.waitForSelector('table.crosswalk');
  await tabTo(page, 'input[name=spine]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'spine-suggested');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked('#spine-roadmap'), true);
  await saved(page);
  // On the roadmap, development comes before the procedure choice (no procurement of innovation).
  const order = await page.$$eval('table.crosswalk tbody tr', (rows) => rows.map((r) => r.dataset.stage));
  assert.deepEqual(order, ['anchor', 'insight', 'dialogue', 'develop', 'decide', 'operate']);
  await tabTo(page, 'tr[data-stage=insight] a[href$="/roadmap/insight"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/roadmap\/insight$/);
  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  assert.equal(stored.spine, 'roadmap');
  assert.deepEqual(stored.steps['insight/interviews'], { status: 'done' });
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('roadmap, phase, benefits register, crosswalk and dashboard have no axe violations in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Axeplan');
  await open(page, `#/plan/${plan}/anchoring/explore-benefits`);
  await page.click('.worksheet fieldset button[data-variant=secondary]');
  await page.keyboard.type('Færre turer');
  await page.fill('#step-due', '2026-01-01');
  await saved(page);
  const views = ['roadmap', 'roadmap/insight', 'anchoring/explore-benefits', 'crosswalk', '', 'transition/procurement'];
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    for (const view of views) {
      await open(page, `#/plan/${plan}${view ? `/${view}` : ''}`);
      assert.deepEqual(await axe(page), [], `${view || 'overview'} (${lang})`);
    }
    await page.check('#step-status-not-relevant');
    await page.waitForSelector('#step-reason');
    assert.deepEqual(await axe(page), [], `not relevant with its reason (${lang})`);
    await page.check('#step-status-not-started');
  }
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the crosswalk on a 320 px phone: no sideways scrolling, still a table with headers', async () => {
  const { context, page, log } = await freshPage(browser, { viewport: { width: 320, height: 800 } });
  const plan = await createPlan(page, server.url, 'Mobilplan');
  await open(page, `#/plan/${plan}/crosswalk`);
  await page.waitForSelector('table.crosswalk');
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(over, 0, 'no horizontal scroll');
  const labels = await page.$$eval('tr[data-stage=anchor] td', (tds) => tds.map((td) => getComputedStyle(td, '::before').content));
  assert.deepEqual(labels, ['lup', 'ks', 'relation', 'advice'].map((col) => JSON.stringify(LOCALES.nb[`crosswalk.col.${col}`])));
  // What a screen reader gets from Chromium: a table with column and row headers.
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const roles = nodes.map((n) => n.role?.value);
  assert.ok(roles.includes('table'), 'exposed as a table');
  assert.equal(roles.filter((r) => r === 'columnheader').length, 5);
  assert.equal(roles.filter((r) => r === 'rowheader').length, CROSSWALK.stages.length);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
