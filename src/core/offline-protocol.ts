// What the page (app/offline.ts), its service worker (app/service-worker.ts) and the build that
// writes both (build/service-worker-plugin.ts) agree on.

/** The `<meta name>` the build writes into the page, whose content is the worker's file beside index.html. */
export const OFFLINE_META = 'atlas-offline';
/** The page's message to a waiting worker: take over now (the reader pressed Reload). */
export const SKIP_WAITING = 'skip-waiting';
