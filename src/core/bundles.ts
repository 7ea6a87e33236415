// Ties drawn one by one stay readable by the hundred; by the thousand (an atlas of many plans,
// each tying many places to the same partners) they are a solid mass at world scale, and every
// frame, hover and first picture pays for lines no one can tell apart. Past BUNDLE_FROM drawn
// links the map therefore draws, below BUNDLE_ZOOM, one bundle per origin and partner: the origin's
// places merged at its seat, as wide as all their evidence (up to a cap). From BUNDLE_ZOOM on,
// where an origin's places come apart on screen, the links themselves are drawn. The real atlas
// (under a hundred links) is always drawn link by link.
import type { Link, OriginId } from './types.ts';

/** Drawn links past which the map bundles them at low zoom. */
export const BUNDLE_FROM = 500;
/** The zoom from which a bundled atlas draws its links one by one. */
export const BUNDLE_ZOOM = 5;
/** The widest a bundle is drawn at world zoom, however much evidence it holds (a link's width at 20 passages). */
export const BUNDLE_MAX_WIDTH = 7;

declare const brand: unique symbol;
/** `origin>partner`, e.g. yunnan>LAO. */
export type BundleId = string & { readonly [brand]: 'bundle' };

export const bundleId = (origin: OriginId, partner: string) => `${origin}>${partner}` as BundleId;
export const bundleOf = (link: Link) => bundleId(link.origin, link.partner);
/** The partner a bundle runs to. */
export const bundlePartner = (id: BundleId) => id.slice(id.indexOf('>') + 1);

/** Whether an atlas with this many drawn links is drawn in bundles at low zoom. */
export const isBundled = (drawnLinks: number) => drawnLinks > BUNDLE_FROM;

/** Items grouped by `key`, in their order: links by bundle (or, by ids, whatever a bundle holds). */
export function groupByBundle<T>(items: Iterable<T>, key: (item: T) => BundleId): Map<BundleId, T[]> {
  const groups = new Map<BundleId, T[]>();
  for (const item of items) {
    const id = key(item);
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}
