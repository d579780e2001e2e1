// Trunk post_build hook: writes the service worker's precache list and build version into
// sw.js in the staging folder. Every file of the build is listed (but the host's configuration
// files), so nothing is kept by hand;
// the version is a hash of the files' names and contents, so any change makes a new cache.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { files } from './files.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/precache.mjs <build folder> (or TRUNK_STAGING_DIR)');

// Never listed: the service worker itself, and the files for the web server or the host (they are
// not the app, and some servers refuse to serve them: IIS never gives out web.config).
// sbom.cdx.json is for the security review's scanners, which fetch it from the server; the app never
// opens it.
const NOT_THE_APP = new Set(['sw.js', '.nojekyll', 'web.config', 'staticwebapp.config.json', 'sbom.cdx.json']);
// Cached when the server gives them, skipped when it does not (stock IIS answers 404 for
// .webmanifest): the app runs without them, so one of them missing must not cost the offline copy.
// Everything else is all or nothing, so a build never mixes with files of another.
// The licence notices (third-party-licenses.<hash>.txt) are cached too, as optional: the about page
// opens offline and links to them, and a link to a file not in the cache would, with no network,
// give the app's page (sw.js answers every page it lacks with index.html); 12 KB brotli, fetched
// after the first view.
const optional = (f) => f === 'manifest.webmanifest' || f.startsWith('icons/') || f.startsWith('fonts/') || /^third-party-licenses\./.test(f);

const list = (await files(dir)).filter((f) => !NOT_THE_APP.has(f)).sort();
const hash = createHash('sha256');
for (const f of list) hash.update(f).update('\0').update(await readFile(join(dir, f))).update('\0');
const build = hash.digest('hex').slice(0, 16);

const template = await readFile(join(dir, 'sw.js'), 'utf8');
if (!template.includes('__BUILD__') || !template.includes('__FILES__') || !template.includes('__OPTIONAL__')) {
  throw new Error('sw.js has no placeholders: was it processed twice?');
}
const sw = template
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace('__FILES__', JSON.stringify(list, null, 2))
  .replace('__OPTIONAL__', JSON.stringify(list.filter(optional)));
await writeFile(join(dir, 'sw.js'), sw);
console.log(`precache: ${list.length} files, build ${build}`);
