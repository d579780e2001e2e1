// Writes the build's third-party licence notices (third-party-licenses.txt, linked from the about
// page) and its software bill of materials (sbom.cdx.json, CycloneDX 1.5) into the build folder.
// Run by scripts/post-build.sh before the files get their hashed names.
//
// Why a script and not cargo-about or cargo-cyclonedx: installing cargo-about on a fresh CI
// machine compiles for minutes (measured in the commit that added this), and neither tool knows
// the npm packages whose files are served. What ships is small and known:
//   - the Rust crates compiled into the app's wasm and the Word worker's wasm: the normal
//     dependencies of the packages ioa-planleggeren and ioa-docx for wasm32, followed
//     transitively (not dev or build dependencies, and not proc-macro crates, which run in the
//     compiler and ship no code), as `cargo tree -e normal,no-proc-macro` lists them: it resolves
//     features as the build does, where `cargo metadata`'s graph unifies them with the tests' and
//     listed three crates that never ship (getrandom, rand_core, toml_writer); their details
//     (licence, source folder, repository) come from `cargo metadata`;
//     each crate's licence files (LICENSE*, LICENCE*, COPYING*, NOTICE*, UNLICENSE*) are read from
//     its source folder; a crate published without one gets the standard text of its licence;
//   - Rust's standard library, compiled into the wasm (scripts/build-app.sh builds it for size),
//     with the toolchain's own licence texts;
//   - the npm packages whose files are in dist/ (NPM_SHIPPED below: nothing else of node_modules
//     is served; the rest are build and test tools).
// Nothing is fetched: Cargo.lock, the cargo registry's sources and node_modules are on disk.
// The text file is plain text with a UTF-8 byte order mark, so a browser reads names like
// "Müller" right whatever charset the server names.
// Usage: node scripts/third-party.mjs <build folder>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/third-party.mjs <build folder>');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHIPPED_PACKAGES = ['ioa-planleggeren', 'ioa-docx']; // the app's wasm, the Word worker's wasm
// npm packages whose files are served, and which files (checked to be in the build).
const NPM_SHIPPED = {
  '@digdir/designsystemet-css': ['designsystemet.css', 'ds-components.css', 'ds-parts.css'], // scripts/purge-css.mjs cuts its index.css
  '@fontsource/inter': ['fonts/inter-400.woff2', 'fonts/inter-600.woff2'], // scripts/fonts.sh subsets its fonts
};
const LICENCE_FILE = /^(licen[cs]e|copying|notice|unlicense)/i;

const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--filter-platform', 'wasm32-unknown-unknown', '--locked', '--offline'], { cwd: ROOT, maxBuffer: 64 << 20 }));
const packages = new Map(metadata.packages.map((p) => [p.id, p]));
const nodes = new Map(metadata.resolve.nodes.map((n) => [n.id, n]));
const members = new Set(metadata.workspace_members);
const procMacro = (p) => p.targets.some((t) => t.kind.includes('proc-macro'));

// What the build compiles into the wasm files, by name@version.
const tree = execFileSync('cargo', ['tree', '--offline', '--locked', '-e', 'normal,no-proc-macro', '--target', 'wasm32-unknown-unknown',
  ...SHIPPED_PACKAGES.flatMap((p) => ['-p', p]), '--prefix', 'none', '--format', '{p}'], { cwd: ROOT, encoding: 'utf8' });
const inTree = new Set(tree.split('\n').filter(Boolean).map((l) => l.replace(/ \(.*$/, '').replace(/ v/, '@')));
const idOf = new Map(metadata.packages.map((p) => [`${p.name}@${p.version}`, p.id]));
const shipped = new Set([...inTree].map((c) => idOf.get(c) ?? (() => { throw new Error(`third-party: cargo tree names ${c}, cargo metadata does not`); })()));
for (const p of SHIPPED_PACKAGES) if (![...shipped].some((id) => packages.get(id).name === p)) throw new Error(`third-party: ${p} is not in cargo tree's list`);
// Who depends on whom among them (for the SBOM), from cargo metadata's graph.
const edges = new Map([...shipped].map((id) => [id, nodes.get(id).deps
  .filter((d) => d.dep_kinds.some((k) => k.kind === null) && shipped.has(d.pkg) && !procMacro(packages.get(d.pkg)))
  .map((d) => d.pkg)]));

// Cargo.lock's checksums (sha256 of the .crate file), for the SBOM.
const checksums = new Map();
for (const block of readFileSync(join(ROOT, 'Cargo.lock'), 'utf8').split('[[package]]').slice(1)) {
  const field = (k) => block.match(new RegExp(`^${k} = "([^"]+)"`, 'm'))?.[1];
  if (field('checksum')) checksums.set(`${field('name')}@${field('version')}`, field('checksum'));
}

const toolchainLicences = join(execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim(), 'share/doc/rust/licenses');
const standardText = (spdx) => {
  const file = join(toolchainLicences, `${spdx}.txt`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};
const expression = (licence) => licence?.replace(/\s*\/\s*/g, ' OR ');
const licenceFiles = (folder) => readdirSync(folder)
  .filter((f) => LICENCE_FILE.test(f) && statSync(join(folder, f)).isFile())
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(folder, f), 'utf8') }));

/** Every component: { kind, name, version, licence, purl, url, files: [{ name, text }], hash? } */
const components = [];
for (const id of shipped) {
  if (members.has(id)) continue; // the app's own crates
  const p = packages.get(id);
  if (!p.license) throw new Error(`third-party: ${p.name} ${p.version} names no licence (license_file: ${p.license_file})`);
  components.push({
    kind: 'cargo', id, name: p.name, version: p.version, licence: expression(p.license),
    purl: `pkg:cargo/${p.name}@${p.version}`, url: p.repository ?? p.homepage ?? `https://crates.io/crates/${p.name}`,
    authors: p.authors ?? [], files: licenceFiles(dirname(p.manifest_path)), checksum: checksums.get(`${p.name}@${p.version}`),
  });
}
const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim(); // "rustc 1.95.0 (… date)"
const rustVersion = rustc.split(' ')[1];
components.push({
  kind: 'rust-std', name: 'Rust standard library (std, core, alloc and the crates they use)', version: rustVersion,
  licence: 'MIT OR Apache-2.0', purl: `pkg:generic/rust-std@${rustVersion}`, url: 'https://github.com/rust-lang/rust',
  authors: ['The Rust Project Developers'], files: ['MIT', 'Apache-2.0'].map((l) => ({ name: `${l}.txt (from the Rust toolchain)`, text: standardText(l) })),
});
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
for (const [name, served] of Object.entries(NPM_SHIPPED)) {
  for (const f of served) if (!existsSync(join(dir, f))) throw new Error(`third-party: ${f} (from ${name}) is not in the build; update NPM_SHIPPED`);
  const folder = join(ROOT, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const locked = lock.packages[`node_modules/${name}`];
  if (locked?.version !== pkg.version) throw new Error(`third-party: node_modules/${name} is ${pkg.version}, package-lock.json says ${locked?.version}`);
  const [scope, bare] = name.startsWith('@') ? name.split('/') : [undefined, name];
  components.push({
    kind: 'npm', name, version: pkg.version, licence: pkg.license, served,
    purl: `pkg:npm/${scope ? `${encodeURIComponent(scope)}/` : ''}${bare}@${pkg.version}`,
    url: (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url)?.replace(/^git\+/, '') ?? `https://www.npmjs.com/package/${name}`,
    authors: [pkg.author?.name ?? pkg.author].filter(Boolean), files: licenceFiles(folder), integrity: locked.integrity,
  });
}
const order = { cargo: 0, 'rust-std': 1, npm: 2 };
components.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name) || a.version.localeCompare(b.version, 'en', { numeric: true }));

// A crate published without a licence file gets its licence's standard text (the authors and the
// repository stand in for the copyright line the text asks for).
for (const c of components) {
  if (c.files.length) continue;
  const ids = c.licence.split(/\s+(?:OR|AND|WITH)\s+|[()]/).map((s) => s.trim()).filter(Boolean);
  c.files = ids.map((l) => ({ name: `${l} (standard text: the package has no licence file)`, text: standardText(l) })).filter((f) => f.text);
  if (!c.files.length) throw new Error(`third-party: no licence text for ${c.name} ${c.version} (${c.licence})`);
}

// The notices: one block per component; a text met before is named, not repeated.
const pkg = packages.get(metadata.workspace_members.find((id) => packages.get(id).name === 'ioa-planleggeren'));
const buildId = execFileSync('bash', [join(ROOT, 'scripts/build-id.sh')], { encoding: 'utf8' }).trim();
const line = (s) => `${s}\n${'='.repeat(s.length)}`;
const out = [
  line(`Third-party software in IOA-planleggeren ${pkg.version} (build ${buildId})`),
  '',
  'IOA-planleggeren is built with the software below, written by others and published under the',
  'licences shown. This list is made when the app is built (scripts/third-party.mjs): the Rust',
  'crates compiled into the app, Rust\'s standard library, and the npm packages whose files the app',
  'serves. The same list, machine-readable, is sbom.cdx.json (CycloneDX) beside the app.',
  '',
  `Rust crates: ${components.filter((c) => c.kind === 'cargo').length}. npm packages: ${components.filter((c) => c.kind === 'npm').length}.`,
  '',
];
const seen = new Map(); // sha256 of a text -> where it was first given
for (const c of components) {
  out.push('', line(`${c.name} ${c.version}`), `Licence: ${c.licence}`, `Source: ${c.url}`);
  if (c.authors.length) out.push(`Authors: ${c.authors.join(', ')}`);
  if (c.served) out.push(`Files served: ${c.served.join(', ')}`);
  for (const f of c.files) {
    const key = createHash('sha256').update(f.text.trim()).digest('hex');
    if (seen.has(key)) {
      out.push('', `--- ${f.name}: the same text as ${seen.get(key)} above.`);
    } else {
      seen.set(key, `${f.name} of ${c.name} ${c.version}`);
      out.push('', `--- ${f.name}`, '', f.text.trim());
    }
  }
}
await writeFile(join(dir, 'third-party-licenses.txt'), `\uFEFF${out.join('\n')}\n`);

// The SBOM. Its serial number and time come from the build's inputs (the commit's time), so
// the same sources give the same file.
const licences = (l) => (/\s(OR|AND|WITH)\s/.test(l) ? [{ expression: l }] : [{ license: { id: l } }]);
const ref = (c) => c.purl;
const time = (() => {
  try {
    return execFileSync('git', ['log', '-1', '--format=%cI'], { cwd: ROOT, encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();
const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: {
    ...(time ? { timestamp: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    tools: { components: [{ type: 'application', name: 'scripts/third-party.mjs (IOA-planleggeren)' }] },
    component: { type: 'application', 'bom-ref': 'ioa-planleggeren', name: 'ioa-planleggeren', version: `${pkg.version}+${buildId}`, description: pkg.description },
  },
  components: components.map((c) => ({
    type: 'library',
    'bom-ref': ref(c),
    name: c.name,
    version: c.version,
    purl: c.purl,
    licenses: licences(c.licence),
    ...(c.checksum ? { hashes: [{ alg: 'SHA-256', content: c.checksum }] } : {}),
    ...(c.integrity?.startsWith('sha512-') ? { hashes: [{ alg: 'SHA-512', content: Buffer.from(c.integrity.slice(7), 'base64').toString('hex') }] } : {}),
    externalReferences: [{ type: c.url.includes('git') ? 'vcs' : 'website', url: c.url }],
  })),
  dependencies: [
    { ref: 'ioa-planleggeren', dependsOn: components.filter((c) => c.kind !== 'cargo' || [...shipped].filter((id) => members.has(id)).some((m) => edges.get(m).includes(c.id))).map(ref) },
    ...components.filter((c) => c.kind === 'cargo').map((c) => ({
      ref: ref(c),
      dependsOn: edges.get(c.id).map((id) => packages.get(id)).map((p) => `pkg:cargo/${p.name}@${p.version}`),
    })),
  ],
};
const serial = createHash('sha256').update(JSON.stringify(bom)).digest('hex');
bom.serialNumber = `urn:uuid:${serial.slice(0, 8)}-${serial.slice(8, 12)}-4${serial.slice(13, 16)}-${'89ab'[parseInt(serial[16], 16) % 4]}${serial.slice(17, 20)}-${serial.slice(20, 32)}`;
const { bomFormat, specVersion, serialNumber, ...rest } = bom;
await writeFile(join(dir, 'sbom.cdx.json'), `${JSON.stringify({ bomFormat, specVersion, serialNumber, ...rest }, null, 2)}\n`);
console.log(`third-party: ${components.length} components (${seen.size} licence texts) in third-party-licenses.txt and sbom.cdx.json`);
