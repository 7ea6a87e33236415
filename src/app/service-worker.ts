// The offline worker, built into sw.js by src/build/service-worker-plugin.ts (which writes in the
// list of files below): after one visit the atlas opens with no network. One version of the app
// is served whole or not at all: a version's files are all cached before it takes over, and a new
// version waits until the page asks for it (app/offline.ts), so that no page mixes two versions.
//
// Typed with local declarations rather than the webworker library: the project's one TypeScript
// program includes the DOM library, and the two libraries declare the same globals differently.
import { SKIP_WAITING } from '../core/offline-protocol.ts';

/** What the build writes in: paths relative to sw.js. */
interface Precache {
  /** A hash of every file below: a new deployment is a new version, and a new sw.js. */
  version: string;
  /** The files needed to open the atlas, each with the start of its SHA-256 (hex). */
  files: Record<string, string>;
  /** Files fetched only when the reader asks for them (a seed text, a face of the full font): cached once fetched. */
  onDemand: string[];
}

declare const __PRECACHE__: Precache;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerEvents {
  install: ExtendableEvent;
  activate: ExtendableEvent;
  fetch: FetchEvent;
  message: ExtendableMessageEvent;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener<K extends keyof WorkerEvents>(type: K, listener: (event: WorkerEvents[K]) => void): void;
}
declare const self: ServiceWorkerScope;

const { version, files, onDemand } = __PRECACHE__;
const scope = self.registration.scope;
const scopePath = new URL(scope).pathname;
// Caches belong to the origin, not to the scope: two copies of the atlas on one host keep apart.
const prefix = `cooperation-atlas ${scope} `;
const PRECACHE = `${prefix}${version}`;
const OPENED = `${prefix}opened`;

const address = (path: string) => new URL(path, scope).href;
const precached = new Set(Object.keys(files).map(address));
const cachedOnUse = new Set(onDemand.map(address));
const PAGE = address('index.html');

async function sha256(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One file of this version, checked against the build's hash: a server half way through a
 * deployment (a new sw.js beside an old index.html or dataset) must not be cached as this version.
 */
async function fetchChecked(path: string, hash: string): Promise<Response> {
  // no-cache: revalidated with the server, never an older copy from the HTTP cache.
  let response = await fetch(address(path), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: the server answered ${response.status}`);
  if (!(await sha256(await response.clone().arrayBuffer())).startsWith(hash)) {
    throw new Error(`${path} is not the file this version of the atlas was built with`);
  }
  // A navigation may not be answered with a redirected response (a host that sends
  // index.html to ./): keep the body and headers only.
  if (response.redirected) response = new Response(await response.blob(), { headers: response.headers });
  return response;
}

// Every file or none: a failed install leaves no half-filled cache and the version in use stays.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const responses = await Promise.all(Object.entries(files).map(async ([path, hash]) => [address(path), await fetchChecked(path, hash)] as const));
        const cache = await caches.open(PRECACHE);
        await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
      } catch (error) {
        await caches.delete(PRECACHE);
        throw error;
      }
    })(),
  );
});

// Only the page's Reload (app/offline.ts) lets a new version take over: pages that opened on the
// old one would otherwise go on asking for its files.
self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The first visit's page, which loaded before this worker, is kept from now on: a passage it
      // opens is cached for the next visit without the network.
      await self.clients.claim();
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix) && name !== PRECACHE && name !== OPENED) await caches.delete(name);
      }
      // Texts the new version still uses stay (their names change with their content).
      const opened = await caches.open(OPENED);
      for (const request of await opened.keys()) {
        if (!cachedOnUse.has(request.url)) await opened.delete(request);
      }
    })(),
  );
});

async function fromPrecache(url: string, request: Request): Promise<Response> {
  const cache = await caches.open(PRECACHE);
  return (await cache.match(url, { ignoreVary: true })) ?? fetch(request);
}

async function cachedOnFirstUse(url: string, request: Request, event: FetchEvent): Promise<Response> {
  const cache = await caches.open(OPENED);
  const cached = await cache.match(url, { ignoreVary: true });
  if (cached) return cached;
  // Offline and never opened: the fetch fails as it would with no worker, and the reader says so.
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(url, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // Other origins and other paths of this one go to the network untouched.
  if (!url.href.startsWith(scope)) return;
  // The atlas's page with any view in its query string; other pages in scope are files of the atlas.
  if (request.mode === 'navigate' && (url.pathname === scopePath || url.pathname === `${scopePath}index.html`)) {
    event.respondWith(fromPrecache(PAGE, request));
  } else if (precached.has(url.href)) {
    event.respondWith(fromPrecache(url.href, request));
  } else if (cachedOnUse.has(url.href)) {
    event.respondWith(cachedOnFirstUse(url.href, request, event));
  }
});
