// What the page reports about itself on `window.atlas`, for tests and the benchmark to wait on
// (never a fixed sleep).
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface AtlasStatus {
  /** The map is drawn with its links, labels and flow, and answers to the pointer. */
  ready: boolean;
  /**
   * Counts the distinct links rendered on the map now (see MapView.linksShown); 0 before
   * `ready`. Counted when asked, not at load: the count is for tests and the bench.
   */
  countLinks: () => number;
  error: string | null;
  map: MapLibreMap | null;
  /** The address shows the view as it is now: no write is waiting (url-sync.ts). */
  addressSettled: boolean;
  /** The tour step whose view is drawn (camera at rest, every tile in); 0 while a step is on its way or with no tour. */
  stepDrawn: number;
}

declare global {
  interface Window {
    atlas: AtlasStatus;
  }
}

window.atlas = { ready: false, countLinks: () => 0, error: null, map: null, addressSettled: false, stepDrawn: 0 };

export function publishStatus(patch: Partial<AtlasStatus>): void {
  Object.assign(window.atlas, patch);
}
