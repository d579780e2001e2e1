// Writes into the build's boot.js which wasm files each part of the app needs, and the
// stylesheets every part needs (run by scripts/build-app.sh). boot.js preloads a deep link's part
// at once; without this list it could only learn the files from __wasm_split.js, which fetches
// them after the main wasm has started and the view has asked for the part. The list is read from wasm-split-cli's own __wasm_split.js
// (before terser), so it cannot drift from what the loader fetches: every loader there is
// `makeLoad(() => { ... fetch(new URL("./<file>.wasm", import.meta.url)) ... }, [<loaders it needs>])`,
// and a part's loader is exported as `__wasm_split_load_<part>`.
// The stylesheets are the files of style/parts/ (as build.rs lists them for src/part_styles.rs)
// and ds-parts.css; to preload them their order does not matter.
// Usage: node scripts/parts-map.mjs <__wasm_split.js> <boot.js to fill in>
import { readdir, readFile, writeFile } from 'node:fs/promises';

const [loaderFile, bootFile] = process.argv.slice(2);
if (!loaderFile || !bootFile) throw new Error('usage: node scripts/parts-map.mjs <__wasm_split.js> <boot.js>');
const MARKER = '/* parts-map */ {}';
const SHEETS_MARKER = '/* part-sheets */ []';

const source = await readFile(loaderFile, 'utf8');
const loaders = new Map(); // loader name -> { file, deps }
const pattern = /const\s+(\w+)\s*=\s*(?:wrapAsyncCb\(\s*)?makeLoad\(\s*\(\)\s*=>\s*\{[^}]*?new URL\("\.\/([^"]+\.wasm)"[\s\S]*?\}\s*,\s*\[([^\]]*)\]/g;
for (const [, name, file, deps] of source.matchAll(pattern)) {
  loaders.set(name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) });
}

/** A loader's file and, depth first, the files of every loader it waits for. */
function files(name, seen = new Set()) {
  const loader = loaders.get(name);
  if (!loader) throw new Error(`parts-map: ${loaderFile} names a loader it does not define: ${name}`);
  if (seen.has(name)) return [];
  seen.add(name);
  return [loader.file, ...loader.deps.flatMap((d) => files(d, seen))];
}

const parts = {};
for (const name of loaders.keys()) {
  const part = name.match(/^__wasm_split_load_(\w+)$/)?.[1];
  if (part) parts[part] = files(name);
}
if (Object.keys(parts).length === 0) throw new Error(`parts-map: no part loaders found in ${loaderFile}; has wasm-split-cli's output changed?`);

const sheets = ['ds-parts.css', ...(await readdir('style/parts')).filter((f) => f.endsWith('.css')).map((f) => `style/${f}`)];

const boot = await readFile(bootFile, 'utf8');
for (const marker of [MARKER, SHEETS_MARKER]) {
  if (!boot.includes(marker)) throw new Error(`parts-map: ${bootFile} has no "${marker}": was it filled in twice?`);
}
await writeFile(bootFile, boot.replace(MARKER, JSON.stringify(parts)).replace(SHEETS_MARKER, JSON.stringify(sheets)));
console.log(`parts-map: ${Object.entries(parts).map(([p, f]) => `${p} ${f.length}`).join(', ')} files`);
