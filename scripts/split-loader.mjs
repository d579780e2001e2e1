// Post-processes wasm-split-cli's __wasm_split.js (run by scripts/build-app.sh, after
// scripts/parts-map.mjs has read it). wasm-split-cli compiles every part with
// WebAssembly.instantiateStreaming, which refuses a .wasm the server sends with another type than
// application/wasm (older IIS and many intranet servers send application/octet-stream): the
// library opened, but every plan failed. The main wasm's glue (wasm-bindgen) falls back to
// arrayBuffer() + instantiate(); this gives the parts the same fallback, chosen by the response's
// type before the body is read, and a clear error for a status other than 200; a part that is
// gone from the server marks the tab as running an old build (see the helper below).
// Usage: node scripts/split-loader.mjs <__wasm_split.js>
import { readFile, writeFile } from 'node:fs/promises';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/split-loader.mjs <__wasm_split.js>');
const CALL = /WebAssembly\.instantiateStreaming\(\s*src\s*,\s*imports\s*\)/g;
const HELPER = `
// Added by scripts/split-loader.mjs: a part loads whatever type the server gives .wasm, and a
// part that is not there any more (404, or a page in place of the file) means a new build
// replaced this tab's on the server (scripts/hash-parts.mjs): the tab is told (src/app_update.rs,
// "stale") and nothing of another build is run.
function partOfAnotherBuild(url) {
    const root = document.documentElement;
    if (!root.dataset.update || root.dataset.update === "current") {
        root.dataset.update = "stale";
        window.dispatchEvent(new CustomEvent("ioa-update", { detail: "stale" }));
    }
    return new Error(\`this build's part is not on the server any more: \${url}\`);
}
async function instantiatePart(source, imports) {
    const response = await source;
    if (response.status === 404 || response.status === 410) throw partOfAnotherBuild(response.url);
    if (!response.ok) throw new Error(\`failed to fetch Wasm: \${response.status} \${response.url}\`);
    const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
    if (type === "application/wasm" && typeof WebAssembly.instantiateStreaming === "function") {
        return WebAssembly.instantiateStreaming(response, imports);
    }
    const bytes = await response.arrayBuffer();
    if (new Uint8Array(bytes.slice(0, 4)).join() !== "0,97,115,109") throw partOfAnotherBuild(response.url);
    return WebAssembly.instantiate(bytes, imports);
}
`;

const source = await readFile(file, 'utf8');
if (source.includes('function instantiatePart(')) throw new Error(`split-loader: ${file} was processed twice`);
const loaders = (source.match(/makeLoad\(/g) ?? []).length - 1; // minus the definition
const calls = (source.match(CALL) ?? []).length;
if (calls === 0 || calls !== loaders) {
  throw new Error(`split-loader: ${calls} instantiateStreaming calls for ${loaders} loaders in ${file}; has wasm-split-cli's output changed?`);
}
const lines = source.split('\n');
const imports = lines.findIndex((l) => !l.startsWith('import ')); // the helper goes after the imports
lines.splice(imports, 0, HELPER);
await writeFile(file, lines.join('\n').replace(CALL, 'instantiatePart(src, imports)'));
console.log(`split-loader: ${calls} parts load with or without application/wasm`);
