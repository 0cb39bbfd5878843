// Podium's service worker: keeps the audience page and its deck for offline browsing, on secure
// origins (https, or localhost). Never from the cache: the event stream, every write (anything
// but GET) and every API answer other than the public deck and its images.
// The build writes its id here (see podiumServiceWorker in vite.config.ts): a new build keeps a new
// cache, and the old one, with bundles no page names any more, goes when this worker activates.
const BUILD = '__PODIUM_BUILD__';
const CACHE = `podium-offline-${BUILD}`;
/** How long a page or deck request waits for the network before a kept copy is used instead, in ms. */
const NETWORK_WAIT_MS = 3000;

/** Files whose URL names their bytes (hashed bundles, fonts, deck images): kept for good, served from the cache. */
const IMMUTABLE = /^\/(?:assets\/[^/]+|api\/assets\/[0-9a-f]{64}\.[a-z0-9]+)$/;
/** The audience page, the public deck and small static files: fresh from the network, the kept copy when offline. */
const FRESH_FIRST = /^\/(?:d\/[^/]+|api\/decks\/[^/]+|favicon\.svg|styles\/[^/]+)$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** How the worker answers `request`: 'cache-first', 'network-first', or null (the network alone). */
function strategy(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.search) return null;
  if ((request.headers.get('Accept') || '').includes('text/event-stream')) return null;
  if (IMMUTABLE.test(url.pathname)) return 'cache-first';
  if (FRESH_FIRST.test(url.pathname) && !url.pathname.endsWith('/events')) return 'network-first';
  return null;
}

function keep(request, response) {
  if (!response.ok || response.type !== 'basic') return Promise.resolve();
  const copy = response.clone();
  return caches.open(CACHE).then((cache) => cache.put(request, copy));
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  await keep(request, response);
  return response;
}

async function networkFirst(request, waitUntil) {
  const fromNetwork = fetch(request).then((response) => {
    waitUntil(keep(request, response));
    return response;
  });
  const hit = await caches.match(request);
  if (!hit) return fromNetwork;
  // Venue Wi-Fi can be connected yet silent: after a while the kept copy answers.
  const late = new Promise((resolve) => setTimeout(() => resolve(hit), NETWORK_WAIT_MS));
  return Promise.race([fromNetwork.catch(() => hit), late]);
}

self.addEventListener('fetch', (event) => {
  const how = strategy(event.request);
  if (how === 'cache-first') event.respondWith(cacheFirst(event.request));
  else if (how === 'network-first') event.respondWith(networkFirst(event.request, (p) => event.waitUntil(p)));
});

// The page's first visit was not served through the worker: it sends what it loaded, to keep now.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const kept = Promise.all(
    data.urls
      .map((url) => new Request(url))
      .filter((request) => strategy(request) !== null)
      .map((request) =>
        caches
          .match(request)
          .then((hit) => hit || fetch(request).then((response) => keep(request, response)))
          .catch(() => undefined),
      ),
  );
  event.waitUntil(kept.then(() => event.source && event.source.postMessage({ type: 'kept' })));
});
