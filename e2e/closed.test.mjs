// Closed by construction, proven in a browser: a whole working session (every tool filled, the
// decision made, the plan exported, then offline and reloaded) makes no request outside the
// page's own origin, and markup typed into every kind of field is shown as text and runs nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, launch, freshPage, ready, saved, storedPlans, createPlan, axe, TOOL_IDS, TOOLS, switchLanguage, text,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DECISION = [
  ['solutions-exist', 'no'], ['rnd-needed', 'substantial'], ['develop-and-buy', 'together'],
  ['risk-appetite', 'high'], ['leadership-backing', 'yes'],
];
const dom = (tool, step, field) => `#f-${tool}-${step}-${field}`;

async function openStep(page, plan, tool, step) {
  await page.goto(`${server.url}#/plan/${plan}/${tool}/${step}`);
  await page.waitForSelector(`.step-nav a[aria-current=step][href$="/${tool}/${step}"]`, { state: 'attached' });
}

async function openView(page, hash, selector = 'main h1') {
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector(selector);
}

/** Adds one row to the list, table or register field whose help text has id `<field>-help`. */
async function addItem(page, field) {
  await page.click(`fieldset:has(${field}-help) button[data-variant=secondary]`);
  await page.waitForFunction((f) => document.activeElement?.id?.startsWith(f.slice(1)), field);
  return page.evaluate(() => document.activeElement.id);
}

test('a whole session, from a new plan to an offline reload, sends nothing outside the page\'s origin', async () => {
  const { context, page, log } = await freshPage(browser);
  const origin = new URL(server.url).origin;
  const plan = await createPlan(page, server.url, 'Hele økten');

  for (const toolId of TOOL_IDS) {
    for (const step of TOOLS[toolId].steps) {
      await openStep(page, plan, toolId, step.id);
      for (const field of step.fields.filter((f) => ['short_text', 'long_text'].includes(f.kind) && !f.stored_at)) {
        await page.fill(dom(toolId, step.id, field.id), `${toolId}/${step.id}/${field.id}`);
      }
    }
    await openView(page, `#/plan/${plan}/${toolId}/document`, '.document h1');
  }
  await openStep(page, plan, 'needs', 'needs-list');
  const cell = await addItem(page, dom('needs', 'needs-list', 'needs'));
  await page.keyboard.type('Trygg natt');
  assert.match(cell, /^f-needs-needs-list-needs-/);

  await openView(page, `#/plan/${plan}/decision`, '.decision-result__route');
  for (const [question, option] of DECISION) await page.check(`#q-${question}-${option}`);
  await saved(page);
  for (const hash of [`#/plan/${plan}/roadmap`, `#/plan/${plan}/crosswalk`, '#/facts', '#/about']) await openView(page, hash);

  await openView(page, `#/plan/${plan}`, '.keep-copy');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('.keep-copy button.ds-button[data-variant=primary]')]);
  assert.match(file.suggestedFilename(), /\.json$/);

  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await openStep(page, plan, 'needs', 'problem');
  assert.equal(await page.inputValue(dom('needs', 'problem', 'today')), 'needs/problem/today');

  const [stored] = await storedPlans(page);
  const filled = Object.keys(stored.answers).length;
  assert.ok(filled >= 40, `the session filled the tools (${filled} answers)`);
  assert.ok(log.requests.length > 20, `requests were recorded (${log.requests.length})`);
  assert.ok(log.requests.some((u) => u.endsWith('/sw.js')), 'the service worker\'s own requests are recorded too');
  const elsewhere = log.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
  assert.deepEqual(elsewhere, [], 'every request went to the page\'s own origin');
  assert.deepEqual(log.errors, []);
  await context.close();
});

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  '<a href="javascript:window.__xss=4">lenke</a>',
];
const PAYLOAD = PAYLOADS.join(' ');

test('markup typed into every kind of field is kept and shown as text, and runs nothing', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.fill('#new-title', `Plan ${PAYLOADS[0]}`);
  await page.fill('#new-organisation', PAYLOADS[1]);
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/plan\/p-/);
  const plan = page.url().match(/#\/plan\/([^/]+)/)[1];

  // Short and long text, a list item, a table cell, an amount, the step's owner and note.
  await openStep(page, plan, 'leadership', 'involvement');
  await page.fill(dom('leadership', 'involvement', 'spokesperson'), PAYLOAD);
  await openStep(page, plan, 'needs', 'problem');
  await page.fill(dom('needs', 'problem', 'today'), PAYLOAD);
  const item = await addItem(page, dom('needs', 'problem', 'affected'));
  await page.fill(`#${item}`, PAYLOAD);
  await page.fill('#step-owner', PAYLOAD);
  await page.fill('#step-note', PAYLOAD);
  await openStep(page, plan, 'startup', 'resources');
  const row = await addItem(page, dom('startup', 'resources', 'people'));
  await page.keyboard.type(PAYLOAD);
  await page.fill(dom('startup', 'resources', 'planning-budget'), PAYLOADS[2]);
  // A register cell, and the reason a step is not relevant.
  await openStep(page, plan, 'needs', 'needs-list');
  const need = await addItem(page, dom('needs', 'needs-list', 'needs'));
  await page.keyboard.type(PAYLOAD);
  await page.check('#step-status-not-relevant');
  await page.fill('#step-reason', PAYLOAD);
  await saved(page);

  // Stored exactly as typed.
  const [stored] = await storedPlans(page);
  assert.equal(stored.title, `Plan ${PAYLOADS[0]}`);
  assert.equal(stored.organisation, PAYLOADS[1]);
  const text = JSON.stringify(stored);
  assert.ok(text.split(JSON.stringify(PAYLOAD).slice(1, -1)).length - 1 >= 7, 'every field kept the markup as typed');
  assert.match(row, /^f-startup-resources-people-/);
  assert.match(need, /^f-needs-needs-list-needs-/);

  // Shown as text wherever it appears: the library, the overview, every document.
  const views = [['#/', '.plan-card'], [`#/plan/${plan}`, '.task-list'], [`#/plan/${plan}/roadmap`, 'main h1'],
    ...TOOL_IDS.map((t) => [`#/plan/${plan}/${t}/document`, '.document h1'])];
  for (const [hash, selector] of views) {
    await openView(page, hash, selector);
    const shown = await page.evaluate(() => ({
      text: document.querySelector('main').textContent,
      made: document.querySelectorAll('main img, main script, main svg[onload], main a[href^="javascript:"], main [onerror]').length,
    }));
    assert.equal(shown.made, 0, `no element was made from the markup on ${hash}`);
    assert.ok(shown.text.includes(PAYLOADS[0]), `${hash} shows the markup as text`);
  }
  await openView(page, `#/plan/${plan}/needs/document`, '.document h1');
  const documentText = await page.textContent('.document');
  for (const p of PAYLOADS) assert.ok(documentText.includes(p), `the needs document shows ${p} literally`);

  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  assert.ok(!log.requests.some((u) => /\/x$/.test(u)), 'the injected image was never requested');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the about page says what this browser holds, and deleting a plan leaves nothing of it behind', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Plan som skal bort');
  await openStep(page, plan, 'needs', 'problem');
  await page.fill(dom('needs', 'problem', 'today'), 'Noe å lagre');
  await saved(page);
  const ofPlan = () => page.evaluate((id) => Object.keys(localStorage).filter((k) => k.includes(id)), plan);
  const keys = await ofPlan();
  assert.ok(keys.some((k) => k.includes('/snapshot/')), `the save kept an earlier version too: ${keys}`);

  await openView(page, '#/about', '[data-testid=about-inventory]');
  const inventory = await page.textContent('[data-testid=about-inventory]');
  assert.ok(inventory.includes(`${text('nb', 'about.now.plans')}: 1`), inventory);
  assert.ok(inventory.includes(`${text('nb', 'about.now.versions')}: ${keys.filter((k) => k.includes('/snapshot/')).length}`), inventory);
  assert.match(inventory, new RegExp(text('nb', 'about.now.size', { kb: '\\d+' })));
  for (const [lang, width] of [['nb', 1280], ['nn', 320], ['en', 390]]) {
    await page.setViewportSize({ width, height: 800 });
    await switchLanguage(page, lang);
    assert.deepEqual(await axe(page), [], `about page (${lang}, ${width} px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow})`);
  }
  await switchLanguage(page, 'nb');

  await page.goto(server.url);
  await ready(page);
  await page.locator('.plan-card .plan-card__actions button', { hasText: text('nb', 'library.delete') }).click();
  await page.locator('.plan-card dialog').getByRole('button', { name: text('nb', 'library.delete_confirm.confirm'), exact: true }).click();
  await page.waitForSelector('#library-undo');
  assert.deepEqual(await ofPlan(), [], 'the plan and its earlier versions are gone');
  await page.click('#library-undo');
  await page.waitForSelector('.plan-card');
  assert.deepEqual((await ofPlan()).sort(), keys.sort(), 'undo brings back the plan and its versions');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
