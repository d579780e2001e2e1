// Trunk post_build hook: writes the service worker's precache list and build version into
// sw.js in the staging folder. Every file of the build is listed, so nothing is kept by hand;
// the version is a hash of the files' names and contents, so any change makes a new cache.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/precache.mjs <build folder> (or TRUNK_STAGING_DIR)');

async function files(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(relative(dir, path).split(sep).join('/'));
  }
  return out;
}

const list = (await files(dir)).filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of list) hash.update(f).update('\0').update(await readFile(join(dir, f))).update('\0');
const build = hash.digest('hex').slice(0, 16);

const template = await readFile(join(dir, 'sw.js'), 'utf8');
if (!template.includes('__BUILD__') || !template.includes('__FILES__')) {
  throw new Error('sw.js has no placeholders: was it processed twice?');
}
const sw = template.replace("'__BUILD__'", JSON.stringify(build)).replace('__FILES__', JSON.stringify(list, null, 2));
await writeFile(join(dir, 'sw.js'), sw);
console.log(`precache: ${list.length} files, build ${build}`);
