// Third-party licence notices and the SBOM, made by the build (scripts/third-party.mjs): every
// crate compiled into the app's wasm and every npm package whose files are served is in both
// files with a licence; the SBOM is CycloneDX 1.5 JSON; the about page links to the notices, in
// nb, nn and en, and the link opens them, offline too (they are in the offline copy).
// The crates are found here another way than the script finds them (`cargo tree`, normal
// dependencies without proc-macros, for the wasm target), so the two check each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, freshPage, ready, axe, built } from './harness.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = new URL('./artifacts/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, JSON.parse(readFileSync(new URL(`../locales/${l}.json`, import.meta.url), 'utf8'))]));
const NPM = { '@digdir/designsystemet-css': 'pkg:npm/%40digdir/designsystemet-css', '@fontsource/inter': 'pkg:npm/%40fontsource/inter' };

let server, browser;
before(async () => { server = await serveDist('/kommune/ioa/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** name@version of every crate in the shipped wasm files, by `cargo tree`. */
function shippedCrates() {
  const out = execFileSync('cargo', ['tree', '--offline', '--locked', '-e', 'normal,no-proc-macro', '--target', 'wasm32-unknown-unknown',
    '-p', 'ioa-planleggeren', '-p', 'ioa-docx', '--prefix', 'none', '--format', '{p}'], { cwd: ROOT, encoding: 'utf8' });
  const crates = new Set();
  for (const line of out.split('\n')) {
    const [name, version] = line.replace(/ \(.*$/, '').split(' ');
    if (name && version && !name.startsWith('ioa-')) crates.add(`${name}@${version.replace(/^v/, '')}`);
  }
  return crates;
}

const notices = () => readFileSync(join(DIST, built('third-party-licenses.txt')), 'utf8');
const sbom = () => JSON.parse(readFileSync(join(DIST, 'sbom.cdx.json'), 'utf8'));

test('every shipped crate and npm package is in the notices and the SBOM, each with a licence', () => {
  const crates = shippedCrates();
  assert.ok(crates.size > 50 && [...crates].some((c) => c.startsWith('leptos@')), `the crates: ${crates.size}`);
  const text = notices();
  assert.ok(text.startsWith('\uFEFF'), 'a byte order mark, so a browser reads it as UTF-8 whatever the server says');
  const blocks = new Map(text.split(/\n\n(?=[^\n]+\n=+\n)/).map((b) => [b.split('\n')[0], b]));
  const bom = sbom();
  const byPurl = new Map(bom.components.map((c) => [c.purl, c]));
  const expectations = [
    ...[...crates].map((c) => { const [name, version] = c.split('@'); return { heading: `${name} ${version}`, purl: `pkg:cargo/${name}@${version}` }; }),
    ...Object.entries(NPM).map(([name, purl]) => {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
      return { heading: `${name} ${version}`, purl: `${purl}@${version}` };
    }),
  ];
  for (const { heading, purl } of expectations) {
    const block = blocks.get(heading);
    assert.ok(block, `${heading} is in the notices`);
    assert.match(block, /\nLicence: \S/, `${heading} has a licence`);
    assert.match(block, /\n--- /, `${heading} has a licence text`);
    const component = byPurl.get(purl);
    assert.ok(component, `${purl} is in the SBOM`);
    assert.ok(component.licenses?.length > 0 && component.licenses.every((l) => l.expression || l.license?.id || l.license?.name), `${purl} has a licence`);
  }
  // Nothing listed that does not ship (a build or dev tool), but Rust's standard library.
  const expected = new Set(expectations.map((e) => e.purl));
  assert.deepEqual(bom.components.map((c) => c.purl).filter((p) => !expected.has(p)), [bom.components.find((c) => c.purl.startsWith('pkg:generic/rust-std@')).purl]);
});

test('the SBOM is CycloneDX 1.5 JSON with the fields scanners read', () => {
  const bom = sbom();
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.specVersion, '1.5');
  assert.equal(bom.version, 1);
  assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(bom.metadata.component.name, 'ioa-planleggeren');
  assert.match(bom.metadata.component.version, /^\d+\.\d+\.\d+\+/);
  const refs = new Set();
  for (const c of bom.components) {
    assert.equal(c.type, 'library');
    for (const field of ['bom-ref', 'name', 'version', 'purl']) assert.equal(typeof c[field], 'string', `${c.name}: ${field}`);
    assert.match(c.purl, /^pkg:(cargo|npm|generic)\/[^@]+@[^@]+$/);
    assert.ok(!refs.has(c['bom-ref']), `${c['bom-ref']} once`);
    refs.add(c['bom-ref']);
    for (const h of c.hashes ?? []) assert.match(`${h.alg} ${h.content}`, /^(SHA-256 [0-9a-f]{64}|SHA-512 [0-9a-f]{128})$/);
  }
  refs.add(bom.metadata.component['bom-ref']);
  for (const d of bom.dependencies) {
    assert.ok(refs.has(d.ref), `dependency of a known component: ${d.ref}`);
    for (const on of d.dependsOn) assert.ok(refs.has(on), `${d.ref} depends on a listed component: ${on}`);
  }
  assert.ok(bom.components.filter((c) => c.purl.startsWith('pkg:cargo/')).every((c) => c.hashes?.[0]?.alg === 'SHA-256'), 'each crate with its Cargo.lock checksum');
});

test('the about page links to the notices in nb, nn and en, and the link opens them, offline too', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(`${server.url}#/about`);
  await page.waitForSelector('[data-testid=about-licences]');
  for (const [lang, width] of [['nn', 390], ['en', 1280], ['nb', 1280]]) {
    await page.setViewportSize({ width, height: 900 });
    await page.click(`button[lang=${lang}]`);
    await page.waitForSelector(`html[lang=${lang}]`);
    const t = LOCALES[lang];
    assert.equal(await page.textContent('#about-licences'), t['about.licences.title']);
    assert.equal(await page.textContent('[data-testid=about-licences]'), t['about.licences.link']);
    assert.deepEqual(await axe(page), [], `about page (${lang}, ${width} px)`);
  }
  const link = page.locator('[data-testid=about-licences]');
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('about-licences-1280.png', SHOTS).pathname });
  await page.setViewportSize({ width: 390, height: 844 });
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('about-licences-390.png', SHOTS).pathname });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px');
  assert.equal(await link.getAttribute('href'), built('third-party-licenses.txt'));

  await link.click();
  await page.waitForURL(/third-party-licenses\.[0-9a-f]{12}\.txt$/);
  assert.match(await page.textContent('body'), /Third-party software in IOA-planleggeren[\s\S]*leptos/);
  await page.goBack();
  await page.waitForSelector('[data-testid=about-licences]');

  // The offline copy has them (scripts/precache.mjs): with no network the link still opens them.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    for (const name of names) if ((await (await caches.open(name)).keys()).some((r) => /third-party-licenses\./.test(r.url))) return true;
    return false;
  });
  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-testid=about-licences]').click();
  await page.waitForURL(/third-party-licenses\./);
  assert.match(await page.textContent('body'), /Third-party software in IOA-planleggeren/);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
