// The shareable view in the address bar: read once at start, written back after every change, so
// a reload or a pasted link opens the same view. Parameters that cannot be used are dropped with
// a short notice in the page (notices.ts); nothing in a URL can stop the atlas from starting.
import { formatViewState, parseViewState, type Notice } from '../core/url-state.ts';
import { type ViewState } from '../core/view-state.ts';
import type { Atlas } from '../core/types.ts';
import { publishStatus } from './status.ts';
import type { Store } from './store.ts';

export function viewFromUrl(atlas: Atlas): { view: ViewState; notices: Notice[] } {
  const { state, notices } = parseViewState(location.search, atlas);
  return { view: state, notices };
}

/**
 * How long the view must rest before the address follows it: a burst of changes (filters
 * clicked through, the selection stepped along the table) is one write, and the writing stays
 * out of the task that updates the map and the panels. Browsers also throttle pages that call
 * history.replaceState too often.
 */
const URL_DELAY = 120;

/** What of the app's state the address holds (formatViewState reads these and no others). */
const SHARED = ['lang', 'filters', 'selection', 'projection', 'view', 'camera', 'reading', 'mode', 'tour', 'kiosk'] as const satisfies readonly (keyof ViewState)[];

export function keepViewInUrl(store: Store): void {
  let written = location.search;
  let timer = 0;
  const write = () => {
    timer = 0;
    const query = formatViewState(store.get());
    if (query !== written) {
      written = query;
      history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    }
    publishStatus({ addressSettled: true });
  };
  const schedule = () => {
    clearTimeout(timer);
    publishStatus({ addressSettled: false });
    timer = window.setTimeout(write, URL_DELAY);
  };
  store.subscribe((state, previous) => {
    // Hovering changes the state at the pointer's pace, and is not shared.
    if (SHARED.some((key) => state[key] !== previous[key])) schedule();
  });
  // The view as the page has applied it: without the parameters that were dropped.
  schedule();
  // A reload just after a change still opens the latest view.
  addEventListener('pagehide', () => timer && write());
}
