// Offline after one visit: registers the worker the build made (src/build/service-worker-plugin.ts
// names it in a <meta>; the dev server and the single file have none), and offers a new
// deployment with a line and a Reload button instead of letting it into a page that runs the old one.
import { OFFLINE_META, SKIP_WAITING } from '../core/offline-protocol.ts';
import type { Localizer } from '../i18n/localizer.ts';
import '../ui/update-prompt.ts';
import type { UpdatePrompt } from '../ui/update-prompt.ts';
import { bind } from './bind.ts';
import { whenIdle } from './idle.ts';
import type { Store } from './store.ts';

/**
 * Registers the worker, over http(s) only; main.ts calls it once everything is drawn (its files
 * would otherwise be fetched a second time while the first picture still needs the network).
 */
export function keepOffline(store: Store, loc: () => Localizer): void {
  const script = document.querySelector<HTMLMetaElement>(`meta[name="${OFFLINE_META}"]`)?.content;
  if (!script || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const workers = navigator.serviceWorker;
  // A page that ran on one version and is handed to another reloads whole (the Reload below, or
  // another tab's): its lazy chunks and data would otherwise come from the new version. A page
  // that had no worker is the first visit, which the new worker takes over as it is.
  let controlled = workers.controller !== null;
  workers.addEventListener('controllerchange', () => {
    if (controlled) location.reload();
    controlled = true;
  });

  let prompt: UpdatePrompt | null = null;
  const offer = (registration: ServiceWorkerRegistration) => {
    // The first install has nothing to replace: it waits for nobody.
    if (!workers.controller) return;
    if (!prompt) {
      prompt = document.createElement('atlas-update');
      prompt.addEventListener('reload', () => registration.waiting?.postMessage(SKIP_WAITING));
      document.getElementById('atlas')!.append(prompt);
      bind(store, (s) => s.lang, () => (prompt!.loc = loc()));
      bind(store, (s) => s.mode, (mode) => prompt!.toggleAttribute('data-room', mode !== 'explore'));
    }
    prompt.hidden = false;
  };
  const whenInstalled = (registration: ServiceWorkerRegistration, worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(registration));

  const register = () => {
    const base = document.baseURI;
    workers
      .register(new URL(script, base), { scope: new URL('./', base).href })
      .then((registration) => {
        // The browser looks for a new sw.js at each visit, before this page has run: it may be
        // installing or waiting already.
        if (registration.waiting) offer(registration);
        whenInstalled(registration, registration.installing);
        registration.addEventListener('updatefound', () => whenInstalled(registration, registration.installing));
      })
      .catch((error: unknown) => console.warn('The atlas cannot be kept for offline use:', error));
  };
  // The labels and the flow are drawn next: the first visit's downloads wait for a pause (or a few seconds).
  whenIdle(register, 3000);
}
