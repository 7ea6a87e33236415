// Makes spherical lon/lat polygons drawable by a planar renderer (MapLibre) across the ±180° meridian.
// MapLibre joins consecutive vertices with straight lines in lon/lat, so a ring that steps from
// +179.9 to -179.9 is drawn as a stripe across the whole world; it accepts |lon| > 180 instead.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Pole-closing edges are split into steps of this many degrees: no edge may look like a jump. */
const POLE_STEP = 90;

/** Rings lying entirely this close to a pole: spherical clipping artefacts with no planar area. */
const POLE_CAP_LAT = 89.99;

/**
 * Shifts each vertex by a multiple of 360° so it lies within 180° of the previous one.
 * A ring around a pole (Antarctica) then ends 360° away from where it started: it is closed along
 * the pole, which is what its area means in planar lon/lat.
 */
export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const previous = out.at(-1)?.[0] ?? lon;
    out.push([lon + 360 * Math.round((previous - lon) / 360), lat]);
  }
  const first = out[0];
  const last = out.at(-1);
  if (!first || !last || last[0] === first[0]) return out;

  const poleLat = meanLatitude(ring) < 0 ? -90 : 90;
  const direction = Math.sign(first[0] - last[0]);
  for (let lon = last[0]; direction * (first[0] - lon) > 0; lon += direction * POLE_STEP) out.push([lon, poleLat]);
  out.push([first[0], poleLat], first);
  return out;
}

/**
 * Unwraps every ring of a (multi)polygon and keeps the polygons of one feature together: the
 * largest polygon is placed with its centre in [-180, 180), every other polygon 360° away wherever
 * that brings it nearer (Chukotka and Wrangel Island next to Russia, all of Fiji around 180°).
 */
export function unwrapGeometry<G extends Polygon | MultiPolygon>(geometry: G): G {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((rings) => rings.filter((ring) => !isPoleCap(ring)).map(unwrapRing))
    .filter((rings) => rings.length > 0);
  const reference = polygons.reduce<Position[][] | undefined>(
    (best, rings) => (best && ringArea(best[0]) >= ringArea(rings[0]) ? best : rings),
    undefined,
  );
  if (!reference) return geometry;

  const target = wrapLongitude(centreLongitude(reference[0]));
  const placed = polygons.map((rings) => {
    const centre = centreLongitude(rings[0]);
    const shift = 360 * Math.round((target - centre) / 360);
    return shift === 0 ? rings : rings.map((ring) => ring.map(([lon, lat]) => [lon + shift, lat]));
  });
  return (geometry.type === 'Polygon'
    ? { ...geometry, coordinates: placed[0] }
    : { ...geometry, coordinates: placed }) as G;
}

function isPoleCap(ring: Position[]): boolean {
  return ring.every(([, lat]) => Math.abs(lat) >= POLE_CAP_LAT);
}

function meanLatitude(ring: Position[]): number {
  return ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
}

function centreLongitude(ring: Position[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const [lon] of ring) {
    min = Math.min(min, lon);
    max = Math.max(max, lon);
  }
  return (min + max) / 2;
}

function wrapLongitude(lon: number): number {
  return lon - 360 * Math.floor((lon + 180) / 360);
}

/** Planar area in square degrees (absolute). */
function ringArea(ring: Position[]): number {
  let twice = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1];
    const [x1, y1] = ring[i];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}
