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
