// Builds that cannot mix. A tab keeps its build's main code in memory; when build B is deployed
// while it is open, a view in a part the tab has not loaded yet must never run B's part with A's
// main code. The parts' names carry a hash of their content (scripts/hash-parts.mjs), so the tab
// asks for its own build's file, the server (now B) answers 404, and the tab says a new version
// is on the server and offers a reload, which brings B. Without a service worker in control (a
// policy, a private window) this is the only guard; with one, the tab's build comes from its cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, freshPage, ready, axe, text } from './harness.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HASHED = /^(split_\w+|chunk_\d+)\.[0-9a-f]{12}\.wasm$/;

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * Build B: a copy of dist/ whose every part differs (a custom section added, which a wasm
 * engine ignores), named by its new hash as the build names it, with its own sw.js.
 */
async function otherBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'ioa-build-b-'));
  await cp(DIST, dir, { recursive: true });
  let loader = await readFile(join(dir, '__wasm_split.js'), 'utf8');
  let boot = await readFile(join(dir, 'boot.js'), 'utf8');
  const names = [];
  for (const file of (await readdir(dir)).filter((f) => HASHED.test(f))) {
    const bytes = Buffer.concat([await readFile(join(dir, file)), Buffer.from([0, 8, 7, ...Buffer.from('build-b')])]);
    const renamed = file.replace(/\.[0-9a-f]{12}\.wasm$/, `.${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.wasm`);
    await writeFile(join(dir, file), bytes);
    await rename(join(dir, file), join(dir, renamed));
    loader = loader.replaceAll(file, renamed);
    boot = boot.replaceAll(file, renamed);
    names.push(renamed);
  }
  await writeFile(join(dir, '__wasm_split.js'), loader);
  await writeFile(join(dir, 'boot.js'), boot);
  await cp(join(ROOT, 'public/sw.js'), join(dir, 'sw.js'));
  execFileSync('node', [join(ROOT, 'scripts/precache.mjs'), dir]);
  return { dir, names };
}

test('a tab on build A never runs build B\'s part: it is told a new version is on the server, and a reload brings B', async () => {
  const built = (await readdir(DIST)).filter((f) => HASHED.test(f));
  assert.ok(built.length > 5, `the parts are named by their content: ${built}`);
  const { context, page, log } = await freshPage(browser, { serviceWorkers: 'block' });
  const asked = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) asked.push([new URL(r.url()).pathname.slice(1), r.status()]); });
  await page.goto(server.url);
  await ready(page);
  assert.deepEqual(asked.filter(([f]) => HASHED.test(f)), [], 'the library has loaded no part yet');

  const b = await otherBuild();
  server.serveFrom(b.dir);
  await page.evaluate(() => { window.stillBuildA = true; location.hash = '#/facts'; });
  await page.locator('[data-testid=update-banner]', { hasText: text('nb', 'update.stale.title') }).waitFor();
  await page.locator('main h1', { hasText: text('nb', 'part.unavailable.title') }).waitFor();
  assert.equal(await page.evaluate(() => window.stillBuildA), true, 'the tab was not reloaded under the user');
  const parts = asked.filter(([f]) => HASHED.test(f));
  assert.ok(parts.length > 0, 'the tab asked for the facts part');
  assert.ok(parts.every(([f]) => built.includes(f)), `only build A's parts were asked for: ${parts}`);
  assert.ok(parts.some(([, status]) => status === 404), 'and build B does not have them');
  assert.ok(!parts.some(([f]) => b.names.includes(f)), 'no part of build B was fetched');
  assert.ok((await page.textContent('main')).includes(text('nb', 'part.unavailable.stale')), 'the part belongs to a replaced version');
  assert.ok(!(await page.textContent('main')).includes(text('nb', 'part.unavailable.body')), 'the network is not blamed');
  assert.ok((await page.textContent('[data-testid=update-banner]')).includes(text('nb', 'update.stale.title')));
  assert.deepEqual(await axe(page), []);
  const shots = new URL('./artifacts/', import.meta.url);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: new URL('mixed-builds-stale-1280.png', shots).pathname, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: new URL('mixed-builds-stale-390.png', shots).pathname, fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px');
  assert.deepEqual(await axe(page), [], 'axe at 390 px');

  const reloadedAt = asked.length;
  await page.click('main button');
  await page.waitForSelector('.facts-series');
  assert.equal(await page.evaluate(() => window.stillBuildA), undefined, 'reloaded');
  const after = asked.slice(reloadedAt).filter(([f]) => HASHED.test(f));
  assert.ok(after.length > 0 && after.every(([f, status]) => b.names.includes(f) && status === 200), `build B's parts after the reload: ${after}`);
  assert.deepEqual(log.foreign, []);
  await context.close();
  server.serveFrom(DIST);
  await rm(b.dir, { recursive: true });
});
