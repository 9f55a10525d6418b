// The static site's service worker. It keeps a copy of the site's files in the browser, so
// that a student who reloads the page when the school's server is gone (the laptop taken
// home, the network down) still gets the page and its engine, which runs in the page. It
// asks the server first: a teacher's new or changed files show as soon as it answers.
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

self.addEventListener("fetch", (ev) => {
  const request = ev.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  ev.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (failure) {
      const kept = await cache.match(request, {ignoreSearch: true});
      if (kept) return kept;
      throw failure;
    }
  })());
});
