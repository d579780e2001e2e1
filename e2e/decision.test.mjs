// The decision helper: keyboard-only answers, a result that explains itself and survives a
// reload, answers pre-filled from the worksheets, thresholds, the chosen route in the overview
// and the start-up memo, and accessibility in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, saved, storedPlans, axe, tabTo, createPlan, openExample, switchLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DECISION = JSON.parse(readFileSync(new URL('../content/decision.json', import.meta.url), 'utf8'));
const routeTitle = (id, lang = 'nb') => DECISION.routes.find((r) => r.id === id).title[lang];
const procedureTitle = (id, lang = 'nb') => DECISION.procedures.find((p) => p.id === id).title[lang];
const tool = (id) => JSON.parse(readFileSync(new URL(`../content/tools/${id}.json`, import.meta.url), 'utf8'));
const LOCALE = JSON.parse(readFileSync(new URL('../locales/nb.json', import.meta.url), 'utf8'));
const headlineTitle = (id, lang = 'nb') => DECISION.headlines.find((h) => h.id === id).title[lang];
/** Where a shared answer lives: "Lagres ett sted, i <tool>, steget «<step>». …" */
const sharedNote = (toolId, stepId) => {
  const t = tool(toolId);
  return LOCALE['field.shared'].replace('{tool}', t.title.nb).replace('{step}', t.steps.find((s) => s.id === stepId).title.nb);
};

/**
 * Tabs into the radio group `q-<question>` and chooses `option` with the arrow keys (and Space
 * when the focused radio is the one wanted but not yet checked).
 */
async function chooseWithKeyboard(page, question, option) {
  const target = `q-${question}-${option}`;
  await tabTo(page, `input[type=radio][name="q-${question}"]`);
  for (let i = 0; i < 10; i++) {
    const { id, checked } = await page.evaluate(() => ({ id: document.activeElement.id, checked: document.activeElement.checked }));
    if (id === target) {
      if (!checked) await page.keyboard.press('Space');
      assert.equal(await page.isChecked(`#${target}`), true, `${target} checked`);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${target} with the arrow keys`);
}

async function openDecision(page, plan) {
  await page.goto(`${server.url}#/plan/${plan}/decision`);
  await page.waitForSelector('.decision-result__route');
}

async function route(page) {
  return page.getAttribute('.decision-result__route', 'data-route');
}

const CHOICES = [
  ['solutions-exist', 'no'],
  ['rnd-needed', 'substantial'],
  ['develop-and-buy', 'together'],
  ['risk-appetite', 'high'],
  ['leadership-backing', 'yes'],
];

test('answers the decision questions with the keyboard only; the result and reasons survive a reload', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Beslutningsplan');
  await openDecision(page, plan);
  assert.equal(await route(page), 'dialogue-first', 'nothing answered yet');

  for (const [question, option] of CHOICES) await chooseWithKeyboard(page, question, option);
  await tabTo(page, '#q-value');
  await page.keyboard.type('3400000');
  await saved(page);

  const check = async (when) => {
    await page.waitForSelector('.decision-result__route[data-route="procurement-of-innovation"]');
    assert.equal((await page.textContent('.decision-result__route')).trim(), routeTitle('procurement-of-innovation'), when);
    const procedures = (await page.locator('.procedure-list .procedure h4').allTextContents()).map((s) => s.trim());
    assert.deepEqual(procedures, [procedureTitle('innovation-partnership')], `only Innovasjonspartnerskap fits (${when})`);
    assert.equal(procedures[0], 'Innovasjonspartnerskap');
    const reasons = await page.locator('.decision-result .reasons li').allTextContents();
    assert.ok(reasons.length >= 3, `reasons listed (${when}): ${reasons.length}`);
    for (const id of ['no-solutions-on-market', 'substantial-rnd', 'develop-and-buy-together']) {
      assert.ok(reasons.some((r) => r.includes(DECISION.reasons[id].nb)), `reason ${id} shown (${when})`);
    }
    assert.ok(reasons.every((r) => /\(Bygger på: .+\)/.test(r)), `each reason names its basis (${when})`);
    for (const [question, option] of CHOICES) {
      assert.equal(await page.isChecked(`#q-${question}-${option}`), true, `q-${question}=${option} checked (${when})`);
    }
    assert.equal(await page.inputValue('#q-value'), '3400000', `estimated value (${when})`);
  };
  await check('before reload');
  await page.reload();
  await ready(page);
  await check('after reload');

  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  // The helper's own questions are stored with it; the shared ones with their worksheet.
  const SHARED = { 'risk-appetite': 'leadership/risk/risk-appetite', 'leadership-backing': 'leadership/risk/backing' };
  for (const [question, option] of CHOICES) {
    if (SHARED[question]) {
      assert.deepEqual(stored.answers[SHARED[question]], { choice: option }, question);
      assert.equal(stored.decision.answers[question], undefined, `${question} is stored once`);
    } else {
      assert.equal(stored.decision.answers[question], option, question);
    }
  }
  assert.deepEqual(stored.answers['startup/framework/estimated-value'], { amount: 3400000 });
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('one value, two places: the start-up tool and the decision page show and edit the same answers', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00'));
  const plan = await createPlan(page, server.url, 'Beslutningsplan');
  // In the start-up tool: the value and the first view.
  await page.goto(`${server.url}#/plan/${plan}/startup/framework`);
  await page.waitForSelector('#f-startup-framework-estimated-value');
  await page.fill('#f-startup-framework-estimated-value', '2300000');
  await page.goto(`${server.url}#/plan/${plan}/startup/route`);
  await page.waitForSelector('#f-startup-route-first-view-innovation-friendly');
  await page.check('#f-startup-route-first-view-innovation-friendly');
  await page.goto(`${server.url}#/plan/${plan}/leadership/risk`);
  await page.waitForSelector('#f-leadership-risk-risk-appetite-high');
  await page.check('#f-leadership-risk-risk-appetite-high');
  await saved(page);

  await openDecision(page, plan);
  assert.equal(await page.inputValue('#q-value'), '2300000', 'the decision page shows the start-up value');
  assert.equal(await page.isChecked('#q-first-view-innovation-friendly'), true);
  assert.equal(await page.isChecked('#q-risk-appetite-high'), true);
  const valueField = page.locator('.decision-question', { has: page.locator('#q-value') });
  assert.equal((await valueField.locator('.shared-note').textContent()).trim(), sharedNote('startup', 'framework'));
  assert.equal(await valueField.locator('.shared-note a').getAttribute('href'), `#/plan/${plan}/startup/framework`);
  assert.equal(await page.locator('.decision-question .shared-note').count(), 4, 'every shared question says where it lives');

  const result = page.locator('.decision-result');
  const regulations = result.locator('.regime-text');
  assert.match(await regulations.textContent(), /EØS-terskelverdien/, 'the EEA regime applies at the threshold');
  assert.match(await regulations.textContent(), /2\s300\s000/, 'the value is named');
  assert.ok(await result.locator('text=Verdien er akkurat lik terskelverdien').count() === 1, 'at-threshold note');
  assert.equal(await result.locator('.regime-note[data-note="orientation"]').count(), 1, 'orientation note for the EEA figure');
  assert.doesNotMatch(await result.textContent(), /31\.12\.2025|sluttet|utløpt/, 'no figure is said to have ended');

  // Changing them here changes the worksheet's values: there is no second copy.
  await page.fill('#q-value', '1000000');
  await page.check('#q-first-view-innovation-procurement');
  await page.waitForFunction(() => /under den nasjonale terskelverdien/.test(document.querySelector('.regime-text')?.textContent ?? ''));
  await saved(page);
  const [stored] = await storedPlans(page);
  assert.deepEqual(stored.answers['startup/framework/estimated-value'], { amount: 1000000 });
  assert.deepEqual(stored.answers['startup/route/first-view'], { choice: 'innovation-procurement' });
  assert.deepEqual(stored.decision.answers, {}, 'nothing shared is stored with the helper');
  await page.goto(`${server.url}#/plan/${plan}/startup/framework`);
  await page.waitForSelector('#f-startup-framework-estimated-value');
  assert.equal(await page.inputValue('#f-startup-framework-estimated-value'), '1000000');
  await page.goto(`${server.url}#/plan/${plan}/startup/route`);
  await page.waitForSelector('#f-startup-route-first-view-innovation-procurement');
  assert.equal(await page.isChecked('#f-startup-route-first-view-innovation-procurement'), true);
  // The start-up memo reads the same values.
  await page.goto(`${server.url}#/plan/${plan}/startup/document`);
  await page.waitForSelector('.document h1');
  const memo = await page.textContent('.document');
  assert.match(memo, /1\s000\s000\skr/);
  assert.doesNotMatch(memo, /2\s300\s000\skr/, 'no stale copy of the value anywhere in the memo');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a new plan says not answered yet; "don\'t know" leads to market dialogue first; contradictions say so', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Beslutningsplan');
  await openDecision(page, plan);
  assert.equal(await route(page), 'dialogue-first');
  assert.equal(await page.getAttribute('.decision-result__route', 'data-headline'), 'not-answered');
  assert.equal((await page.textContent('.decision-result__route')).trim(), headlineTitle('not-answered'));
  assert.equal((await page.textContent('.decision-summary__headline')).trim(), headlineTitle('not-answered'), 'the summary at the top agrees');
  assert.equal(await page.locator('.procedure-list').count(), 0, 'no procedure recommended yet');
  const reasons = await page.locator('.decision-result .reasons li').allTextContents();
  assert.ok(reasons.some((r) => r.includes(DECISION.reasons['mostly-unknown'].nb)), 'says too little is known');
  assert.ok((await page.textContent('.decision-result')).includes(DECISION.regimes['value-unknown'].nb), 'asks for the value');
  assert.equal(await page.locator('input[type=radio][name^="q-"]:checked').count(), 0, 'nothing is pre-chosen');

  for (const q of ['solutions-exist', 'rnd-needed', 'specifiable', 'solution-type']) await page.check(`#q-${q}-unknown`);
  await page.waitForSelector('.decision-result__route[data-headline="dialogue-first"]');
  assert.equal((await page.textContent('.decision-result__route')).trim(), routeTitle('dialogue-first'), 'too little to go on');
  await page.check('#q-solutions-exist-yes-several');
  await page.check('#q-rnd-needed-substantial');
  await page.waitForSelector('.decision-result__route[data-headline="mixed-signals"]');
  assert.equal((await page.textContent('.decision-summary__headline')).trim(), headlineTitle('mixed-signals'), 'answers pulling apart are named as such');

  await page.goto(`${server.url}#/plan/${plan}`);
  await page.waitForSelector('.route-summary');
  assert.match(await page.textContent('.route-summary'), new RegExp(headlineTitle('mixed-signals')));
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('chosen route and reason appear on the overview and in the start-up memo', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Beslutningsplan');
  await openDecision(page, plan);
  const reason = 'Vi vil forhandle fordi løsningene må tilpasses nattjenesten.\n\nLederne støtter valget.';
  await page.check('#chosen-route-innovation-friendly-negotiated');
  await page.fill('#chosen-reason', reason);
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.isChecked('#chosen-route-innovation-friendly-negotiated'), true);
  assert.equal(await page.inputValue('#chosen-reason'), reason);

  await page.goto(`${server.url}#/plan/${plan}`);
  await page.waitForSelector('.route-summary');
  const summary = await page.textContent('.route-summary');
  assert.match(summary, new RegExp(`${LOCALE['overview.route.recommended']}\\s*${headlineTitle('not-answered')}`));
  assert.match(summary, new RegExp(`${LOCALE['overview.route.chosen']}\\s*${routeTitle('innovation-friendly-negotiated')}`));

  await page.goto(`${server.url}#/plan/${plan}/startup/document`);
  await page.waitForSelector('.document h1');
  const section = page.locator('.document__section', { has: page.locator('h2', { hasText: LOCALE['document.route.heading'] }) });
  const chosen = section.locator('.document__item', { has: page.locator('h3', { hasText: LOCALE['document.route.chosen'] }) });
  const text = await chosen.textContent();
  assert.ok(text.includes(routeTitle('innovation-friendly-negotiated')), 'chosen route in the memo');
  assert.ok(text.includes('Vi vil forhandle fordi løsningene må tilpasses nattjenesten.'), 'reason in the memo');
  assert.equal(await chosen.locator('p').count(), 3, 'route and two paragraphs of reasoning');
  const recommended = section.locator('.document__item', { has: page.locator('h3', { hasText: LOCALE['document.route.recommended'] }) });
  assert.ok((await recommended.textContent()).includes(headlineTitle('not-answered')), 'recommendation in the memo');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('decision page has no axe violations in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await openExample(page, server.url);
  await openDecision(page, plan);
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, DECISION.title[lang]);
    assert.deepEqual(await axe(page), [], `decision page (${lang})`);
  }
  // A fresh plan: nothing answered, no procedures, value unknown.
  const fresh = await createPlan(page, server.url, 'Beslutningsplan');
  await openDecision(page, fresh);
  await page.fill('#q-value', 'mange penger');
  await page.waitForSelector('#q-value-error');
  assert.deepEqual(await axe(page), [], 'decision page, fresh plan with an invalid value (en)');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** "57 800 000 kr" / "NOK 57,800,000" as the app writes an amount in `lang` (no-break spaces). */
const nok = (amount, lang) => lang === 'en'
  ? `NOK ${amount.toLocaleString('en-GB')}`
  : `${amount.toLocaleString('en-GB').replace(/,/g, '\u00a0')}\u00a0kr`;

test('a works contract of NOK 10 million and a care service of NOK 3 million get their own regime and EEA figure, in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.clock.setFixedTime(new Date('2026-12-07T09:00:00'));
  const plan = await createPlan(page, server.url, 'Terskelplan');
  await openDecision(page, plan);
  const cases = [
    { type: 'works', value: '10000000', regime: 'national', eea: 57800000, wrong: [2300000, 7200000] },
    { type: 'special-services', value: '3000000', regime: 'special-below-eea', eea: 7200000, wrong: [2300000, 57800000] },
  ];
  for (const c of cases) {
    await page.check(`#q-contract-${c.type}`);
    await page.fill('#q-value', c.value);
    await page.waitForSelector(`.decision-result__route[data-regime="${c.regime}"]`);
    await saved(page);
    for (const lang of ['nb', 'nn', 'en']) {
      await switchLanguage(page, lang);
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, DECISION.title[lang]);
      const regime = (await page.textContent('.regime-text')).trim();
      const template = DECISION.regimes[c.regime][lang];
      assert.ok(regime.startsWith(template.slice(0, template.indexOf('{'))), `${c.type} ${lang}: the ${c.regime} text: ${regime}`);
      assert.ok(regime.includes(nok(c.eea, lang)), `${c.type} ${lang}: names the EEA threshold for its contract type: ${regime}`);
      const result = await page.textContent('.decision-result');
      for (const wrong of c.wrong) assert.ok(!result.includes(nok(wrong, lang)), `${c.type} ${lang}: no other type's EEA figure (${nok(wrong, lang)})`);
      if (c.type === 'special-services') {
        assert.equal(await page.locator('.regime-note[data-note="orientation"]').count(), 1, `${lang}: the unconfirmed figure is for orientation`);
        assert.equal(await page.locator('.legal-rule[data-rule="special-services"]').count(), 1, `${lang}: the special-services rule is shown`);
      }
      assert.ok(await page.locator('.legal-rule__caveat').count() >= 1, `${lang}: a rule the 2026 amendments may have changed says so`);
      assert.deepEqual(await axe(page), [], `decision page, ${c.type} (${lang})`);
    }
    await switchLanguage(page, 'nb');
  }
  const [stored] = (await storedPlans(page)).filter((p) => p.id === plan);
  assert.deepEqual(stored.answers['startup/framework/contract-type'], { choice: 'special-services' });
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
