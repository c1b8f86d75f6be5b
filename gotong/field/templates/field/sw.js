/* Gotong Lapangan service worker: the form shell works offline; pages and reference data are network-first,
 * with a timeout. */
"use strict";
const CACHE = "gotong-lapangan-{{ version }}";
const SHELL = {{ shell|safe }};
const DATA_PREFIX = {{ data_prefix|safe }};
const STATIC_PREFIX = {{ static_prefix|safe }};
const SCOPE = {{ scope|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("gotong-lapangan-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "claim") event.waitUntil(self.clients.claim());
});

/* A connection that is accepted but never answers ("signal but no data") must not freeze a form: after TIMEOUT the
 * cached copy answers, marked with X-Gotong-Fallback so the page can say "slow network, using saved data". 5 s is
 * above the ~2 s a small answer takes on a working slow-3G link (400 ms round trips) and well below the ~10 s a
 * person's attention holds (Nielsen 1993, nngroup.com/articles/response-times-3-important-limits). After one
 * timeout the network gets only FAST_TIMEOUT for a while, so the data request that follows a slow page does not
 * wait 5 s again. A page with nothing cached keeps waiting for the network: a late answer beats none. */
const TIMEOUT = 5000;
const FAST_TIMEOUT = 1500;
const SLOW_MEMORY = 30000;
let slowUntil = 0;

function cached(request) {
  return caches.match(request, { ignoreSearch: true, ignoreVary: true });
}

function markFallback(response, reason) {
  const headers = new Headers(response.headers);
  headers.set("X-Gotong-Fallback", reason);
  return response.blob().then((body) => new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

function networkFirst(request, { keep = true, orElse = null } = {}) {
  const network = fetch(request).then((response) => {
    slowUntil = 0;
    if (keep && response.ok && response.type === "basic" && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  });
  const wait = Date.now() < slowUntil ? FAST_TIMEOUT : TIMEOUT;
  const late = new Promise((resolve) => setTimeout(resolve, wait, "timeout"));
  return Promise.race([network, late]).then((answer) => {
    if (answer !== "timeout") return answer;
    slowUntil = Date.now() + SLOW_MEMORY;
    return cached(request).then((hit) => (hit ? markFallback(hit, "timeout") : orElse ? orElse() : network));
  }, () => cached(request).then((hit) => (hit ? markFallback(hit, "offline") : Response.error())));
}

function cacheFirst(request) {
  return caches.match(request, { ignoreVary: true }).then((hit) => hit || fetch(request));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(DATA_PREFIX)) {
    // Not kept here: this cache is the browser's, shared by everyone who logs in on the phone; field.js keeps each
    // user's data in that user's own IndexedDB. Too slow: say so at once, and the page uses its saved copy.
    const tooSlow = () => new Response("", { status: 504, headers: { "X-Gotong-Fallback": "timeout" } });
    event.respondWith(networkFirst(request, { keep: false, orElse: tooSlow }));
  } else if (request.mode === "navigate" && url.pathname.startsWith(SCOPE)) {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith(STATIC_PREFIX) || SHELL.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
