// One plan, one truth: a fact asked in two tools is one stored value, an older plan whose
// copies diverged keeps the other value as a visible note, and every view reachable from the
// worked example reflows at 320 and 390 px in nb, nn and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, saved, storedPlans, axe, createPlan, openExample, switchLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const DECISION = json('content/decision.json');

test('the leadership tool shows and edits the start-up tool\'s budget and people: one value', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Ressursplan');
  await page.goto(`${server.url}#/plan/${plan}/startup/resources`);
  await page.waitForSelector('#f-startup-resources-planning-budget');
  await page.fill('#f-startup-resources-planning-budget', '350000');
  await saved(page);
  await page.goto(`${server.url}#/plan/${plan}/leadership/resources`);
  await page.waitForSelector('#f-leadership-resources-planning-budget');
  assert.equal(await page.inputValue('#f-leadership-resources-planning-budget'), '350000', 'the leadership step shows the one value');
  const note = page.locator('.worksheet-field:has(#f-leadership-resources-planning-budget) .shared-note a');
  assert.equal(await note.getAttribute('href'), `#/plan/${plan}/startup/resources`, 'it says where the value lives');
  await page.fill('#f-leadership-resources-planning-budget', '400000');
  await saved(page);
  const [stored] = await storedPlans(page);
  assert.deepEqual(stored.answers['startup/resources/planning-budget'], { amount: 400000 });
  assert.equal(Object.keys(stored.answers).filter((k) => k.startsWith('leadership/resources/')).length, 0, 'no copy is stored');
  await page.goto(`${server.url}#/plan/${plan}/startup/resources`);
  await page.waitForSelector('#f-startup-resources-planning-budget');
  assert.equal(await page.inputValue('#f-startup-resources-planning-budget'), '400000');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an older plan whose copies diverged keeps the other value as a note on the overview', async () => {
  const { context, page, log } = await freshPage(browser);
  const fixture = readFileSync(new URL('../core/tests/fixtures/plan-v1-diverging.json', import.meta.url), 'utf8');
  const id = JSON.parse(fixture).id;
  await page.goto(server.url);
  await ready(page);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`ioa-planleggeren/plan/${id}`, fixture]);
  await page.goto(`${server.url}#/plan/${id}`);
  await page.reload();
  await page.waitForSelector('.merge-notes');
  const notes = await page.locator('.merge-notes li').allTextContents();
  assert.equal(notes.length, 4, notes.join('\n'));
  assert.ok(notes.some((n) => /450\s000\skr/.test(n)), 'the leadership planning budget that was not kept');
  assert.ok(notes.some((n) => n.includes('Kari Nymo')), 'the sponsor name that was not kept');
  assert.ok(notes.some((n) => /3\s400\s000\skr/.test(n)), 'the start-up value the decision helper overrode');
  assert.deepEqual(await axe(page), [], 'overview with merge notes');
  await page.click('.merge-notes button');
  await page.waitForSelector('.merge-notes', { state: 'detached' });
  await saved(page);
  await page.reload();
  await page.waitForSelector('.task-list');
  assert.equal(await page.locator('.merge-notes').count(), 0, 'cleared for good');
  const [stored] = (await storedPlans(page)).filter((p) => p.id === id);
  assert.equal(stored.schema_version, 4);
  assert.deepEqual(stored.answers['startup/framework/estimated-value'], { amount: 5000000 });
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Every in-app view reachable by links from the worked example's overview. */
async function reachableViews(page, start) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const href = queue.shift();
    await page.goto(`${server.url}${href}`);
    await page.waitForSelector('main h1');
    const links = await page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
    for (const l of links) {
      if (!seen.has(l)) { seen.add(l); queue.push(l); }
    }
  }
  return [...seen];
}

test('every view reachable from the worked example reflows at 320 and 390 px in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await openExample(page, server.url);
  const views = await reachableViews(page, `#/plan/${plan}`);
  // Every step of every tool and phase, their ten documents, the overview, the decision page,
  // the earlier versions, the facts page, the about page, the library, the roadmap, its six
  // phase pages, the crosswalk, the whole plan as one document and the comparison.
  const tools = ['leadership', 'startup', 'needs', 'dialogue'].map((t) => `content/tools/${t}.json`);
  const phases = ['anchoring', 'insight', 'development', 'piloting', 'transition', 'practice'].map((p) => `content/roadmap/${p}.json`);
  const steps = [...tools, ...phases].map((f) => json(f).steps.length).reduce((a, b) => a + b);
  assert.equal(views.length, steps + 10 + 6 + 10, `walked ${views.length} views`);
  assert.ok(views.includes('#/about'), 'the about page is reachable');
  assert.ok(views.includes('#/compare'), 'the comparison is reachable');
  assert.ok(views.includes(`#/plan/${plan}/document`), 'the whole-plan document is reachable');
  for (const v of ['decision', 'versions', 'startup/document', 'leadership/resources', 'needs/needs-list', 'roadmap', 'roadmap/insight', 'crosswalk', 'piloting/plan', 'practice/document']) {
    assert.ok(views.includes(`#/plan/${plan}/${v}`), `${v} is reachable`);
  }
  assert.ok(views.includes('#/facts'));
  const overflowing = [];
  for (const lang of ['nb', 'nn', 'en']) {
    await page.goto(`${server.url}#/plan/${plan}`);
    await switchLanguage(page, lang);
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      for (const href of views) {
        await page.goto(`${server.url}${href}`);
        await page.waitForSelector('main h1');
        const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (over > 0) overflowing.push(`${lang} ${width}px ${href}: ${over} px`);
        if (href.endsWith('/decision')) {
          // On a phone the result is summed up near the top, not only ~7,500 px down.
          const top = await page.evaluate(() => document.querySelector('.decision-summary').getBoundingClientRect().top + window.scrollY);
          assert.ok(top < 900, `${lang} ${width}px: the result summary starts at ${top} px`);
          const headline = await page.getAttribute('.decision-summary__headline', 'data-headline');
          assert.equal((await page.textContent('.decision-summary__headline')).trim(), DECISION.routes.find((r) => r.id === headline).title[lang]);
        }
      }
    }
  }
  assert.deepEqual(overflowing, [], 'no view scrolls sideways');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
