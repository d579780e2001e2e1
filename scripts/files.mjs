// Every file under a folder, as paths relative to it with "/" between folders: the build's list
// of what it made, shared by hash-files.mjs (which renames them) and precache.mjs (which lists
// them for the service worker), so both walk the folder the same way.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function files(root, folder = root) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await files(root, path)));
    else out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}
