// What the page reports about itself on `window.atlas`, for tests and the benchmark to wait on
// (never a fixed sleep).
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface AtlasStatus {
  /** The map is drawn with its links, labels and flow, and answers to the pointer. */
  ready: boolean;
  /** Distinct links rendered on the map at its first picture, counted once it is drawn; set with `ready`. */
  linksDrawn: number;
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

window.atlas = { ready: false, linksDrawn: 0, error: null, map: null, addressSettled: false, stepDrawn: 0 };

export function publishStatus(patch: Partial<AtlasStatus>): void {
  Object.assign(window.atlas, patch);
}
