// Trunk's pre_build hook: Designsystemet's stylesheet with only the rules the app can use.
// The package's index.css styles every component (147 KB); PurgeCSS keeps a rule when a class,
// element or attribute value it names appears anywhere in the app's sources (Rust views and
// DOM builders, index.html, public/*.js). Rules that name none (tokens, :root, base) stay.
// Output: style/generated/ds-components.css (not committed; index.html links it).
import { PurgeCSS } from 'purgecss';
import { mkdirSync, writeFileSync, readFileSync, statSync } from 'node:fs';

const source = 'node_modules/@digdir/designsystemet-css/dist/src/index.css';
const out = 'style/generated/ds-components.css';
const [result] = await new PurgeCSS().purge({
  css: [source],
  content: ['src/**/*.rs', 'index.html', 'public/*.js'],
  // Every word a source holds: class names in strings, tags in view! and DOM builders,
  // attribute values such as data-size="sm".
  defaultExtractor: (text) => text.match(/[A-Za-z0-9_-]+/g) ?? [],
  // Set by the browser, not by our sources.
  safelist: { standard: [/^:/, 'html', 'body'], greedy: [/data-color-scheme/, /open/, /popover/] },
  keyframes: true,
  fontFace: false,
  variables: false,
});
mkdirSync('style/generated', { recursive: true });
writeFileSync(out, result.css);
console.log(`purge-css: ${statSync(source).size} → ${Buffer.byteLength(result.css)} bytes`);
