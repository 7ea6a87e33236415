// Great-circle arcs for links, bent sideways so that ties sharing a path stay apart,
// with longitudes kept continuous so that an arc crossing the antimeridian is one stroke. The
// sphere's arithmetic is done here rather than with d3-geo: the first picture needs only these
// few lines, and d3-geo's projections and paths (the static map's) can wait in their own chunk.

export type LonLat = [number, number];
type Vector = [number, number, number];

const RADIANS = Math.PI / 180;
/** One vertex per this many radians of arc: about 1.5°, smooth at world scale. */
const STEP = 1.5 * RADIANS;
const MIN_SEGMENTS = 8;

function toVector([lon, lat]: LonLat): Vector {
  const λ = lon * RADIANS;
  const φ = lat * RADIANS;
  return [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)];
}

function toLonLat([x, y, z]: Vector): LonLat {
  return [Math.atan2(y, x) / RADIANS, Math.asin(Math.max(-1, Math.min(1, z))) / RADIANS];
}

function normalize([x, y, z]: Vector): Vector {
  const length = Math.hypot(x, y, z);
  return [x / length, y / length, z / length];
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** The angle between two points, in radians: the haversine formula, exact for near points too. */
export function arcDistance([lon0, lat0]: LonLat, [lon1, lat1]: LonLat): number {
  const half = (angle: number) => Math.sin((angle * RADIANS) / 2) ** 2;
  const h = half(lat1 - lat0) + Math.cos(lat0 * RADIANS) * Math.cos(lat1 * RADIANS) * half(lon1 - lon0);
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point a share `t` of the way along the great circle from `from` to `to` (spherical linear interpolation). */
function greatCircle(from: LonLat, to: LonLat): (t: number) => LonLat {
  const angle = arcDistance(from, to);
  if (angle === 0) return () => from;
  const [a, b] = [toVector(from), toVector(to)];
  const sin = Math.sin(angle);
  return (t) => {
    const [ka, kb] = [Math.sin((1 - t) * angle) / sin, Math.sin(t * angle) / sin];
    return toLonLat([ka * a[0] + kb * b[0], ka * a[1] + kb * b[1], ka * a[2] + kb * b[2]]);
  };
}

/**
 * The point a quadratic spherical Bézier from `from` to `to` bends towards, such that the
 * curve's middle lies about `bend` × (arc length) to the left of the great circle (right if
 * negative). A flat quadratic curve reaches half way to its control point, hence the doubled
 * angle; on the sphere it comes within a few per cent of that.
 */
function controlPoint(from: LonLat, to: LonLat, bend: number, distance: number): LonLat {
  const a = toVector(from);
  const b = toVector(to);
  const middle = normalize([a[0] + b[0], a[1] + b[1], a[2] + b[2]]);
  const left = normalize(cross(a, b));
  const angle = 2 * bend * distance;
  return toLonLat(normalize([
    middle[0] * Math.cos(angle) + left[0] * Math.sin(angle),
    middle[1] * Math.cos(angle) + left[1] * Math.sin(angle),
    middle[2] * Math.cos(angle) + left[2] * Math.sin(angle),
  ]));
}

/**
 * The sign of a bend (see `linkArc`) that moves the path's middle towards the equator. Great
 * circles between the northern continents run far north; leaning them the other way keeps
 * them clear of the poles, where a flat map stretches them most.
 */
export function equatorwardSign(from: LonLat, to: LonLat): 1 | -1 {
  const a = toVector(from);
  const b = toVector(to);
  const left = cross(a, b);
  return left[2] * (a[2] + b[2]) > 0 ? -1 : 1;
}

/**
 * Shifts each longitude by whole turns so that consecutive vertices never jump more than 180°.
 * MapLibre draws longitudes beyond ±180 on the neighbouring world copy, so the line stays whole
 * instead of striping across the map.
 */
export function unwrapLongitudes(coordinates: LonLat[]): LonLat[] {
  let previous: number | undefined;
  return coordinates.map(([lon, lat]) => {
    if (previous !== undefined) lon += 360 * Math.round((previous - lon) / 360);
    previous = lon;
    return [lon, lat];
  });
}

/**
 * The path of a link from `from` to `to`: the great circle when `bend` is 0, otherwise a smooth
 * curve (de Casteljau with great-circle interpolation) whose middle lies about `bend` × length
 * to the left of travel. The first vertex keeps the longitude of `from`.
 */
export function linkArc(from: LonLat, to: LonLat, bend = 0): LonLat[] {
  const distance = arcDistance(from, to);
  if (distance === 0) return [from, to];
  const segments = Math.max(MIN_SEGMENTS, Math.ceil(distance / STEP));
  let pointAt = greatCircle(from, to);
  if (bend !== 0 && distance < Math.PI) {
    const control = controlPoint(from, to, bend, distance);
    const towards = greatCircle(from, control);
    const away = greatCircle(control, to);
    pointAt = (t) => greatCircle(towards(t), away(t))(t);
  }
  const points: LonLat[] = [];
  for (let i = 0; i <= segments; i++) points.push(pointAt(i / segments));
  points[0] = from;
  points[segments] = to;
  return unwrapLongitudes(points);
}
