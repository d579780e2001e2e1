// The shipped server configurations (deploy/), as they are: Debian's nginx and Apache started on
// 127.0.0.1 with a small wrapper that includes the shipped file (at the root and under a sub-path),
// as an unprivileged process. Every file of the build gets its type, the security headers and
// no-cache; the app starts, a deep link opens under the sub-path, the offline copy is made and
// reloads with the network off, and a new build is announced. IIS's web.config and Azure's
// staticwebapp.config.json cannot run here: they are checked for every file type the build has
// and the same headers. None of the hosts' files is in the offline copy.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, cp, mkdtemp, readFile, rm, symlink, unlink, writeFile, appendFile, chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, freshPage, ready, saved, createPlan, axe, built as builtName } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const NGINX_CONF = join(ROOT, 'deploy/nginx/ioa-planleggeren.conf');
const APACHE_CONF = join(ROOT, 'deploy/apache/ioa-planleggeren.conf');
const SUB = '/kommune/ioa/';

// What every answer must carry: the page's own policy plus frame-ancestors, which only a header
// can give.
const META_CSP = readFileSync(join(ROOT, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
const HEADERS = {
  'content-security-policy': `${META_CSP}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain',
};
const HOST_FILES = ['.nojekyll', 'web.config', 'staticwebapp.config.json'];

/** Every file of the build, relative to dist/. */
function builtFiles(dir = DIST) {
  return execFileSync('find', ['.', '-type', 'f'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.slice(2)).sort();
}
/** The offline copy's file list, from the built sw.js. */
function precached(dir = DIST) {
  return JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/const FILES = (\[[^\]]*\]);/)[1]);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A folder for one server: its wrapper config, logs and temp files, and `site`, a link to the
 * build (switched to another build as an atomic deploy would). Owned by `nobody` when the tests run
 * as root, so the server runs unprivileged.
 */
async function serverFolder() {
  const dir = await mkdtemp(join(tmpdir(), 'ioa-host-'));
  await chmod(dir, 0o755);
  await symlink(DIST, join(dir, 'site'));
  return dir;
}
const asNobody = () => (process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});

async function startServer(command, args, dir, port) {
  if (process.getuid?.() === 0) await chown(dir, 65534, 65534);
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody() });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${command} stopped: ${output}`);
    try {
      await fetch(url);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    uid: () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)[1]),
    sub: `http://127.0.0.1:${port}${SUB}`,
    deploy: async (folder) => { await unlink(join(dir, 'site')); await symlink(folder, join(dir, 'site')); },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
    log: () => output + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''),
  };
}

async function startNginx() {
  const dir = await serverFolder();
  const port = await freePort();
  const site = join(dir, 'site');
  await writeFile(join(dir, 'nginx.conf'), `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${site};
    location / { include ${NGINX_CONF}; }
    location ${SUB} { alias ${site}/; include ${NGINX_CONF}; }
  }
}
`);
  return startServer('/usr/sbin/nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], dir, port);
}

async function startApache() {
  const dir = await serverFolder();
  const port = await freePort();
  const site = join(dir, 'site');
  const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'filter', 'deflate']
    .map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n');
  await writeFile(join(dir, 'apache.conf'), `
ServerRoot "${dir}"
DefaultRuntimeDir "${dir}"
PidFile "${dir}/httpd.pid"
Mutex file:${dir} default
ErrorLog "${dir}/error.log"
LogLevel warn
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
${modules}
TypesConfig /etc/mime.types
DocumentRoot "${site}"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "${site}">
  Require all granted
  Include "${APACHE_CONF}"
</Directory>
Alias ${SUB} "${site}/"
`);
  return startServer('/usr/sbin/apache2', ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'], dir, port);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A copy of dist/ that differs in one file, with its own sw.js (as the next deploy would be). */
async function nextBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'ioa-next-'));
  await cp(DIST, dir, { recursive: true });
  await appendFile(join(dir, builtName('layout.css')), '\n/* next build */\n');
  await cp(join(ROOT, 'public/sw.js'), join(dir, 'sw.js'));
  execFileSync('node', [join(ROOT, 'scripts/precache.mjs'), dir]);
  await chmod(dir, 0o755);
  return dir;
}

for (const [name, start] of [['nginx', startNginx], ['Apache', startApache]]) {
  describe(`${name} with the shipped deploy/ configuration`, () => {
    let server;
    before(async () => { server = await start(); });
    after(async () => { await server?.stop(); });

    test('every file of the build, at the root and under a sub-path: its type, the security headers, no-cache', async () => {
      assert.equal(server.uid(), asNobody().uid ?? process.getuid(), `${name} runs as nobody (as this test's own user when that is not root)`);
      const problems = [];
      for (const base of [server.url, server.sub]) {
        for (const file of ['', ...precached()]) {
          const response = await fetch(base + file);
          const type = (response.headers.get('content-type') ?? '').split(';')[0];
          const want = TYPES[extname(file || 'index.html')];
          if (response.status !== 200) problems.push(`${base}${file}: ${response.status}`);
          if (type !== want) problems.push(`${base}${file}: type ${type}, not ${want}`);
          for (const [header, value] of Object.entries(HEADERS)) {
            if (response.headers.get(header) !== value) problems.push(`${base}${file}: ${header} ${response.headers.get(header)}`);
          }
          if (response.headers.has('clear-site-data')) problems.push(`${base}${file}: Clear-Site-Data`);
        }
      }
      const missing = await fetch(`${server.sub}not-there.js`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('x-content-type-options'), 'nosniff', 'a 404 carries the headers too');
      assert.deepEqual(problems, [], server.log());
    });

    test('first load, a deep link under the sub-path, an offline reload, and a new build announced', async () => {
      const first = await freshPage(browser);
      await first.page.goto(server.url);
      await ready(first.page);
      assert.deepEqual(await axe(first.page), []);
      assert.deepEqual(first.log.errors, []);
      await first.context.close();

      // Under the sub-path, in a profile of its own (its service worker covers only the sub-path).
      const { context, page, log } = await freshPage(browser);
      const plan = await createPlan(page, server.sub, `Plan på ${name}`);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const deep = await context.newPage();
      await deep.goto(`${server.sub}#/plan/${plan}/needs/problem`);
      await deep.waitForSelector('.step-main h1');
      await deep.fill('#f-needs-problem-today', `Skrevet på ${name}`);
      await saved(deep);

      await context.setOffline(true);
      await deep.reload();
      await deep.waitForSelector('#f-needs-problem-today');
      assert.equal(await deep.inputValue('#f-needs-problem-today'), `Skrevet på ${name}`, 'reloaded offline');
      await context.setOffline(false);

      // An atomic deploy of the next build: the open tab is told and keeps its text.
      const next = await nextBuild();
      await server.deploy(next);
      await deep.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await deep.locator('[data-testid=update-banner]').waitFor();
      assert.equal(await deep.inputValue('#f-needs-problem-today'), `Skrevet på ${name}`);
      await server.deploy(DIST);
      await rm(next, { recursive: true });

      assert.ok(log.requests.every((u) => u.includes(SUB)), 'every file came from the sub-path');
      assert.deepEqual(log.foreign, []);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  });
}

test('IIS web.config: well-formed XML, a type for every file type the build has, the same headers', async () => {
  const xml = await readFile(join(ROOT, 'deploy/iis/web.config'), 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return { error: doc.getElementsByTagName('parsererror')[0].textContent };
    const maps = Object.fromEntries([...doc.querySelectorAll('staticContent > mimeMap')].map((m) => [m.getAttribute('fileExtension'), m.getAttribute('mimeType')]));
    const removed = [...doc.querySelectorAll('staticContent > remove')].map((m) => m.getAttribute('fileExtension'));
    const headers = Object.fromEntries([...doc.querySelectorAll('customHeaders > add')].map((h) => [h.getAttribute('name').toLowerCase(), h.getAttribute('value')]));
    return { maps, removed, headers, cache: doc.querySelector('staticContent > clientCache')?.getAttribute('cacheControlMode') };
  }, xml);
  await context.close();
  assert.equal(parsed.error, undefined, 'well-formed XML');
  const extensions = [...new Set(builtFiles().map((f) => extname(f)).filter(Boolean))].sort();
  for (const ext of extensions) {
    if (ext === '.config') continue; // web.config itself, which IIS never serves
    assert.equal(parsed.maps[ext]?.split(';')[0], TYPES[ext], `web.config names ${ext}`);
    assert.ok(parsed.removed.includes(ext), `${ext} is removed first, so a server that knows it does not refuse a duplicate`);
  }
  const { 'cache-control': cache, ...security } = HEADERS;
  assert.deepEqual(parsed.headers, security);
  assert.equal(cache, 'no-cache');
  assert.equal(parsed.cache, 'DisableCache', 'IIS sends Cache-Control: no-cache');
});

test('Azure Static Web Apps: a type for every file type the build has, the same headers', async () => {
  const config = JSON.parse(await readFile(join(ROOT, 'deploy/azure/staticwebapp.config.json'), 'utf8'));
  for (const ext of new Set(builtFiles().map((f) => extname(f)).filter((e) => e && e !== '.config'))) {
    assert.equal(config.mimeTypes[ext]?.split(';')[0], TYPES[ext], `staticwebapp.config.json names ${ext}`);
  }
  assert.deepEqual(Object.fromEntries(Object.entries(config.globalHeaders).map(([k, v]) => [k.toLowerCase(), v])), HEADERS);
});

test('the hosts\' files are in the build, and none of them in the offline copy', async () => {
  const built = builtFiles();
  for (const f of HOST_FILES) {
    assert.ok(built.includes(f), `${f} is in dist/`);
    assert.ok(!precached().includes(f), `${f} is not precached`);
  }
  assert.equal(await readFile(join(DIST, 'web.config'), 'utf8'), await readFile(join(ROOT, 'deploy/iis/web.config'), 'utf8'));
  assert.ok(built.includes(builtName('__wasm_split.js')) && /^__wasm_split\./.test(builtName('__wasm_split.js')), 'the file GitHub Pages\' Jekyll would drop is there, with .nojekyll beside it');
});
