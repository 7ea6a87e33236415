// What the user has picked on the map: the one thing the detail card describes.
import type { LinkId, OriginId, SiteId } from './types.ts';

export type Selection =
  | { kind: 'country'; iso3: string }
  | { kind: 'link'; id: LinkId }
  | { kind: 'site'; id: SiteId }
  | { kind: 'origin'; id: OriginId }
  /** A bloc or region, picked at its hub. */
  | { kind: 'partner'; id: string };

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
