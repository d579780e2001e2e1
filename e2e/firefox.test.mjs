// A second browser engine: Debian's Firefox ESR, driven through WebDriver BiDi by puppeteer-core.
// A smoke test of the main path: the app opens, a plan is created and edited, survives a reload,
// is exported and imported into a fresh profile. Firefox is kept off the network: every address
// but 127.0.0.1 goes to a proxy that does not exist, and every request of the pages is recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serveDist, text } from './harness.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
let server, browser, downloads;

before(async () => {
  server = await serveDist('/');
  downloads = await mkdtemp(join(tmpdir(), 'ioa-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Nothing leaves the machine: a dead proxy for everything but the test server, no DNS over HTTPS.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.trr.mode': 5,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(downloads, { recursive: true, force: true });
});

/** A page in a fresh profile that records its requests and errors, and keeps every file the app offers for download. */
async function freshPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.evaluateOnNewDocument(() => {
    window.__offered = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { blob.text().then((t) => window.__offered.push(t)); return make(blob); };
  });
  return { context, page, log };
}

/** Requests that went anywhere but the test server (data: and blob: URLs stay in the page). */
const foreign = (log) => log.requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));

const ready = (page) => page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('main h1'));

test('Firefox ESR: the app opens, a plan is created, edited, reloaded, exported and imported into a fresh profile', async () => {
  const { context, page, log } = await freshPage();
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.$eval('main h1', (h) => h.textContent), text('nb', 'home.title'));

  await page.type('#new-title', 'Plan i Firefox');
  await page.click('button[type=submit]');
  await page.waitForSelector('.task-list');
  const plan = (await page.evaluate(() => location.hash)).match(/#\/plan\/([^/]+)/)[1];

  await page.goto(`${server.url}#/plan/${plan}/needs/problem`);
  await page.waitForSelector('#f-needs-problem-today');
  await page.type('#f-needs-problem-today', 'Skrevet i Firefox');
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
  await page.reload();
  await page.waitForSelector('#f-needs-problem-today');
  assert.equal(await page.$eval('#f-needs-problem-today', (e) => e.value), 'Skrevet i Firefox', 'kept across a reload');

  await page.goto(`${server.url}#/plan/${plan}`);
  await page.waitForSelector('.keep-copy button.ds-button[data-variant=primary]');
  await page.click('.keep-copy button.ds-button[data-variant=primary]');
  await page.waitForFunction(() => window.__offered.length > 0);
  const exported = JSON.parse(await page.evaluate(() => window.__offered.at(-1)));
  assert.equal(exported.type, 'ioa-planleggeren/plan');
  assert.equal(exported.plan.title, 'Plan i Firefox');
  assert.ok(log.requests.length > 10, 'requests are recorded');
  assert.deepEqual(foreign(log), []);
  assert.deepEqual(log.errors, []);
  await context.close();

  const fresh = await freshPage();
  await fresh.page.goto(server.url);
  await ready(fresh.page);
  assert.equal(await fresh.page.$('.plan-card'), null, 'a fresh profile has no plans');
  const file = join(downloads, 'plan.json');
  await writeFile(file, JSON.stringify(exported, null, 2));
  const input = await fresh.page.$('#import-file');
  await input.uploadFile(file);
  await fresh.page.waitForFunction(() => document.querySelector('.plan-card')?.textContent.includes('Plan i Firefox'));
  await fresh.page.click('.plan-card a');
  await fresh.page.waitForSelector('.task-list');
  await fresh.page.goto(`${server.url}#/plan/${plan}/needs/problem`);
  await fresh.page.waitForSelector('#f-needs-problem-today');
  assert.equal(await fresh.page.$eval('#f-needs-problem-today', (e) => e.value), 'Skrevet i Firefox', 'the imported plan has the text');
  assert.deepEqual(foreign(fresh.log), []);
  assert.deepEqual(fresh.log.errors, []);
  await fresh.context.close();
});
