// Legal facts as they stand on a given day: the decision page on a fixed date (the clock is
// injected), what each procedure means at the estimated value, the Act's lower limit before and
// after 1 July 2026, the "About the facts" page and the rules shown on worksheet steps, with
// axe-core in nb, nn and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, saved, axe, createPlan, switchLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const DECISION = json('content/decision.json');
const FIGURES = json('content/thresholds.json');
const RULES = json('content/legal-rules.json').rules;
const LOCALES = { nb: json('locales/nb.json'), nn: json('locales/nn.json'), en: json('locales/en.json') };
const seriesName = (id, lang = 'nb') => FIGURES.series.find((s) => s.id === id).name[lang];

async function atDay(page, isoDay) {
  await page.clock.setFixedTime(new Date(`${isoDay}T09:00:00`));
}

async function openDecision(page, plan) {
  await page.goto(`${server.url}#/plan/${plan}/decision`);
  await page.waitForSelector('.decision-result__route');
}

async function setValue(page, value) {
  await page.fill('#q-value', String(value));
  await page.waitForFunction((v) => document.querySelector('.regime-text')?.textContent.replace(/\s/g, '').includes(v), String(value));
}

const regimeText = (page) => page.textContent('.regime-text');
const notes = (page) => page.$$eval('.regime-note', (els) => els.map((e) => e.dataset.note));

test('on 1 December 2026: no expiry warning for the national threshold, the orientation note for the EEA figure', async () => {
  const { context, page, log } = await freshPage(browser);
  await atDay(page, '2026-12-01');
  const plan = await createPlan(page, server.url, 'Terskelplan');
  await openDecision(page, plan);

  // Part II: bounded by the national threshold (confirmed) and the EEA figure (adjusted in 2026,
  // on a day in Norway that is not confirmed).
  await setValue(page, 1500000);
  assert.match(await regimeText(page), /del II av anskaffelsesforskriften/);
  assert.match(await regimeText(page), /1\s300\s000\skr/, 'the national threshold comes from the data');
  assert.deepEqual(await notes(page), ['orientation']);
  const orientation = page.locator('.regime-note[data-note="orientation"]');
  const text = await orientation.textContent();
  assert.ok(text.includes(seriesName('eea-goods-services')), 'the note names the EEA threshold');
  assert.match(text, /2\s300\s000\skr/, 'the last confirmed figure is shown');
  assert.match(text, /pekepinn/, 'for orientation only');
  assert.match(text, /fra 1\. januar 2026/, 'says the EU adjusted its thresholds from 1 January 2026');
  assert.match(text, /aldri gjort det 1\. januar/, 'does not state 1 January as the day Norway adjusted them');
  assert.match(text, /Vi har ikke funnet når Norge gjorde det i 2026/, 'says the Norwegian date is not confirmed');
  assert.equal(await orientation.locator('a').getAttribute('href'), 'https://anskaffelser.no/avtaler-og-regelverk/terskelverdier-offentlige-anskaffelser');
  const result = await page.textContent('.decision-result');
  assert.doesNotMatch(result, /31\.12\.2025|sluttet|utløpt|gjaldt for en periode/, 'no figure is said to have ended');
  assert.ok(!(await page.textContent('.regime-note')).includes(seriesName('national')), 'nothing warns about the national threshold');

  // Close to the unconfirmed EEA figure the regime may differ.
  await setValue(page, 2100000);
  assert.deepEqual(await notes(page), ['orientation', 'near']);
  assert.match(await page.textContent('.regime-note[data-note="near"]'), /Det gjeldende beløpet avgjør/);

  // The page says when the facts were checked and links to them.
  assert.match(await page.textContent('.decision-result .facts-checked'), /Juridiske fakta sist sjekket 01\.12\.2026\./);
  await page.click('.decision-result .facts-checked a');
  await page.waitForSelector('.facts-series');
  assert.equal(await page.textContent('main h1'), LOCALES.nb['facts.title']);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('each procedure says what it means at the estimated value', async () => {
  const { context, page, log } = await freshPage(browser);
  await atDay(page, '2026-12-01');
  const plan = await createPlan(page, server.url, 'Prosedyreplan');
  await openDecision(page, plan);
  for (const [q, o] of [['solutions-exist', 'no'], ['rnd-needed', 'substantial'], ['develop-and-buy', 'together'],
    ['risk-appetite', 'high'], ['leadership-backing', 'yes']]) {
    await page.check(`#q-${q}-${o}`);
  }
  await page.waitForSelector('.procedure[data-procedure="innovation-partnership"]');
  const fit = () => page.getAttribute('.procedure[data-procedure="innovation-partnership"]', 'data-fit');
  const fitText = () => page.textContent('.procedure[data-procedure="innovation-partnership"] .procedure__fit');

  // NOK 1 million: no procedure is prescribed, and the page says so beside the partnership.
  await setValue(page, 1000000);
  assert.equal(await fit(), 'below-national');
  assert.ok((await fitText()).includes(DECISION.procedure_fits['below-national'].nb.slice(0, 40)));
  await setValue(page, 2000000);
  assert.equal(await fit(), 'national-partnership');
  assert.match(await fitText(), /tilbudskonkurranse/, 'under Part II a national tender applies instead');
  await setValue(page, 3000000);
  assert.equal(await fit(), 'eea-partnership');
  // The rules behind the result, each with its source.
  const rules = await page.$$eval('.decision-result .legal-rule', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(rules, ['regulation-parts', 'innovation-partnership', 'climate-environment']);
  assert.match(await page.textContent('.legal-rule[data-rule="climate-environment"]'), /FOA § 7-9/);
  assert.match(await page.textContent('.legal-rule[data-rule="innovation-partnership"]'), /ingen plikt til å kjøpe/);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the Act\'s lower limit before and after 1 July 2026 comes from the data', async () => {
  const { context, page, log } = await freshPage(browser);
  await atDay(page, '2026-06-30');
  const plan = await createPlan(page, server.url, 'Småkjøp');
  await openDecision(page, plan);
  await setValue(page, 300000);
  assert.match(await regimeText(page), /under den nasjonale terskelverdien/);
  assert.match(await regimeText(page), /nedre grense er 100\s000\skr\./, 'before 1 July 2026 the limit is 100,000');
  await saved(page);

  await atDay(page, '2026-07-01');
  await page.reload();
  await page.waitForSelector('.regime-text');
  assert.match(await regimeText(page), /under lovens nedre grense \(500\s000\skr, ikke bekreftet ennå\)/, 'from 1 July 2026, marked as not confirmed');
  assert.deepEqual(await notes(page), ['to-check'], 'secondary sources only: the page says to check it');
  assert.match(await page.textContent('.regime-note[data-note="to-check"]'), /Sjekk Lovdata/);
  assert.equal(await page.getAttribute('.regime-note[data-note="to-check"] a', 'href'), 'https://lovdata.no/dokument/NL/lov/2016-06-17-73');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the facts page lists every figure and rule with its source, and passes axe in nb, nn and en', async () => {
  const { context, page, log } = await freshPage(browser);
  await atDay(page, '2026-12-01');
  await page.goto(`${server.url}#/facts`);
  await ready(page);
  const national = page.locator('.facts-series[data-series="national"]');
  assert.match(await national.textContent(), /06\.04\.2018/);
  assert.match(await national.textContent(), new RegExp(LOCALES.nb['facts.not_superseded']));
  const eea = page.locator('.facts-series[data-series="eea-goods-services"]');
  assert.match(await eea.locator('.facts-today').textContent(), /2\s300\s000\skr, siste bekreftede beløp/);
  assert.equal(await page.locator('.legal-rule').count(), RULES.length, 'every rule is listed');
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, LOCALES[lang]['facts.title']);
    assert.deepEqual(await axe(page), [], `facts page (${lang})`);
  }
  // Reflow: no sideways scroll on a 320 px screen.
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'facts page fits 320 px');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('worksheet steps show the rules that apply, with their source', async () => {
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Regelplan');
  await page.goto(`${server.url}#/plan/${plan}/startup/framework`);
  await page.waitForSelector('.step-rules');
  const ids = await page.$$eval('.step-rules .legal-rule', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(ids, ['regulation-parts', 'climate-environment']);
  const climate = page.locator('.legal-rule[data-rule="climate-environment"]');
  assert.match(await climate.textContent(), /minst 30 prosent/);
  assert.match(await climate.textContent(), /bare når det klart gir bedre klima- og miljøeffekt/, 'the alternative with its condition');
  assert.match(await climate.locator('a').first().getAttribute('href'), /^https:\/\/anskaffelser\.no\/verktoy\/veiledere\/veileder-til-regler-om-klima/);
  assert.match(await climate.locator('.legal-rule__caveat').textContent(), /Sjekk Lovdata/, 'may have changed from 1 July 2026');
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    assert.deepEqual(await axe(page), [], `step with rules (${lang})`);
  }
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
