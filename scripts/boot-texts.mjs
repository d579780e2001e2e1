// Writes the boot failure texts (the `boot.` keys of locales/{nb,nn,en}.json) into the build's
// boot.js (run by scripts/build-app.sh). boot.js shows them when the app's code cannot be loaded,
// so they cannot come from the texts the app loads; the locale files stay the one place for
// every text, checked for completeness like the rest.
// Usage: node scripts/boot-texts.mjs <boot.js to fill in>
import { readFile, writeFile } from 'node:fs/promises';

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
await writeFile(bootFile, boot.replace(MARKER, JSON.stringify(texts)));
console.log(`boot-texts: ${Object.keys(texts.nb).length} texts in each of nb, nn, en`);
