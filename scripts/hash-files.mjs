// Gives every file of the build but a few a name with a hash of its content, and rewrites the
// names where they are referenced (run by scripts/post-build.sh, after the parts got theirs from
// scripts/hash-parts.mjs and the content bundles were made, before sw.js's list is written).
//
// Why: a deploy copied file by file, a tab open across a deploy, or a browser cache could give
// build A's index.html or boot.js with build B's main wasm, glue, texts or stylesheets, and the
// app would run two builds' files together (wrong functions called, texts of another shape).
// With the hash in every name, a file only ever asks for its own build's files; one that is not
// there (yet, or any more) answers 404, which ends in boot.js's failure message or in the app's
// "a new version is on the server" notice (src/fetch.rs), never in another build's code.
//
// Keep their names (and are the only files to be served `no-cache`, docs/HOSTING.md): index.html,
// sw.js, manifest.webmanifest and icons/ (addresses the browser or the installed app keeps), the
// host's files (.nojekyll, web.config, staticwebapp.config.json) and sbom.cdx.json (for scanners;
// the app never loads it).
//
// References are rewritten where the build has them, and nowhere else:
//   CSS          url(...) of a built file (fonts.css's fonts)
//   JS           `from "./x.js"`, `import("./x")`, `new URL("x", …)`, `importScripts("./x")`,
//                `wasm_bindgen("./x")` (the glue, __wasm_split.js, the Word worker's loader);
//                never other strings: "./__wasm_split.js" is also the name of the main wasm's
//                import module, which must stay as it is
//   boot.js      gets the map (name -> the hash in its built name) in place of
//                `{ __IOA_FILES__: 0 }`; it starts the glue by it and publishes it as
//                `window.ioaFile(name)`, through which the app finds its texts, examples, stylesheets,
//                worker and licence notices (src/fetch.rs, built). Only files asked for by name are
//                in it, not those only other files name (fonts, the worker's own files,
//                __wasm_split.js, index.html's stylesheets), and only the hash: every first load
//                carries it (measured: 19 entries, +0.5 KiB brotli)
//   index.html   src= and href= of built files; integrity= dropped (see below)
// A file is hashed after the files it references, so its hash covers their names; the glue and
// __wasm_split.js import each other and share one hash of both.
// Usage: node scripts/hash-files.mjs <build folder>
import { createHash } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { files } from './files.mjs';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/hash-files.mjs <build folder>');

const FIXED = new Set(['index.html', 'sw.js', 'manifest.webmanifest', '.nojekyll', 'web.config', 'staticwebapp.config.json', 'sbom.cdx.json']);
const fixed = (f) => FIXED.has(f) || f.startsWith('icons/');
const PART = /^(split_\w+|chunk_\d+)\.[0-9a-f]{12}\.wasm$/; // named by scripts/hash-parts.mjs
const BOOT = 'boot.js';

const all = await files(dir);
if (!all.includes(BOOT)) throw new Error(`hash-files: no ${BOOT} in ${dir}; was it run twice?`);
const todo = all.filter((f) => !fixed(f) && !PART.test(f) && f !== BOOT).sort();
const content = new Map();
for (const f of [...todo, BOOT, 'index.html']) content.set(f, await readFile(join(dir, f)));
const text = (f) => content.get(f).toString('utf8');
const sha = (...chunks) => chunks.reduce((h, c) => h.update(c).update('\0'), createHash('sha256')).digest('hex').slice(0, 12);
const hashedName = (f, hash) => f.replace(/(\.[^./]+)$/, `.${hash}$1`);

// Each rewriter: (file, name -> built name or undefined) -> new text; `refs` lists what it would rewrite.
const JS_REF = /(\bfrom\s*|\bimport\s*\(\s*|\bnew URL\(\s*|\bimportScripts\(\s*|\bwasm_bindgen\(\s*)(["'`])(\.\/)?([\w./-]+)\2/g;
const CSS_REF = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;
const target = (from, ref) => posix.normalize(posix.join(posix.dirname(from), ref));
function rewrite(f, lookup) {
  if (f.endsWith('.js')) {
    return text(f).replace(JS_REF, (all, call, q, dot = '', ref) => {
      const to = lookup(target(f, ref));
      return to ? `${call}${q}${dot}${posix.relative(posix.dirname(f), to)}${q}` : all;
    });
  }
  if (f.endsWith('.css')) {
    return text(f).replace(CSS_REF, (all, q, ref) => {
      if (/^(data:|[a-z]+:\/\/|#)/.test(ref)) return all;
      const to = lookup(target(f, ref));
      return to ? `url(${q}${posix.relative(posix.dirname(f), to)}${q})` : all;
    });
  }
  return text(f);
}
const refs = new Map(todo.map((f) => {
  const found = new Set();
  rewrite(f, (name) => { if (todo.includes(name) && name !== f) found.add(name); return undefined; });
  return [f, found];
}));

// Hash in dependency order: a file once every file it names has its name; what is left then
// names itself in a circle (the glue and __wasm_split.js), and gets one hash of all of it.
const built = new Map(); // logical name -> built name
const settle = (group) => {
  const outside = (name) => (group.includes(name) ? undefined : built.get(name));
  const texts = group.map((f) => rewrite(f, outside));
  const hash = sha(...group.flatMap((f, i) => [f, texts[i]]));
  for (const f of group) built.set(f, hashedName(f, hash));
  group.forEach((f, i) => content.set(f, Buffer.from(group.length === 1 ? texts[i] : rewrite(f, (n) => built.get(n)))));
};
let left = [...todo];
while (left.length) {
  const ready = left.filter((f) => [...refs.get(f)].every((r) => built.has(r)));
  if (ready.length) {
    // Files with no reference are hashed as they are (fonts, wasm, JSON: bytes, not text).
    for (const f of ready) {
      if (refs.get(f).size === 0) built.set(f, hashedName(f, sha(content.get(f))));
      else settle([f]);
    }
    left = left.filter((f) => !built.has(f));
  } else {
    const circle = left.filter((f) => [...refs.get(f)].every((r) => built.has(r) || left.includes(r)));
    if (circle.length === 0) throw new Error(`hash-files: cannot order ${left}`);
    settle(circle);
    left = left.filter((f) => !built.has(f));
  }
}

// boot.js: the map, then its own hash.
const MARKER = /\{\s*__IOA_FILES__\s*:\s*0\s*\}/g;
const boot = text(BOOT);
if ((boot.match(MARKER) ?? []).length !== 1) throw new Error(`hash-files: ${BOOT} has no single { __IOA_FILES__: 0 }: was it filled in twice?`);
// boot.js starts the glue and the main wasm, and checks them and __wasm_split.js after a failure.
const BOOT_NEEDS = new Set(['ioa-planleggeren.js', '__wasm_split.js', 'ioa-planleggeren_bg.wasm']);
const named = new Set([...refs.values()].flatMap((r) => [...r]));
const linked = new Set([...text('index.html').matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(?:\.\/)?([^"]+)"/g)].map((m) => m[1]));
const asked = [...built].filter(([f]) => BOOT_NEEDS.has(f) || (!named.has(f) && !linked.has(f) && !f.startsWith('fonts/')));
const map = Object.fromEntries(asked.sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, name]) => [f, name.match(/\.([0-9a-f]{12})\.[^./]+$/)[1]]));
content.set(BOOT, Buffer.from(boot.replace(MARKER, () => JSON.stringify(map))));
built.set(BOOT, hashedName(BOOT, sha(content.get(BOOT))));

// index.html: every src=/href= of a built file; integrity= dropped.
let page = text('index.html').replace(/\b(src|href)="(\.\/)?([^"#?]+)"/g, (all, attr, dot = '', ref) => {
  const to = built.get(ref);
  return to ? `${attr}="${dot}${to}"` : all;
});
// Trunk gives each stylesheet link an integrity hash (sha384). Every file here is named by its
// own content and served from the page's own origin, so the hash in the name already ties the
// link to one file, and whoever could change the file could change index.html too: the
// attributes are dropped, 6 x 71 characters that do not compress (about 300 B of the first load).
page = page.replace(/<link\b[^>]*>/g, (tag) => tag.replace(/\s+integrity="[^"]*"/, ''));
// Trunk leaves the main rust link marked data-trunk-skip (it only stops Trunk building the app
// whole, index.html): not for the browser.
page = page.replace(/\s*<link data-trunk\b[^>]*>/g, '');
for (const must of [BOOT, 'ioa-planleggeren.js', 'ioa-planleggeren_bg.wasm', '__wasm_split.js']) {
  if (!page.includes(`"${built.get(must)}"`) && !page.includes(`"./${built.get(must)}"`)) throw new Error(`hash-files: index.html does not name ${must}`);
}
content.set('index.html', Buffer.from(page));

for (const [logical, name] of built) {
  await writeFile(join(dir, name), content.get(logical));
  if (name !== logical) await unlink(join(dir, logical));
}
await writeFile(join(dir, 'index.html'), content.get('index.html'));
console.log(`hash-files: ${built.size} files named by their content (${all.length - built.size} kept their names or were named already)`);

