/*
 * The service worker: keeps a copy of the built app (every file of one build, listed
 * by src/build/service-worker.ts) so MissingLink starts without network once it
 * has been loaded. Cache first: the files of a build never change, their names carry a
 * content hash. A new build is a new sw.js (its list and version differ); the browser
 * installs it beside the old one, and it takes over when no tab of the old version is
 * open any more, removing the old cache, or at once when a tab asks it to (the user
 * chose "Reload" on the app's update notice). The users' models are in IndexedDB, never here.
 *
 * This file is bundled on its own, as a classic script: it must not import anything.
 */

/** What the build writes in place of the placeholder: a version and the files of the build. */
interface PrecacheManifest {
  version: string;
  files: string[];
}

// The subset of the service worker scope this file uses (the WebWorker lib cannot be mixed with the DOM lib of the app).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
// Replaced at build time by the JSON of the precache manifest (see src/build/service-worker.ts).
const manifest = JSON.parse('__ML_PRECACHE_MANIFEST__') as PrecacheManifest;
const CACHE_PREFIX = 'missinglink-app-';
const cacheName = CACHE_PREFIX + manifest.version;
const base = new URL('./', scope.registration.scope);
const urls = new Set(manifest.files.map((file) => new URL(file, base).href));
const indexUrl = new URL('index.html', base).href;

scope.addEventListener('install', (event) => {
  // All files or none: a half-filled cache would start an app that cannot load its panels offline.
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll([...urls])));
});

// The page's update notice: the user chose to switch to this version now (the page reloads itself).
scope.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== cacheName) await caches.delete(key);
      }
      // Take over the tab that installed this worker, so it works offline without a reload.
      await scope.clients.claim();
    })()
  );
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  // Opening the app (any page inside its folder) is the cached index.html; other files are looked up by address.
  const key = request.mode === 'navigate' && url.href.startsWith(base.href) ? indexUrl : url.href;
  if (!urls.has(key)) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(key, { cacheName });
      return cached ?? fetch(request);
    })()
  );
});
