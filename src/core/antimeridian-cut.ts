// Lines as RFC 7946 wants them (§3.1.9): longitudes within ±180°, cut where they cross the
// antimeridian. The map draws links unwrapped (arc.ts), past ±180 in one stroke; files for other
// tools must not, since most of them read such a line as one running the other way round the world.
import type { LonLat } from './arc.ts';

/**
 * The pieces of `line` (longitudes continuous, as `unwrapLongitudes` leaves them) within
 * [-180, 180]: a new piece starts wherever the line crosses ±180, the two pieces meeting there at
 * the same latitude, one at 180 and the other at -180. A line that only touches ±180 stays whole.
 */
export function cutAtAntimeridian(line: LonLat[]): LonLat[][] {
  const points = line.flatMap((point, i) => (i === 0 ? [point] : [...crossings(line[i - 1], point), point]));
  // With the crossings added, every segment lies within one world copy [-180, 180] + 360k. A
  // segment along a meridian has no copy of its own (on ±180 it lies in two) and joins its neighbours.
  const copies = points.slice(1).map(([lon], i) => (lon === points[i][0] ? undefined : Math.round((points[i][0] + lon) / 720)));
  let copy = copies.find((k) => k !== undefined) ?? Math.round(points[0][0] / 360);
  const parts: LonLat[][] = [[shift(points[0], copy)]];
  for (let i = 0; i < copies.length; i++) {
    const next = copies[i] ?? copy;
    if (next !== copy) {
      parts.push([shift(points[i], next)]);
      copy = next;
    }
    parts[parts.length - 1].push(shift(points[i + 1], copy));
  }
  return parts;
}

/** Where the segment strictly crosses a meridian ±180 (of any world copy), in order of travel; latitudes interpolated as the map draws the segment, straight in lon/lat. */
function crossings([lon0, lat0]: LonLat, [lon1, lat1]: LonLat): LonLat[] {
  const east = lon1 > lon0;
  const out: LonLat[] = [];
  let meridian = 180 + 360 * (east ? Math.floor((lon0 - 180) / 360) + 1 : Math.ceil((lon0 - 180) / 360) - 1);
  while (east ? meridian < lon1 : meridian > lon1) {
    out.push([meridian, lat0 + ((meridian - lon0) / (lon1 - lon0)) * (lat1 - lat0)]);
    meridian += east ? 360 : -360;
  }
  return out;
}

const shift = ([lon, lat]: LonLat, copy: number): LonLat => [lon - 360 * copy, lat];
