// The whole plan as one document: the print view has no app chrome and its headings in order,
// Markdown and Word downloads hold the plan, the Word writer is fetched only when asked for, and
// the page passes axe in nb, nn and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, freshPage, axe, openExample, TOOL_IDS, TOOLS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, json(`../locales/${l}.json`)]));
const EXAMPLE = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, json(`../content/examples/elvebyen.${l}.json`)]));
const PHASE_IDS = ['anchoring', 'insight', 'development', 'piloting', 'transition', 'practice'];
const PHASES = PHASE_IDS.map((id) => json(`../content/roadmap/${id}.json`));

/** The chapter headings the document must have, in order, in `lang`. */
const chapters = (lang) => [
  LOCALES[lang]['plan_document.summary.title'],
  ...TOOL_IDS.map((id) => TOOLS[id].document.title[lang]),
  LOCALES[lang]['plan_document.decision.title'],
  LOCALES[lang]['plan_document.roadmap.title'],
  ...PHASES.map((p) => LOCALES[lang]['plan_document.phase_heading']
    .replace('{number}', p.number).replace('{phase}', p.title[lang]).replace('{document}', p.document.title[lang])),
];

async function openWholeDocument(page) {
  const id = await openExample(page, server.url);
  await page.click('.whole-plan-link a');
  await page.waitForURL(new RegExp(`#/plan/${id}/document$`));
  await page.waitForSelector('.plan-document h1');
  return id;
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const dir = mkdtempSync(join(tmpdir(), 'ioa-doc-'));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

test('the print view shows only the document, with its headings in order and a new page per tool', async () => {
  const { context, page, log } = await freshPage(browser);
  await openWholeDocument(page);
  await page.emulateMedia({ media: 'print' });
  const seen = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      chrome: ['.site-header', '.site-footer', '.plan-header', '.document-tools', 'nav', 'button', 'select']
        .flatMap((s) => [...document.querySelectorAll(s)]).filter(visible).map((el) => el.outerHTML.slice(0, 60)),
      headings: [...document.querySelectorAll('main :is(h1, h2, h3, h4)')].filter(visible).map((h) => [Number(h.tagName[1]), h.textContent.trim()]),
      breaks: [...document.querySelectorAll('.plan-document__chapter')].map((c) => getComputedStyle(c).breakBefore),
      rows: [...document.querySelectorAll('.plan-document tr')].slice(0, 3).map((r) => getComputedStyle(r).breakInside),
    };
  });
  assert.deepEqual(seen.chrome, [], 'no navigation, buttons or selects in print');
  assert.equal(seen.headings.filter(([l]) => l === 1).length, 1);
  assert.equal(seen.headings[0][1], EXAMPLE.nb.title);
  assert.deepEqual(seen.headings.filter(([l]) => l === 2).map(([, t]) => t), chapters('nb'));
  // No level is skipped: each heading is at most one level below the one before.
  seen.headings.reduce((prev, [level, text]) => { assert.ok(level <= prev + 1, `${text} jumps from h${prev} to h${level}`); return level; }, 0);
  assert.deepEqual(seen.breaks, ['auto', ...Array(chapters('nb').length - 1).fill('page')]);
  assert.deepEqual(seen.rows, ['avoid', 'avoid', 'avoid']);
  // Chromium's own PDF of the print view: A4 pages, several of them.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= chapters('nb').length, `${pages} pages`);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('Markdown downloads and copies with the plan in it; Word is fetched only when asked for and holds the plan', async () => {
  const { context, page, log } = await freshPage(browser);
  // The page's own requests (the service worker precaches every file, the worker's too, after
  // the first view: that is what keeps Word export working offline).
  const pageRequests = [];
  page.on('request', (r) => { if (!r.serviceWorker()) pageRequests.push(r.url()); });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await openWholeDocument(page);
  const plan = EXAMPLE.nb;
  const md = await download(page, 'button:has-text("Last ned Markdown")');
  // The time is in the name: two downloads on one day get different names.
  assert.match(md.name, /^Plandokument – Digitalt nattilsyn i hjemmetjenesten – \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.md$/);
  const text = readFileSync(md.path, 'utf8');
  assert.ok(text.startsWith(`# ${plan.title}\n`), text.slice(0, 80));
  for (const heading of chapters('nb')) assert.ok(text.includes(`\n## ${heading}\n`), heading);
  assert.ok(text.includes(`**${LOCALES.nb['document.organisation']}:** ${plan.organisation}`));
  const need = plan.registers.needs[0].cells.name;
  assert.ok(text.includes(need), `the first need (${need}) is in the Markdown`);
  await page.click('button:has-text("Kopier som Markdown")');
  await page.waitForSelector('.plan-document__status:has-text("Kopiert")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, 'the copy is the download');

  assert.ok(!pageRequests.some((u) => u.includes('docx-worker')), 'the page does not load the Word writer until asked for');
  const word = await download(page, 'button:has-text("Last ned Word-fil")');
  assert.ok(pageRequests.some((u) => u.includes('docx-worker_loader.js')), 'the Word writer was started on demand');
  assert.match(word.name, /\.docx$/);
  // The file is a zip of XML parts: the document's headings and tables, and its properties.
  const part = (name) => execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', word.path, name], { encoding: 'utf8' });
  const body = part('word/document.xml');
  for (const heading of chapters('nb')) assert.ok(body.includes(heading.replace(/&/g, '&amp;').replace(/’/g, '’')), `Word has the chapter ${heading}`);
  assert.ok(body.includes('w:val="Heading1"'), 'chapters use the Heading 1 style');
  assert.ok(body.includes(need), 'the first need is in the Word file');
  assert.ok((body.match(/<w:tbl>/g) ?? []).length >= 5, 'tables are real tables');
  const props = part('docProps/core.xml');
  assert.ok(props.includes(plan.title) && props.includes(plan.organisation.replace(/&/g, '&amp;')), props.slice(0, 300));
  await page.waitForSelector('.plan-document__status:has-text("Word-filen er lastet ned")');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the document follows a chosen language, and the print view has no axe violations in nb, nn and en', async () => {
  const { context, page } = await freshPage(browser);
  await openWholeDocument(page);
  for (const lang of ['nb', 'nn', 'en']) {
    await page.click(`.lang-switch button[lang=${lang}]`);
    await page.waitForSelector(`html[lang=${lang}]`);
    await page.waitForFunction((h) => [...document.querySelectorAll('.plan-document h2')].some((e) => e.textContent === h), chapters(lang)[1]);
    assert.deepEqual(await page.$$eval('.plan-document__chapter > h2', (hs) => hs.map((h) => h.textContent)), chapters(lang));
    for (const media of ['screen', 'print']) {
      await page.emulateMedia({ media });
      assert.deepEqual(await axe(page), [], `${lang} ${media}`);
    }
    await page.emulateMedia({ media: 'screen' });
  }
  // A language chosen for the document alone: the interface stays English.
  await page.selectOption('#doc-language', 'nn');
  await page.waitForSelector('.plan-document[lang=nn]');
  assert.deepEqual(await page.$$eval('.plan-document__chapter > h2', (hs) => hs.map((h) => h.textContent)), chapters('nn'));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});
