// Trunk's pre_build hook: Designsystemet's stylesheet with only the rules the app can use.
// The package's index.css styles every component (147 KB). A selector is kept unless a class
// it names outside any parentheses (`.ds-avatar` in `.ds-avatar-stack>.ds-avatar`) appears
// nowhere in the app's sources (Rust views and DOM builders, index.html, public/*.js). Names
// inside :is(), :where(), :not() and :has() are not judged: `.ds-input:not([size],[cols])` gives
// every input its width whether or not `cols` is used (PurgeCSS drops such selectors, which
// broke reflow at 320 px); but a selector whose :is() or :where() group has no alternative
// that can match is dropped (see canMatch). Tags and attributes are never judged. Tokens, :root and base stay.
// The kept rules are split in two: those whose classes all appear in the library's sources
// (the first view: app.rs, the folder src/library/ and every module they name, followed by
// their `crate::…` paths) and the rest, which only the parts' views use and src/part_styles.rs adds
// with the first part. Both keep Designsystemet's @layer blocks, and the app's own CSS is
// unlayered, so the order the two files load in does not change which rule wins over ours.
// Output: style/generated/ds-components.css (index.html links it) and ds-parts.css (not
// committed).
import postcss from 'postcss';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = 'node_modules/@digdir/designsystemet-css/dist/src/index.css';
const out = 'style/generated/ds-components.css';
const outParts = 'style/generated/ds-parts.css';

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
  });
}
const text = [...files('src', '.rs'), 'index.html', ...files('public', '.js')].map((f) => readFileSync(f, 'utf8')).join('\n');
const used = new Set(text.match(/[A-Za-z0-9_-]+/g));

/** The library's sources: the crate's entry files, src/library.rs and its folder (the first load's
 * views) and every module of ours they name, except pages (core/tests/app_sources.rs walks the
 * same way). */
function librarySources() {
  const found = new Set(['src/app.rs', 'src/lib.rs', 'src/library.rs', ...files('src/library', '.rs')]);
  const queue = [...found];
  while (queue.length) {
    const body = readFileSync(queue.pop(), 'utf8');
    for (const [, path] of body.matchAll(/crate::((?:[a-z_]+::)*[a-z_]+)/g)) {
      const parts = path.split('::');
      if (parts[0] === 'pages') continue; // other views are parts
      for (let n = parts.length; n > 0; n--) {
        const file = `src/${parts.slice(0, n).join('/')}.rs`;
        if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
          if (!found.has(file)) { found.add(file); queue.push(file); }
          break;
        }
      }
    }
  }
  return [...found];
}
const library = librarySources();
const libraryText = [...library, 'index.html', ...files('public', '.js')].map((f) => readFileSync(f, 'utf8')).join('\n');
const usedFirst = new Set(libraryText.match(/[A-Za-z0-9_-]+/g));

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
const classes = (selector) => outside(selector).match(/\.(-?[A-Za-z_][\w-]*)/g) ?? [];

/** The alternatives of each outermost :is() and :where() (`:is(.ds-search,.ds-suggestion)`). */
function groups(selector) {
  const found = [];
  let depth = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '[') { depth++; continue; }
    if (c === ']') { depth--; continue; }
    if (c === ')') { depth--; continue; }
    if (c !== '(') continue;
    const opener = depth === 0 && selector.slice(0, i).match(/:(is|where)$/);
    depth++;
    if (!opener) continue;
    // The group's text up to its closing parenthesis, cut at its own commas.
    let inner = 0, alt = '', alts = [];
    for (i = i + 1; i < selector.length; i++) {
      const d = selector[i];
      if (d === '(' || d === '[') inner++;
      else if ((d === ')' || d === ']') && inner > 0) inner--;
      else if (d === ')') break;
      if (d === ',' && inner === 0) { alts.push(alt); alt = ''; } else alt += d;
    }
    alts.push(alt);
    depth--;
    found.push(alts);
  }
  return found;
}
/** Whether the selector can match where only the classes in `set` occur: every class it names
 * outside parentheses is used, and each :is()/:where() group has an alternative that can match
 * (a group none of whose alternatives can, `:is(.ds-search,.ds-suggestion)` in an app with
 * neither, makes the whole selector match nothing). :not() and :has() are never judged. */
const canMatch = (selector, set) =>
  classes(selector).every((c) => set.has(c.slice(1))) &&
  groups(selector).every((alts) => alts.some((alt) => canMatch(alt, set)));
const keep = (selector) => canMatch(selector, used);
const first = (selector) => canMatch(selector, usedFirst);

/** The stylesheet with only the selectors `wanted` keeps; returns it and how many went. */
function cut(wanted) {
  const root = postcss.parse(readFileSync(source, 'utf8'), { from: source });
  let dropped = 0;
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
    const selectors = rule.selectors.filter(wanted);
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
  return [root.toString(), dropped];
}
// Rules that are not rules of selectors (tokens, :root, keyframes) stay in the first file.
const [css, dropped] = cut((s) => keep(s) && first(s));
const [partsCss] = cut((s) => keep(s) && !first(s));
const partsOnly = postcss.parse(partsCss);
partsOnly.walkAtRules((at) => { if (/keyframes$/.test(at.name)) at.remove(); });
partsOnly.walkAtRules((at) => { if (at.nodes && at.nodes.length === 0) at.remove(); });
mkdirSync('style/generated', { recursive: true });
writeFileSync(out, css);
writeFileSync(outParts, partsOnly.toString());
console.log(`purge-css: ${statSync(source).size} → ${Buffer.byteLength(css)} bytes for the library (${library.length} source files), ${Buffer.byteLength(partsOnly.toString())} for the parts (${dropped} selectors out of the first)`);
