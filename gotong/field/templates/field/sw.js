/* Gotong Lapangan service worker: the form shell works offline; reference data are network-first. */
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

function networkFirst(request) {
  return fetch(request).then((response) => {
    if (response.ok && response.type === "basic" && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || Response.error()));
}

function cacheFirst(request) {
  return caches.match(request, { ignoreVary: true }).then((hit) => hit || fetch(request));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(DATA_PREFIX) || (request.mode === "navigate" && url.pathname.startsWith(SCOPE))) {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith(STATIC_PREFIX) || SHELL.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
