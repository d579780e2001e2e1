// The whole plan as one document: the print view has no app chrome and its headings in order,
// Markdown and Word downloads hold the plan, the Word writer is fetched only when asked for, and
// the page passes axe in nb, nn and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveDist, launch, freshPage, axe, openExample, createPlan, saved, storedPlans, TOOL_IDS, TOOLS, switchLanguage, text, textPattern,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const LOCALES = Object.fromEntries(['nb', 'nn', 'en'].map((l) => [l, json(`../locales/${l}.json`)]));
/** A button or a status line found by its bokmål text from the locale file. */
const button = (key) => `button:has-text("${text('nb', key)}")`;
const status = (key) => `.plan-document__status:has-text("${text('nb', key)}")`;
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
  const md = await download(page, button('plan_document.md'));
  // The time is in the name: two downloads on one day get different names.
  assert.match(md.name, new RegExp(`^${text('nb', 'plan_document.file_prefix')} – ${plan.title} – \\d{4}-\\d{2}-\\d{2} \\d{2}\\.\\d{2}\\.md$`));
  const markdown = readFileSync(md.path, 'utf8');
  assert.ok(markdown.startsWith(`# ${plan.title}\n`), markdown.slice(0, 80));
  for (const heading of chapters('nb')) assert.ok(markdown.includes(`\n## ${heading}\n`), heading);
  assert.ok(markdown.includes(`**${LOCALES.nb['document.organisation']}:** ${plan.organisation}`));
  const need = plan.registers.needs[0].cells.name;
  assert.ok(markdown.includes(need), `the first need (${need}) is in the Markdown`);
  await page.click(button('plan_document.copy_md'));
  await page.waitForSelector(status('plan_document.copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), markdown, 'the copy is the download');

  assert.ok(!pageRequests.some((u) => u.includes('docx-worker')), 'the page does not load the Word writer until asked for');
  const word = await download(page, button('plan_document.docx'));
  assert.ok(pageRequests.some((u) => /docx-worker_loader\.[0-9a-f]{12}\.js$/.test(u)), 'the Word writer was started on demand');
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
  await page.waitForSelector(status('plan_document.docx_done'));
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the document follows a chosen language, and the print view has no axe violations in nb, nn and en', async () => {
  const { context, page } = await freshPage(browser);
  await openWholeDocument(page);
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
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

/** The Word file's body text (word/document.xml). */
function wordBody(path) {
  return execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', path], { encoding: 'utf8' });
}

/** Opens the whole plan of plan `id` by its link. */
async function openDocumentOf(page, id) {
  await page.goto(`${server.url}#/plan/${id}/document`);
  await page.waitForSelector('.plan-document h1');
}

test('a phrase written in a roadmap step is in the whole plan on screen, in print, Markdown and Word; the title block gives a citable version', async () => {
  const { context, page, log } = await freshPage(browser);
  const id = await createPlan(page, server.url, 'Veikartplan');
  const phrase = 'Nattbesøkene vekker brukerne tre ganger hver natt';
  await page.goto(`${server.url}#/plan/${id}/anchoring/problem-goals`);
  await page.fill('#f-anchoring-problem-goals-problem', phrase);
  await saved(page);
  const [stored] = await storedPlans(page);
  await openDocumentOf(page, id);
  const chapter = page.locator('#chapter-anchoring');
  assert.equal(await chapter.locator('h2').textContent(), chapters('nb').at(-6));
  assert.ok((await chapter.textContent()).includes(phrase), 'on screen, in the phase chapter');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator(`#chapter-anchoring p:has-text("${phrase}")`).isVisible(), 'in the print view');
  await page.emulateMedia({ media: 'screen' });
  // The title block: the plan's last change, its save number and the app's version.
  const meta = Object.fromEntries(await page.$$eval('.document__meta > div', (ds) => ds.map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').textContent])));
  assert.equal(meta[LOCALES.nb['plan_document.save_number']], String(stored.revision));
  assert.match(meta[LOCALES.nb['plan_document.changed']], /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  // The version and the build (src/lib.rs, app_version): "0.1.0+<commit>", "-modified" when built from changes.
  assert.match(meta[LOCALES.nb['plan_document.made_with']], new RegExp(`^${text('nb', 'plan_document.app', { version: '\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}(-modified)?' })}$`));
  assert.ok(!Object.keys(meta).some((k) => k.includes('lagringer')), 'no "Versjon (lagringer)" (a label of an earlier build, not in today\'s locale)');
  const md = await download(page, button('plan_document.md'));
  assert.ok(readFileSync(md.path, 'utf8').includes(phrase), 'in the Markdown');
  const word = await download(page, button('plan_document.docx'));
  assert.ok(wordBody(word.path).includes(phrase), 'in the Word file');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('internal columns and unanswered parts can be left out, on screen and in the files, and the choice is kept with the plan', async () => {
  const { context, page, log } = await freshPage(browser);
  const id = await openWholeDocument(page);
  const plan = EXAMPLE.nb;
  const concern = plan.answers['leadership/leaders/concerns'].text.split('\n')[0].replace(/^- /, '').slice(0, 40);
  const doc = page.locator('.plan-document');
  // Included by default, marked internal, and the title block says so.
  // Column names (Holdning, Påvirkning) are content (content/registers.json); the markings are UI texts.
  assert.ok(await doc.locator(`th:text-is("${text('nb', 'document.internal_label', { label: 'Holdning' })}")`).count() > 0);
  assert.ok((await doc.textContent()).includes(concern));
  await page.check('#leave-out-internal');
  const leftOut = textPattern('nb', 'plan_document.internal.left_out');
  await page.locator('.document__meta dd', { hasText: leftOut }).waitFor();
  assert.equal(await doc.locator('th:has-text("Holdning")').count(), 0, 'no attitude column');
  assert.equal(await doc.locator('th:has-text("Påvirkning")').count(), 0);
  const body = await doc.locator('.plan-document__chapters').textContent();
  assert.ok(!body.includes(concern), 'no notes about what worries named leaders');
  assert.ok(body.includes('Kommunedirektør Per Aasen'), 'who the stakeholders are stays');
  const md = readFileSync((await download(page, button('plan_document.md'))).path, 'utf8');
  assert.ok(!md.includes('| Holdning') && !md.includes(concern), 'left out of the Markdown');
  assert.match(md, new RegExp(`\\*\\*${text('nb', 'plan_document.internal.label')}:\\*\\* ${leftOut.source}`), 'the Markdown says so');
  const word = wordBody((await download(page, button('plan_document.docx'))).path);
  assert.ok(!word.includes('>Holdning<') && !word.includes(concern), 'left out of the Word file');
  assert.match(word, leftOut, 'the Word file says so');

  // Unanswered parts: none one by one, a short list at the end of each chapter.
  assert.ok(await doc.locator('.document__item--missing').count() > 10, 'the example has unanswered parts (its roadmap)');
  await page.check('#leave-out-unanswered');
  await page.waitForFunction(() => document.querySelectorAll('.document__item--missing').length === 0);
  const heading = LOCALES.nb['plan_document.unanswered.heading'];
  const lists = await page.$$eval('.plan-document__chapter', (cs, h) => cs.map((c) => [c.id, [...c.querySelectorAll('.document__section > h3')].at(-1)?.textContent === h]), heading);
  assert.ok(lists.find(([chapter]) => chapter === 'chapter-anchoring')[1], 'the empty phase ends with its list of unanswered parts');
  const md2 = readFileSync((await download(page, button('plan_document.md'))).path, 'utf8');
  assert.ok(!md2.includes(`*${LOCALES.nb['document.missing']}*`), 'no part says "not answered" in the Markdown');
  assert.ok(md2.includes(`### ${heading}`), 'each chapter lists them in the Markdown');
  const word2 = wordBody((await download(page, button('plan_document.docx'))).path);
  assert.ok(!word2.includes(LOCALES.nb['document.missing']) && word2.includes(heading), 'and in the Word file');
  // Remembered per plan: stored, and still chosen after a reload.
  await saved(page);
  const stored = (await storedPlans(page)).find((p) => p.id === id);
  assert.deepEqual(stored.whole_document, { leave_out_unanswered: true, leave_out_internal: true });
  await page.reload();
  await page.waitForSelector('.plan-document h1');
  assert.ok(await page.isChecked('#leave-out-unanswered') && await page.isChecked('#leave-out-internal'));
  assert.equal(await doc.locator('.document__item--missing').count(), 0);
  for (const lang of ['nb', 'nn', 'en']) {
    await switchLanguage(page, lang);
    await page.waitForSelector(`.document-choices legend:text-is("${LOCALES[lang]['plan_document.choices.legend']}")`);
    assert.deepEqual(await axe(page), [], `${lang} with choices`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
