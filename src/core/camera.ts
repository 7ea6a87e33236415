// The default view: the smallest box that holds every drawn tie.
import type { LonLat } from './arc.ts';

/** [[west, south], [east, north]]; east may exceed 180 when the box spans the antimeridian. */
export type Bounds = [[number, number], [number, number]];

const normalize = (lon: number) => ((lon % 360) + 540) % 360 - 180;

/**
 * The box stops at these latitudes: only the middles of polar great circles go further, and a
 * Mercator view framing them would be mostly stretched ice.
 */
export const FRAME_LATITUDE = 72;

/**
 * The bounds of `lines`, latitudes clamped to ±FRAME_LATITUDE. Longitudes are taken around the globe: the box's west–east span is the
 * complement of the widest gap between the lines' longitudes, so ties around the Pacific give a
 * box across the antimeridian rather than one across the whole world the other way.
 */
export function boundsOfLines(lines: LonLat[][]): Bounds {
  const points = lines.flat();
  if (points.length === 0) throw new Error('no lines to frame');
  const lons = [...new Set(points.map(([lon]) => normalize(lon)))].sort((a, b) => a - b);
  let west = lons[0];
  let span = lons[lons.length - 1] - lons[0];
  for (let i = 1; i < lons.length; i++) {
    const gap = lons[i] - lons[i - 1];
    if (360 - gap < span) {
      west = lons[i];
      span = 360 - gap;
    }
  }
  // A loop, not Math.min(...lats): 10,000 links have more points than a call takes arguments.
  let south = FRAME_LATITUDE;
  let north = -FRAME_LATITUDE;
  for (const [, lat] of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [[west, Math.max(-FRAME_LATITUDE, south)], [west + span, Math.min(FRAME_LATITUDE, north)]];
}

const WORLD = 512;
/** Web Mercator x and y of a point at zoom 0, in pixels of MapLibre's 512-pixel world. */
const mercator = ([lon, lat]: LonLat): [number, number] => {
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * WORLD, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD];
};
const lonLatOf = ([x, y]: [number, number]): LonLat => [(x / WORLD) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI];

/** The centre and zoom at which `bounds` fill a `width` × `height` view, less `padding` on each side: MapLibre's fitBounds, flat. */
export function fitBounds([[west, south], [east, north]]: Bounds, width: number, height: number, padding: number): { centre: LonLat; zoom: number } {
  const [x0, y1] = mercator([west, south]);
  const [x1, y0] = mercator([east, north]);
  const zoom = Math.log2(Math.min(Math.max(1, width - 2 * padding) / Math.max(1e-9, x1 - x0), Math.max(1, height - 2 * padding) / Math.max(1e-9, y1 - y0)));
  return { centre: lonLatOf([(x0 + x1) / 2, (y0 + y1) / 2]), zoom };
}

/** The centre after moving the view by `dx`, `dy` screen pixels at `zoom` (a drag moves it the other way). */
export function panBy(centre: LonLat, zoom: number, dx: number, dy: number): LonLat {
  const [x, y] = mercator(centre);
  const k = 2 ** zoom;
  return lonLatOf([x + dx / k, Math.max(0, Math.min(WORLD, y + dy / k))]);
}
