// Plans as files: export, import into a fresh profile, bad files refused with their message and
// storage unchanged, drag and drop, replace with a snapshot, restore, recovery, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveDist, launch, freshPage, ready, saved, storedPlans, axe, openExample, createPlan, text, textPattern, switchLanguage,
} from './harness.mjs';

let server, browser, dir;
before(async () => { server = await serveDist('/'); browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'ioa-files-')); });
after(async () => { await browser?.close(); await server?.close(); });

/** A bokmål message as a pattern: placeholders match anything. */
const message = (key) => textPattern('nb', key);

/** Every localStorage key and value, to prove a refused import changed nothing. */
const storageDump = (page) => page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** Clicks `selector` and returns the download's file name and text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Waits until no CSS animation runs (dialogs fade in; axe must see the final colours). */
const settled = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

/** Chooses files in the library's import input (as the file dialog would). */
async function importFiles(page, files) {
  await page.setInputFiles('#import-file', files);
}

const report = (page) => page.locator('.import-report li');

/** A valid export of the worked example, made once through the real export button. */
let exampleExport;
async function exampleFile() {
  if (exampleExport) return exampleExport;
  const { context, page } = await freshPage(browser);
  await openExample(page, server.url);
  exampleExport = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  await context.close();
  return exampleExport;
}

test('a plan with every kind of field arrives whole in a fresh browser profile', async () => {
  const { context, page, log } = await freshPage(browser);
  await openExample(page, server.url);
  assert.ok((await page.textContent('.keep-copy')).includes(text('nb', 'export.never')), 'never exported');
  const file = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  assert.match(file.name, new RegExp(`^${text('nb', 'export.file_prefix')} – .+ – \\d{4}-\\d\\d-\\d\\d \\d\\d\\.\\d\\d\\.json$`), 'date and time: two exports on one day differ');
  const envelope = JSON.parse(file.text);
  assert.equal(envelope.type, 'ioa-planleggeren/plan');
  assert.equal(envelope.formatVersion, 1);
  assert.equal(envelope.schemaVersion, envelope.plan.schema_version);
  assert.equal(envelope.language, 'nb');
  assert.match(envelope.exportedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.ok(envelope.appVersion);
  assert.ok(file.text.includes('\n  "'), 'pretty-printed');
  const [original] = await storedPlans(page);
  assert.deepEqual(envelope.plan, original, 'the file holds the stored plan');
  const kinds = new Set(Object.values(original.answers).map((a) => Object.keys(a)[0]));
  for (const kind of ['text', 'list', 'table', 'checks', 'date', 'amount', 'choice']) assert.ok(kinds.has(kind), `the example fills a ${kind} field`);
  assert.ok(Object.keys(original.registers).length >= 5);
  assert.match(await page.textContent('.keep-copy'), new RegExp(text('nb', 'export.last', { time: '\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d' })));
  assert.deepEqual(log.foreign, []);
  await context.close();

  const fresh = await freshPage(browser);
  await fresh.page.goto(server.url);
  await ready(fresh.page);
  const path = join(dir, file.name);
  await writeFile(path, file.text);
  await importFiles(fresh.page, path);
  await fresh.page.waitForSelector('.import-report li');
  assert.match(await report(fresh.page).first().textContent(), message('import_result.done'));
  const [imported] = await storedPlans(fresh.page);
  for (const field of Object.keys(original)) assert.deepEqual(imported[field], original[field], `field ${field}`);
  assert.deepEqual(imported, original);
  await fresh.page.click('.plan-card a.ds-link');
  await fresh.page.waitForSelector('.task-list');
  assert.match(await fresh.page.textContent('main h1'), new RegExp(original.title));
  assert.deepEqual(fresh.log.foreign, []);
  assert.deepEqual(fresh.log.errors, []);
  await fresh.context.close();
});

test('twenty-odd bad files are each refused with their own message, and storage is unchanged', async () => {
  const good = JSON.parse((await exampleFile()).text);
  const plan = good.plan;
  const withPlan = (change) => { const copy = structuredClone(good); change(copy.plan, copy); return JSON.stringify(copy, null, 2); };
  const fieldKey = Object.keys(plan.answers).find((k) => 'amount' in plan.answers[k]);
  const register = Object.keys(plan.registers).find((r) => plan.registers[r].length > 0);
  const valid = JSON.stringify(good, null, 2);
  const big = join(dir, 'stor.json');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const utf16 = Buffer.from(valid, 'utf16le');
  const files = [
    ['tom.json', Buffer.alloc(0), 'file_error.empty'],
    ['mellomrom.json', Buffer.from('  \n\t '), 'file_error.empty'],
    [big, null, 'file_error.too_large'],
    ['bilde.json', png, 'file_error.image'],
    ['dokument.json', Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml'), 'file_error.word_document'],
    ['skjema.json', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), 'file_error.pdf'],
    ['liste.json', Buffer.from('[]'), 'file_error.not_a_plan_file'],
    ['null.json', Buffer.from('null'), 'file_error.not_a_plan_file'],
    ['objekt.json', Buffer.from('{}'), 'file_error.not_a_plan_file'],
    ['annen-app.json', Buffer.from('{"name":"x","version":"1.0"}'), 'file_error.not_a_plan_file'],
    ['bare-type.json', Buffer.from('{"type":"ioa-planleggeren/plan"}'), 'file_error.missing_part'],
    ['format-999.json', Buffer.from(JSON.stringify({ ...good, formatVersion: 999 })), 'file_error.newer_format'],
    ['skjema-99.json', Buffer.from(withPlan((p, f) => { p.schema_version = 99; f.schemaVersion = 99; })), 'file_error.newer_schema'],
    ['sti-id.json', Buffer.from(withPlan((p) => { p.id = '../../index'; })), 'file_error.invalid_part'],
    ['lang-tittel.json', Buffer.from(withPlan((p) => { p.title = 'x'.repeat(100_000); })), 'file_error.invalid_part'],
    ['ukjent-svar.json', Buffer.from(withPlan((p) => { p.answers['tool/step/nope'] = { text: 'x' }; })), 'file_error.invalid_part'],
    ['feil-type.json', Buffer.from(withPlan((p) => { p.answers[fieldKey] = { text: 'mange penger' }; })), 'file_error.invalid_part'],
    ['dobbel-rad.json', Buffer.from(withPlan((p) => { p.registers[register].push(structuredClone(p.registers[register][0])); })), 'file_error.invalid_part'],
    ['dobbel-nokkel.json', Buffer.from(valid.replace('"formatVersion": 1,', '"formatVersion": 1, "formatVersion": 1,')), 'file_error.duplicate_key'],
    ['dyp.json', Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)), 'file_error.too_deep'],
    ['ugyldig-utf8.json', Buffer.concat([Buffer.from('{"type": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), 'file_error.encoding'],
    ['utf16-uten-bom.json', utf16, 'file_error.not_text'],
    ['avkuttet.json', Buffer.from(valid.slice(0, Math.floor(valid.length / 2))), 'file_error.truncated'],
    ['ekstra-tegn.json', Buffer.from(valid.replace('"formatVersion"', '#"formatVersion"')), 'file_error.damaged'],
  ];
  assert.ok(files.length >= 20);

  const { context, page, log } = await freshPage(browser);
  await createPlan(page, server.url, 'Planen som skal stå urørt');
  await page.goto(server.url);
  await ready(page);
  const before = await storageDump(page);
  for (const [name, buffer, key] of files) {
    const input = buffer === null ? name : { name, mimeType: 'application/json', buffer };
    await importFiles(page, input);
    const shortName = name.split('/').pop();
    const line = report(page).filter({ hasText: shortName });
    await line.waitFor({ timeout: 10_000 }).catch(() => assert.fail(`${shortName}: no message`));
    const text = await line.textContent();
    assert.match(text, message(key), `${name}: ${text}`);
    assert.equal(await report(page).count(), 1, `${shortName}: one message`);
    assert.equal(await storageDump(page), before, `${shortName}: storage unchanged`);
  }
  assert.equal(await page.locator('.plan-card').count(), 1);
  assert.deepEqual(log.errors, [], 'nothing panicked');
  assert.deepEqual(log.foreign, []);
  // The app still works: a good file goes in after all the bad ones.
  await importFiles(page, { name: 'god.json', mimeType: 'application/json', buffer: Buffer.from(valid) });
  await page.waitForSelector('.import-report li');
  assert.match(await report(page).first().textContent(), message('import_result.done'));
  assert.equal(await page.locator('.plan-card').count(), 2);
  await context.close();
});

test('several files at once: the good ones import, the bad one is named; markup stays text', async () => {
  const good = JSON.parse((await exampleFile()).text);
  const hostile = structuredClone(good);
  hostile.plan.id = 'p-hostile-1';
  hostile.plan.title = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const second = structuredClone(good);
  second.plan.id = 'p-second-1';
  second.plan.title = 'Andre plan';
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  await importFiles(page, [
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) },
    { name: 'odelagt.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "ioa-planleggeren/plan", ') },
    { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(second)) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('.import-report li').length === 3);
  const lines = await report(page).allTextContents();
  assert.match(lines[0], message('import_result.done'));
  assert.match(lines[1], /odelagt\.json/);
  assert.match(lines[1], message('file_error.truncated'));
  assert.match(lines[2], message('import_result.done'));
  assert.equal(await page.locator('.plan-card').count(), 2);
  assert.equal(await page.locator('.plan-card img').count(), 0, 'the title is not HTML');
  assert.ok(await page.locator('.plan-card', { hasText: '<script>window.pwned=2</script>' }).count());
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await context.close();
});

test('a file dropped on the library is imported', async () => {
  const { text } = await exampleFile();
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dratt.json', { type: 'application/json' }));
    return data;
  }, text);
  // Onto the list side of the library, then onto the drop zone itself: each file is read once.
  await page.dispatchEvent('.empty-state', 'dragover', { dataTransfer: transfer });
  assert.equal(await page.locator('.home-grid--dragging').count(), 1, 'the library shows it takes the file');
  await page.dispatchEvent('.empty-state', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('.plan-card');
  assert.equal(await page.locator('.home-grid--dragging').count(), 0);
  assert.deepEqual((await report(page).allTextContents()).length, 1);
  assert.match(await report(page).first().textContent(), /dratt\.json/);
  assert.equal((await storedPlans(page)).length, 1);
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
  await page.locator('dialog.conflict-dialog[open]').waitFor();
  assert.equal(await report(page).count(), 1, 'one file, one line: the drop is not read twice');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.conflict-dialog[open]'));
  assert.equal((await storedPlans(page)).length, 1);
  // Text dragged into a form field is left to the browser.
  const dragged = await page.evaluateHandle(() => { const d = new DataTransfer(); d.setData('text/plain', 'Tittel'); return d; });
  await page.dispatchEvent('#new-title', 'dragover', { dataTransfer: dragged });
  assert.equal(await page.locator('.home-grid--dragging').count(), 0);
  await context.close();
});

test('an import over an existing plan asks; replace keeps a snapshot, and restore brings it back (undoably)', async () => {
  const { context, page, log } = await freshPage(browser);
  const id = await openExample(page, server.url);
  const exported = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  // Change the plan here after exporting it.
  await page.goto(`${server.url}#/plan/${id}/startup/trigger`);
  const field = '#f-startup-trigger-situation';
  await page.waitForSelector(field);
  await page.fill(field, 'Endret etter eksporten');
  await saved(page);
  await page.goto(server.url);
  await ready(page);

  await importFiles(page, { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  const dialog = page.locator('dialog.conflict-dialog[open]');
  await dialog.waitFor();
  const [here, inFile] = await dialog.locator('.conflict-side').allTextContents();
  const side = (where, verdict) => new RegExp(`^${text('nb', where)}.*${text('nb', 'import_conflict.row.newer')}${text('nb', verdict)}$`, 's');
  assert.match(here, side('import_conflict.here', 'import_conflict.newer'), 'changed here after the export: newer');
  assert.match(inFile, side('import_conflict.in_file', 'import_conflict.older'));
  await settled(page);
  assert.deepEqual(await axe(page), [], 'conflict dialog (nb)');
  await dialog.getByRole('button', { name: text('nb', 'import_conflict.replace'), exact: true }).click();
  await page.waitForSelector('dialog.conflict-dialog[open]', { state: 'detached' }).catch(() => {});
  assert.equal(await page.locator('dialog.conflict-dialog[open]').count(), 0);
  // The answer as it was in the file, not merely some other text than the one typed here.
  const inTheFile = JSON.parse(exported.text).plan.answers['startup/trigger/situation'];
  assert.ok(inTheFile.text, 'the example answers the field');
  const [stored] = await storedPlans(page);
  assert.deepEqual(stored.answers['startup/trigger/situation'], inTheFile, 'the file replaced the plan');

  await page.goto(`${server.url}#/plan/${id}/versions`);
  await page.waitForSelector('.versions-list');
  const row = page.locator('.versions-list li', { hasText: text('nb', 'versions.reason.before_replace') });
  assert.equal(await row.count(), 1);
  assert.deepEqual(await axe(page), [], 'versions view (nb)');
  await row.locator('button.versions-item__restore').click();
  await page.waitForSelector('.ds-alert[data-color=success]');
  let [now] = await storedPlans(page);
  assert.equal(now.answers['startup/trigger/situation'].text, 'Endret etter eksporten', 'restored');
  await page.click('.ds-alert[data-color=success] button');
  await page.waitForFunction(() => !document.querySelector('.ds-alert[data-color=success]'));
  [now] = await storedPlans(page);
  assert.deepEqual(now.answers['startup/trigger/situation'], inTheFile, 'the restore was undone: the file\'s answer is back');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('keep both gives the import a new id and says it is an imported copy', async () => {
  const { context, page } = await freshPage(browser);
  await openExample(page, server.url);
  const exported = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  await page.goto(server.url);
  await ready(page);
  await importFiles(page, { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.locator('dialog.conflict-dialog[open]').getByRole('button', { name: text('nb', 'import_conflict.keep_both'), exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.plan-card').length === 2);
  const plans = await storedPlans(page);
  assert.equal(new Set(plans.map((p) => p.id)).size, 2);
  assert.ok(plans.some((p) => p.title.endsWith(`(${text('nb', 'import_result.copy_suffix')})`)), plans.map((p) => p.title).join(', '));
  await context.close();
});

test('an unreadable stored plan can be downloaded, tried as an import, and discarded after confirming', async () => {
  const { context, page, log } = await freshPage(browser);
  await page.goto(server.url);
  await ready(page);
  const raw = '{"schema_version":2,"id":"x","title":"Halv plan';
  await page.evaluate((r) => localStorage.setItem('ioa-planleggeren/plan/halv', r), raw);
  await page.reload();
  await ready(page);
  const recovery = page.locator('#recovery');
  await recovery.waitFor();
  assert.deepEqual(await axe(page), [], 'recovery view (nb)');
  const recoveryButton = (key) => recovery.getByRole('button', { name: text('nb', key), exact: true }).first();
  const [download1] = await Promise.all([page.waitForEvent('download'), recoveryButton('recovery.download').click()]);
  const file = { text: await readFile(await download1.path(), 'utf8') };
  assert.equal(file.text, raw, 'the raw text, byte for byte');
  await recoveryButton('recovery.try_import').click();
  await page.waitForSelector('.import-report li');
  assert.match(await report(page).first().textContent(), message('file_error.truncated'));
  await recoveryButton('recovery.discard').click();
  const confirm = page.locator('#recovery dialog[open]');
  await confirm.waitFor();
  await confirm.getByRole('button', { name: text('nb', 'recovery.confirm.discard'), exact: true }).click();
  await recovery.waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine'))), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an import in one tab reaches the other tab showing the plan', async () => {
  const { context, page } = await freshPage(browser);
  const id = await openExample(page, server.url);
  const exported = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  const file = JSON.parse(exported.text);
  file.plan.answers['startup/trigger/situation'] = { text: 'Fra fila' };
  const field = '#f-startup-trigger-situation';
  await page.goto(`${server.url}#/plan/${id}/startup/trigger`);
  await page.waitForSelector(field);

  const other = await context.newPage();
  await other.goto(server.url);
  await ready(other);
  await other.setInputFiles('#import-file', { name: 'fra-kollega.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await other.locator('dialog.conflict-dialog[open]').getByRole('button', { name: text('nb', 'import_conflict.replace'), exact: true }).click();
  await page.waitForFunction((f) => document.querySelector(f)?.value === 'Fra fila', field);

  // What the first tab had saved is not lost by a later replace: it is an earlier version.
  await page.fill(field, 'Skrevet her');
  await saved(page);
  file.plan.answers['startup/trigger/situation'] = { text: 'Fra fila igjen' };
  await other.setInputFiles('#import-file', { name: 'igjen.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await other.locator('dialog.conflict-dialog[open]').getByRole('button', { name: text('nb', 'import_conflict.replace'), exact: true }).click();
  await page.waitForFunction((f) => document.querySelector(f)?.value === 'Fra fila igjen', field);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/before-replace/')).map((k) => localStorage.getItem(k)));
  assert.ok(kept.some((raw) => raw.includes('Skrevet her')), 'the replaced version is kept as a snapshot');
  await context.close();
});

test('a restore in one tab reaches the other tab showing the plan', async () => {
  const { context, page } = await freshPage(browser);
  const id = await openExample(page, server.url);
  const field = '#f-startup-trigger-situation';
  await page.goto(`${server.url}#/plan/${id}/startup/trigger`);
  await page.waitForSelector(field);
  const original = await page.inputValue(field);
  await page.fill(field, 'Ny tekst');
  await saved(page);
  const other = await context.newPage();
  await other.goto(`${server.url}#/plan/${id}/versions`);
  await other.waitForSelector('.versions-list');
  await other.locator('.versions-list li', { hasText: text('nb', 'versions.reason.save') }).locator('button.versions-item__restore').click();
  await other.waitForSelector('.ds-alert[data-color=success]');
  await page.waitForFunction(([f, v]) => document.querySelector(f)?.value === v, [field, original]);
  await context.close();
});

test('export right after typing holds what is on screen; a reload one second after typing loses nothing', async () => {
  const { context, page } = await freshPage(browser);
  // Playwright's clock, so "one second after typing" is one second on the app's timers (the
  // save delay), run through rather than slept; it flows as real time otherwise.
  await page.clock.install();
  const id = await createPlan(page, server.url, 'Eksport midt i');
  const field = '#f-startup-trigger-situation';
  await page.goto(`${server.url}#/plan/${id}/startup/trigger`);
  await page.waitForSelector(field);
  await page.fill(field, 'Skrevet rett før eksport');
  // Straight to the overview and export, before the save delay has passed.
  await page.evaluate((p) => { location.hash = `#/plan/${p}`; }, id);
  const file = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  assert.equal(JSON.parse(file.text).plan.answers['startup/trigger/situation'].text, 'Skrevet rett før eksport');
  const [stored] = await storedPlans(page);
  assert.equal(stored.revision, JSON.parse(file.text).plan.revision, 'file and storage agree');
  const exportedLine = textPattern('nb', 'export.last');
  assert.match(await page.textContent('.keep-copy'), exportedLine);
  await page.goto(server.url);
  await ready(page);
  assert.match(await page.textContent('.plan-card'), exportedLine);

  await page.goto(`${server.url}#/plan/${id}/startup/trigger`);
  await page.waitForSelector(field);
  await page.fill(field, 'Skrevet ett sekund før omlasting');
  await page.clock.runFor(1000);
  await page.reload();
  await page.waitForSelector(field);
  assert.equal(await page.inputValue(field), 'Skrevet ett sekund før omlasting');
  // After that first edit the browser was asked to keep storage, and the answer is shown.
  await page.goto(`${server.url}#/plan/${id}`);
  await page.waitForSelector('.keep-copy .keep-note');
  const answers = ['keep.kept', 'keep.may_clear', 'keep.cannot_tell'].map((key) => text('nb', key));
  const note = (await page.textContent('.keep-copy .keep-note')).trim();
  assert.ok(answers.includes(note), `one of the three answers: ${note}`);
  await context.close();
});

test('the new views and dialogs have no axe violations in nn and en', async () => {
  const { context, page } = await freshPage(browser);
  const id = await openExample(page, server.url);
  const exported = await download(page, '.keep-copy button.ds-button[data-variant=primary]');
  await page.evaluate(() => {
    localStorage.setItem('ioa-planleggeren/plan/broken', '{');
    localStorage.setItem('ioa-planleggeren/plan/broken-too', '[');
  });
  // Earlier versions to list: the example replaced by its own export.
  await page.goto(server.url);
  await ready(page);
  await importFiles(page, { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.locator('dialog.conflict-dialog[open]').getByRole('button', { name: text('nb', 'import_conflict.replace'), exact: true }).click();
  for (const lang of ['nn', 'en']) {
    await switchLanguage(page, lang);
    await page.goto(`${server.url}#/plan/${id}`);
    await page.waitForSelector('.keep-copy');
    assert.deepEqual(await axe(page), [], `overview with export (${lang})`);
    await page.goto(`${server.url}#/plan/${id}/versions`);
    await page.waitForSelector('.versions-list');
    assert.deepEqual(await axe(page), [], `versions (${lang})`);
    await page.locator('.versions-list li button.versions-item__restore').first().click();
    await page.waitForSelector('.ds-alert[data-color=success]');
    assert.deepEqual(await axe(page), [], `versions after a restore, with Undo (${lang})`);
    await page.goto(server.url);
    await page.reload();
    await ready(page);
    await page.waitForSelector('#recovery');
    assert.equal(await page.locator('#recovery .recovery-item').count(), 2);
    await page.locator('#recovery .recovery-item').first().locator('.recovery-item__actions button[data-color=danger]').click();
    await page.waitForSelector('#recovery dialog[open]');
    await settled(page);
    assert.deepEqual(await axe(page), [], `recovery with two items and the discard dialog (${lang})`);
    await page.keyboard.press('Escape');
    await importFiles(page, [
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[]') },
      { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) },
    ]);
    await page.waitForSelector('dialog.conflict-dialog[open]');
    await settled(page);
    assert.deepEqual(await axe(page), [], `library with report, recovery and conflict dialog (${lang})`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog.conflict-dialog[open]'));
  }
  await context.close();
});
