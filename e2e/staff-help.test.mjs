// Help for staff on the about page, in nb, nn and en: plans live in this browser at this address
// (shown), what to do before a new PC, a reinstall or a move, which settings and policies erase
// them and what to ask IT, private windows; and the version people can quote, the same on the
// about page and in an exported plan file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, freshPage, createPlan, axe, switchLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/kommune/ioa/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SHOTS = new URL('./artifacts/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, JSON.parse(readFileSync(new URL(`../locales/${l}.json`, import.meta.url), 'utf8'))]));
const VERSION = /^\d+\.\d+\.\d+\+[0-9a-f]{12}(-modified)?$/;

test('the about page tells staff how to keep their plans, in nb, nn and en, and shows the version', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(`${server.url}#/about`);
  await page.waitForSelector('[data-testid=help-address]');
  let version;
  for (const [lang, width] of [['nb', 1280], ['nn', 320], ['en', 390]]) {
    await page.setViewportSize({ width, height: 900 });
    await switchLanguage(page, lang);
    const t = LOCALES[lang];
    const headings = await page.$$eval('.about h2', (hs) => hs.map((h) => h.textContent));
    for (const key of ['help.address.title', 'help.move.title', 'help.erase.title', 'help.private.title', 'help.version.title']) {
      assert.ok(headings.includes(t[key]), `${lang}: ${t[key]}`);
    }
    const address = await page.textContent('[data-testid=help-address]');
    assert.ok(address.includes(t['help.address.now'].replace('{address}', server.url)), `${lang}: the address is named: ${address}`);
    assert.match(await page.textContent('#help-erase + .rich-text'), /VDI|virtu/i);
    const shown = await page.textContent('[data-testid=app-version]');
    version = shown.match(/IOA-\S+ (\S+)\./)[1];
    assert.match(version, VERSION, `${lang}: ${shown}`);
    assert.deepEqual(await axe(page), [], `about page (${lang}, ${width} px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow})`);
    if (width !== 320) {
      await page.locator('#help-address').scrollIntoViewIfNeeded();
      await page.screenshot({ path: new URL(`staff-help-${lang}-${width}.png`, SHOTS).pathname, fullPage: true });
    }
  }

  // The same version in an exported plan file.
  await switchLanguage(page, 'nb');
  await page.setViewportSize({ width: 1280, height: 900 });
  await createPlan(page, server.url, 'Versjonen i filen');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('.keep-copy button.ds-button[data-variant=primary]')]);
  const exported = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(exported.appVersion, version, 'the file says which version and build wrote it');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
