/* vernetzt's service worker: network first, always; without a network, the app shell, the pages the
   user prepared for offline ("Keep on this phone"), and the offline page for everything else.
   Conversations captured offline are queued by the page (capture.js): a POST never passes here. */
const SHELL = "vernetzt-shell-v1";
const PAGES = "vernetzt-pages";
const SHELL_FILES = [
  "/offline/",
  "/static/vernetzt/app.css",
  "/static/vernetzt/app.js",
  "/static/vernetzt/capture.js",
  "/static/vernetzt/htmx-2.0.11.min.js",
  "/static/vernetzt/icons/icon-192.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const old = (name) => name.startsWith("vernetzt-shell-") && name !== SHELL;
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter(old).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function refresh(request, response) {
  // A page kept for offline is replaced by the fresh copy whenever it is opened online.
  for (const name of [SHELL, PAGES]) {
    const cache = await caches.open(name);
    if (await cache.match(request, { ignoreVary: true })) await cache.put(request, response.clone());
  }
}

async function withoutNetwork(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  if (request.mode !== "navigate") return Response.error();
  if (new URL(request.url).pathname === "/start/") {
    const start = (await caches.match("/start/", { ignoreVary: true })) || (await caches.match("/", { ignoreVary: true }));
    if (start) return start;
  }
  return caches.match("/offline/");
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const skipped = url.pathname.startsWith("/dav/") || url.pathname.startsWith("/api/") || url.pathname.startsWith("/login");
  if (request.method !== "GET" || url.origin !== self.location.origin || skipped) return;
  event.respondWith(
    fetch(request)
      .then(async (response) => {
        if (response.ok && !response.redirected) await refresh(request, response);
        return response;
      })
      .catch(() => withoutNetwork(request)),
  );
});
