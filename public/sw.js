// Service worker: keeps every file of this build in a cache of its own, so the app opens and
// works with no network after one visit. scripts/precache.mjs fills in the three constants below
// at build time (the file list is never kept by hand; the version is a hash of those files).
const BUILD = '__BUILD__';
const FILES = __FILES__;
// Of FILES, those the app runs without (the manifest, icons, fonts): cached when the server gives
// them, skipped when it answers 404, so a server that lacks a file type still gets an offline copy.
const OPTIONAL = __OPTIONAL__;
const CACHE = `ioa-planleggeren-${BUILD}`;

self.addEventListener('install', (event) => {
  // `cache: 'no-cache'` asks the server whether the browser's copy is current (a small request
  // when it is, so the first visit's files are not fetched twice), so a build never mixes with
  // files of an older one.
  const request = (f) => new Request(f, { cache: 'no-cache' });
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(FILES.filter((f) => !OPTIONAL.includes(f)).map(request));
      await Promise.all(OPTIONAL.map((f) => cache.add(request(f)).catch(() => {})));
    }),
  );
  // No skipWaiting() here: a new build waits until the user says so or every tab has closed.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ioa-planleggeren-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'ioa-activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The exact address first: Chromium answers a match with ignoreSearch by reading every
      // entry of the cache, about 60 here, for each request (a plan link makes 30 at once).
      const hit = (await cache.match(request)) ?? (url.search ? await cache.match(request, { ignoreSearch: true }) : undefined);
      if (hit) return hit;
      // Every page of the app is index.html with a #fragment; the folder URL is the same page.
      if (request.mode === 'navigate') {
        const page = await cache.match('index.html');
        if (page) return page;
      }
      return fetch(request);
    }),
  );
});
