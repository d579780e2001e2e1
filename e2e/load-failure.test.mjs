// Badly set up servers, as municipal IT meets them: a .wasm sent as application/octet-stream still
// opens plans (the parts fall back as the main wasm does); a 404 for the manifest still gives a
// working app and an offline copy; and when the app's code cannot run at all (a 404 for the main
// wasm, a Content-Security-Policy header without 'wasm-unsafe-eval', WebAssembly turned off, a
// script with the wrong type) the loading text gives way to a message in the user's language that
// says what happened and what to tell IT, within seconds, passing axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serveDist, launch, freshPage, ready, createPlan, axe, part, text, built } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SHOTS = new URL('./artifacts/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

test('.wasm sent as application/octet-stream: the library, a plan, its steps and the other parts open', async () => {
  const server = await serveDist('/', { types: { '.wasm': 'application/octet-stream' } });
  const { context, page, log } = await freshPage(browser);
  const wasm = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.headers()['content-type']); });
  const plan = await createPlan(page, server.url, 'Feil type på wasm');
  await page.goto(`${server.url}#/plan/${plan}/needs/problem`);
  await page.waitForSelector('.step-main h1');
  await page.goto(`${server.url}#/about`);
  await page.waitForSelector('.about h1');
  await page.goto(`${server.url}#/compare`);
  await page.waitForSelector('main h1');
  assert.equal(await page.getByText(text('nb', 'part.unavailable.title')).count(), 0, 'no part failed');
  assert.ok(wasm.length > 5 && wasm.every((t) => t === 'application/octet-stream'), `every wasm came as octet-stream: ${wasm}`);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
  await server.close();
});

test('a 404 for manifest.webmanifest: the app works and the offline copy is still made', async () => {
  const server = await serveDist('/', { missing: ['manifest.webmanifest'] });
  const { context, page, log } = await freshPage(browser);
  const plan = await createPlan(page, server.url, 'Uten manifest');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.goto(`${server.url}#/plan/${plan}/needs/problem`);
  await page.reload();
  await page.waitForSelector('.step-main h1');
  const cached = await page.evaluate(async () => {
    const [name] = await caches.keys();
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.includes(`/${built('ioa-planleggeren_bg.wasm')}`) && cached.includes(`/${part('split_plan.wasm')}`), 'the code is in the offline copy');
  assert.ok(!cached.includes('/manifest.webmanifest'), 'the missing manifest is not');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
  await server.close();
});

/** Opens the app on a broken server; returns the failure box's kind and texts, and how long it took. */
async function failure(server, { locale = 'nb-NO', stored, init, shot } = {}) {
  const { context, page, log } = await freshPage(browser, { locale });
  if (stored) await context.addInitScript((lang) => localStorage.setItem('ioa-planleggeren/prefs', JSON.stringify({ lang })), stored);
  if (init) await context.addInitScript(init);
  const started = Date.now();
  await page.goto(server.url);
  const box = page.locator('#boot .boot__error[role=alert]');
  await box.waitFor({ timeout: 5000 });
  const seconds = (Date.now() - started) / 1000;
  const result = {
    seconds,
    kind: await box.getAttribute('data-kind'),
    lang: await page.getAttribute('html', 'lang'),
    heading: await box.locator('h1').textContent(),
    text: await box.textContent(),
    loading: await page.locator('.boot__loading').count(),
    violations: await axe(page),
  };
  if (shot) {
    await page.screenshot({ path: new URL(`${shot}-1280.png`, SHOTS).pathname, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: new URL(`${shot}-390.png`, SHOTS).pathname, fullPage: true });
    result.overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  }
  // "Try again" reloads the page.
  await box.locator('button').click();
  await page.waitForSelector('#boot .boot__error[role=alert]');
  result.foreign = log.foreign;
  await context.close();
  return result;
}

test('a 404 for the main wasm says so in nb, nn and en: the stored language, else the browser\'s', async () => {
  const server = await serveDist('/', { missing: [built('ioa-planleggeren_bg.wasm')] });
  const nb = await failure(server, { locale: 'nb-NO', shot: 'load-failure-nb' });
  assert.equal(nb.kind, 'missing');
  assert.equal(nb.lang, 'nb');
  assert.equal(nb.heading, text('nb', 'boot.failed.title'));
  assert.ok(nb.text.includes(text('nb', 'boot.failed.missing', { file: built('ioa-planleggeren_bg.wasm'), status: 404 })), nb.text);
  assert.ok(nb.text.includes(text('nb', 'boot.failed.it_title')), 'what to tell IT');
  assert.equal(nb.loading, 0, '"Laster …" is gone');
  assert.ok(nb.seconds < 5, `shown after ${nb.seconds} s`);
  assert.deepEqual(nb.violations, []);
  assert.equal(nb.overflow, false, 'no sideways scrolling at 390 px');

  const en = await failure(server, { locale: 'en-GB' });
  assert.equal(en.lang, 'en');
  assert.equal(en.heading, text('en', 'boot.failed.title'));
  assert.ok(en.text.includes(text('en', 'boot.failed.missing', { file: built('ioa-planleggeren_bg.wasm'), status: 404 })), en.text);
  assert.deepEqual(en.violations, []);

  const nn = await failure(server, { locale: 'en-GB', stored: 'nn' });
  assert.equal(nn.lang, 'nn', 'the stored language wins over the browser\'s');
  assert.equal(nn.heading, text('nn', 'boot.failed.title'));
  assert.deepEqual(nn.violations, []);
  const nnBrowser = await failure(server, { locale: 'nn-NO' });
  assert.equal(nnBrowser.lang, 'nn');
  for (const r of [nb, en, nn, nnBrowser]) assert.deepEqual(r.foreign, []);
  await server.close();
});

test('a Content-Security-Policy header without \'wasm-unsafe-eval\' is named, with what IT must change', async () => {
  const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'";
  const server = await serveDist('/', { headers: { 'content-security-policy': csp } });
  const nb = await failure(server, { shot: 'load-failure-csp' });
  assert.equal(nb.kind, 'csp');
  assert.ok(nb.text.includes(text('nb', 'boot.failed.it.csp')), nb.text);
  assert.deepEqual(nb.violations, []);
  const en = await failure(server, { locale: 'en-US' });
  assert.equal(en.kind, 'csp');
  assert.ok(en.text.includes(text('en', 'boot.failed.it.csp')), en.text);
  await server.close();
});

test('WebAssembly turned off, and a script sent with the wrong type, are each named', async () => {
  const server = await serveDist('/');
  const off = await failure(server, { init: () => { delete globalThis.WebAssembly; } });
  assert.equal(off.kind, 'nowasm');
  assert.ok(off.text.includes(text('nb', 'boot.failed.nowasm')), off.text);
  assert.deepEqual(off.violations, []);
  await server.close();

  const plain = await serveDist('/', { types: { [built('ioa-planleggeren.js')]: 'text/plain' } });
  const mime = await failure(plain, { locale: 'en-GB' });
  assert.equal(mime.kind, 'mime');
  assert.ok(mime.text.includes(text('en', 'boot.failed.mime', { file: 'ioa-planleggeren.js', type: 'text/plain' })), mime.text);
  assert.ok(mime.text.includes(text('en', 'boot.failed.it.mime')), mime.text);
  assert.deepEqual(mime.violations, []);
  await plain.close();
});

test('when boot.js itself cannot run, the page says so after ten seconds, with no script', async () => {
  const server = await serveDist('/', { missing: [built('boot.js')] });
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  const stuck = page.locator('#boot .boot__stuck');
  assert.equal(await stuck.isVisible(), false, 'not at once: a slow start is not a failure');
  // The ten seconds are a CSS animation's delay (there is no script to run a timer), which
  // page.clock does not drive; the test reads the delay and finishes the animation instead of
  // sleeping through it.
  const timing = await stuck.evaluate((el) => el.getAnimations().map((a) => a.effect.getTiming().delay));
  assert.deepEqual(timing, [10_000], 'shown after ten seconds');
  assert.equal(await stuck.isVisible(), false, 'still hidden before the ten seconds are up');
  await stuck.evaluate((el) => el.getAnimations().forEach((a) => a.finish()));
  await page.waitForSelector('#boot .boot__stuck', { state: 'visible', timeout: 2000 });
  // index.html's own text, in all three languages at once (no script, so no locale file).
  assert.match(await stuck.textContent(), /kan ikke IOA-planleggeren starte.*cannot start in this browser/s);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: new URL('load-failure-stuck-1280.png', SHOTS).pathname });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: new URL('load-failure-stuck-390.png', SHOTS).pathname, fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px');
  await context.close();
  await server.close();
});
