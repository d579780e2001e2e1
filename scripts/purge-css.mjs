// Trunk's pre_build hook: Designsystemet's stylesheet with only the rules the app can use.
// The package's index.css styles every component (147 KB). A selector is kept unless a class
// it names outside any parentheses (`.ds-avatar` in `.ds-avatar-stack>.ds-avatar`) appears
// nowhere in the app's sources (Rust views and DOM builders, index.html, public/*.js). Names
// inside :is(), :where(), :not() and :has() are not judged: `.ds-input:not([size],[cols])` gives
// every input its width whether or not `cols` is used (PurgeCSS drops such selectors, which
// broke reflow at 320 px). Tags and attributes are never judged. Tokens, :root and base stay.
// Output: style/generated/ds-components.css (not committed; index.html links it).
import postcss from 'postcss';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = 'node_modules/@digdir/designsystemet-css/dist/src/index.css';
const out = 'style/generated/ds-components.css';

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
  });
}
const text = [...files('src', '.rs'), 'index.html', ...files('public', '.js')].map((f) => readFileSync(f, 'utf8')).join('\n');
const used = new Set(text.match(/[A-Za-z0-9_-]+/g));

/** The selector with everything inside parentheses (and strings) left out. */
function outside(selector) {
  let depth = 0, kept = '';
  for (const c of selector) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) kept += c;
  }
  return kept;
}
const keep = (selector) => (outside(selector).match(/\.(-?[A-Za-z_][\w-]*)/g) ?? []).every((c) => used.has(c.slice(1)));

const root = postcss.parse(readFileSync(source, 'utf8'), { from: source });
let dropped = 0;
root.walkRules((rule) => {
  if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
  const selectors = rule.selectors.filter(keep);
  dropped += rule.selectors.length - selectors.length;
  if (selectors.length === 0) rule.remove();
  else rule.selectors = selectors;
});
// At-rules left empty (a @media or @layer block whose rules all went).
let removed;
do {
  removed = 0;
  root.walkAtRules((at) => { if (at.nodes && at.nodes.length === 0) { at.remove(); removed++; } });
} while (removed);
mkdirSync('style/generated', { recursive: true });
const css = root.toString();
writeFileSync(out, css);
console.log(`purge-css: ${statSync(source).size} → ${Buffer.byteLength(css)} bytes (${dropped} selectors dropped)`);
