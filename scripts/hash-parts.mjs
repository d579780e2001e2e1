// Gives every part of the app's wasm (split_*.wasm, chunk_*.wasm) a name with a hash of its
// content, and rewrites the names in the build's __wasm_split.js (which loads them) and boot.js
// (which preloads a deep link's part). Run by scripts/build-app.sh after wasm-opt and terser, so
// the hash is of the file as served.
//
// Why: a tab keeps its main wasm and __wasm_split.js in memory. Without a service worker in
// control (blocked by a policy, a private window, the first visit), a part asked for after a new
// build was deployed came from the new build and ran against the old main code. With the hash in
// the name, the old tab asks for its own build's file, which the new build does not have: the
// server answers 404, no other build's code is run, and the app offers to reload (src/app_update.rs,
// state "stale", set by scripts/split-loader.mjs's loader).
// Usage: node scripts/hash-parts.mjs <build folder>
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/hash-parts.mjs <build folder>');
const parts = (await readdir(dir)).filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f));
if (parts.length === 0) throw new Error(`hash-parts: no split_*.wasm or chunk_*.wasm in ${dir}; was it run twice?`);

const loaderFile = join(dir, '__wasm_split.js');
const bootFile = join(dir, 'boot.js');
let loader = await readFile(loaderFile, 'utf8');
let boot = await readFile(bootFile, 'utf8');
const quoted = (name) => new RegExp(`(["'\`])(\\./)?${name.replace('.', '\\.')}\\1`, 'g');
for (const file of parts) {
  const hash = createHash('sha256').update(await readFile(join(dir, file))).digest('hex').slice(0, 12);
  const hashed = file.replace(/\.wasm$/, `.${hash}.wasm`);
  const before = loader;
  loader = loader.replace(quoted(file), (_, q, dot = '') => `${q}${dot}${hashed}${q}`);
  if (loader === before) throw new Error(`hash-parts: ${file} is not named in __wasm_split.js`);
  boot = boot.replace(quoted(file), (_, q, dot = '') => `${q}${dot}${hashed}${q}`);
  await rename(join(dir, file), join(dir, hashed));
}
await writeFile(loaderFile, loader);
await writeFile(bootFile, boot);
console.log(`hash-parts: ${parts.length} parts named by their content`);
