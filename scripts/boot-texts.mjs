// Writes the boot failure texts (the `boot.` keys of locales/{nb,nn,en}.json) beside the build's
// boot.js as boot-texts.json, and each language's title into boot.js itself (run by
// scripts/build-app.sh). boot.js shows them when the app's code cannot be loaded, so they cannot
// come from the texts the app loads; it fetches the file only then (fetch, unlike a script,
// works whatever type the server gives it), and falls back to the title alone if even that
// fails. So every first load does not carry them. The locale files stay the one place for every
// text, checked for completeness like the rest.
// Usage: node scripts/boot-texts.mjs <boot.js to fill in>
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const [bootFile] = process.argv.slice(2);
if (!bootFile) throw new Error('usage: node scripts/boot-texts.mjs <boot.js>');
const MARKER = '/* boot-texts */ {}';
const texts = {};
for (const lang of ['nb', 'nn', 'en']) {
  const locale = JSON.parse(await readFile(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8'));
  texts[lang] = Object.fromEntries(Object.entries(locale).filter(([k]) => k.startsWith('boot.')));
  if (Object.keys(texts[lang]).length === 0) throw new Error(`boot-texts: locales/${lang}.json has no boot. texts`);
}
const boot = await readFile(bootFile, 'utf8');
if (!boot.includes(MARKER)) throw new Error(`boot-texts: ${bootFile} has no "${MARKER}": was it filled in twice?`);
// The new-build line too: that build's boot-texts.json is gone from the server with it.
const keep = ['boot.failed.title', 'boot.failed.retry', 'boot.failed.newbuild'];
const titles = Object.fromEntries(Object.entries(texts).map(([lang, t]) => [lang, Object.fromEntries(keep.map((k) => [k, t[k]]))]));
await writeFile(bootFile, boot.replace(MARKER, JSON.stringify(titles)));
await writeFile(join(dirname(bootFile), 'boot-texts.json'), JSON.stringify(texts));
console.log(`boot-texts: ${Object.keys(texts.nb).length} texts in each of nb, nn, en`);
