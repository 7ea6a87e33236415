// How large a site's marker is at a zoom: the diamond drawn over the map (site-markers.ts) and the
// circle the pointer finds it by (style.ts). A module of its own, so that the style, in the page's
// first chunk, does not bring the markers' drawing with it.

/** Half a diamond's diagonal at a zoom, in pixels: 4 at zoom 2 and below, 6.5 from zoom 8, linear between. */
export function siteRadius(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 2) / 6));
  return 4 + 2.5 * t;
}
