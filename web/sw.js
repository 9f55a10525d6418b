// The static site's service worker. It keeps a copy of the site's files in the browser, so
// that a student who reloads the page when the school's server is gone (the laptop taken
// home, the network down) still gets the page and its engine, which runs in the page. It
// asks the server first: a teacher's new or changed files show as soon as it answers, if it
// answers within a few seconds.
// negsim serve's page never registers it: there the engine is the server.

const CACHE = "negsim-site";

self.addEventListener("install", (ev) => ev.waitUntil(self.skipWaiting()));
self.addEventListener("activate", (ev) => ev.waitUntil(self.clients.claim()));

// The page names the files it loaded before this worker ran (its first visit), and hears
// back once they are kept.
self.addEventListener("message", (ev) => {
  if (!ev.data || !Array.isArray(ev.data.keep)) return;
  ev.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    let kept = true;
    for (const url of ev.data.keep) {
      try {
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
        else kept = false;
      } catch {
        kept = false;
      }
    }
    ev.ports[0]?.postMessage({kept});
  })());
});

// A server that never answers (its address unreachable from home, a network that holds
// every request) would leave the page blank until the browser gives up, minutes later. Past
// WAIT the worker answers from its copy, and for QUIET after that it answers every request
// from its copy at once, so that a page of a dozen files does not wait a dozen times; the
// server's answer, when it comes, is kept for next time.
const WAIT = 4000;
const QUIET = 30000;
let quietUntil = 0;
const TIMED_OUT = Symbol("timed out");

self.addEventListener("fetch", (ev) => {
  const request = ev.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const fresh = fetch(request).then(async (response) => {
    quietUntil = 0;
    if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
    return response;
  });
  // undefined when the server refused at once (stopped, no network).
  const settled = fresh.catch(() => undefined);
  ev.waitUntil(settled);
  ev.respondWith((async () => {
    const kept = await (await caches.open(CACHE)).match(request, {ignoreSearch: true});
    if (!kept) return fresh;
    if (Date.now() < quietUntil) return kept;
    const first = await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, WAIT, TIMED_OUT))]);
    if (first === TIMED_OUT) quietUntil = Date.now() + QUIET;
    return first === TIMED_OUT || first === undefined ? kept : first;
  })());
});
