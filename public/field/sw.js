/*
 * The field page's service worker: a lineman's phone drops to no signal in a village lane. The page
 * and its scripts come from the cache when the network does not answer, and so do the area's ticket
 * list and the (masked) ticket details last fetched, so the day's work can still be read. Actions are
 * not queued here but on the page (field.js), which shows them as waiting and sends them in order.
 * Nothing unmasked is ever cached: the consumer reveal, photos and the audit trail always go to the network.
 */
'use strict';

var VERSION = 'sampark-field-v1';
var SHELL = VERSION + '-shell';
var DATA = 'sampark-field-data';
var SHELL_FILES = ['/field', '/staff/staff.css', '/staff/staff.js', '/field/field.css', '/field/offlineQueue.js', '/field/field.js'];
/** The list and one ticket's detail: what may be read offline. */
var CACHED_API = /^\/api\/field\/tickets(\/[A-Za-z0-9-]+)?$/;
/** When kept ticket data was fetched. */
var CACHED_AT_HEADER = 'X-Sampark-Cached-At';

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) { return name !== SHELL && name !== DATA; }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && (url.pathname === '/field' || url.pathname === '/field/')) {
    event.respondWith(networkFirst(request, SHELL, '/field'));
  } else if (SHELL_FILES.indexOf(url.pathname) > 0) {
    event.respondWith(networkFirst(request, SHELL, url.pathname));
  } else if (CACHED_API.test(url.pathname)) {
    event.respondWith(networkFirst(request, DATA, url.pathname + url.search));
  }
});

/**
 * The network's answer, kept for next time; the kept one when the network does not answer. Ticket
 * data kept is stamped with when it was fetched, and given back with `cachedAt` in its JSON so the
 * page can say how old the list is.
 */
function networkFirst(request, cacheName, key) {
  return fetch(request)
    .then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(cacheName).then(function (cache) { return cache.put(key, cacheName === DATA ? stamped(copy) : copy); });
      }
      return response;
    })
    .catch(function (error) {
      return caches.open(cacheName).then(function (cache) { return cache.match(key); }).then(function (kept) {
        if (!kept) throw error;
        return cacheName === DATA ? withCachedAt(kept) : kept;
      });
    });
}

function stamped(response) {
  var headers = new Headers(response.headers);
  headers.set(CACHED_AT_HEADER, new Date().toISOString());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: headers });
}

function withCachedAt(response) {
  var cachedAt = response.headers.get(CACHED_AT_HEADER);
  return response.json().then(function (body) {
    body.cachedAt = cachedAt;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
}
