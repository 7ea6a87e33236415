// Links from the four origins to the same partner run almost on top of each other for most of
// their length (the origins are close together at world scale). Giving each link of such a
// group its own bend fans them out in the middle while they still meet at the partner's anchor.
import { ascending } from 'd3-array';
import { equatorwardSign, type LonLat } from './arc.ts';

export interface PathEnds {
  id: string;
  from: LonLat;
  to: LonLat;
}

/** Every arc leans a little towards the equator: reads as a flow and keeps clear of the poles. */
export const BASE_BEND = 0.1;
/** Difference in bend between neighbours of one group. */
export const BEND_STEP = 0.06;
const MAX_BEND = 0.42;

const endKey = ([lon, lat]: LonLat) => `${lon.toFixed(3)},${lat.toFixed(3)}`;

/** Compass bearing (radians) from `origin` towards `target`. */
function bearing(origin: LonLat, target: LonLat): number {
  const [λ1, φ1] = origin.map((d) => (d * Math.PI) / 180);
  const [λ2, φ2] = target.map((d) => (d * Math.PI) / 180);
  const y = Math.sin(λ2 - λ1) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(λ2 - λ1);
  return Math.atan2(y, x);
}

/**
 * The bend of each path (see `linkArc`), keyed by id. Paths that end at the same point are
 * ordered by where they come from, as seen from that end, so that neighbours do not cross,
 * and get bends spaced `BEND_STEP` apart around `BASE_BEND` (towards the equator), narrowed
 * if the group is large.
 */
export function bendsForSharedEnds(paths: PathEnds[]): Map<string, number> {
  const groups = new Map<string, PathEnds[]>();
  for (const path of paths) {
    const key = endKey(path.to);
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const bends = new Map<string, number>();
  for (const group of groups.values()) {
    const ordered = [...group].sort(
      (a, b) => bearing(a.to, a.from) - bearing(b.to, b.from) || ascending(a.id, b.id),
    );
    const step = Math.min(BEND_STEP, (2 * (MAX_BEND - BASE_BEND)) / Math.max(1, ordered.length - 1));
    const base = BASE_BEND * equatorwardSign(ordered[0].from, ordered[0].to);
    ordered.forEach((path, i) => bends.set(path.id, base + (i - (ordered.length - 1) / 2) * step));
  }
  return bends;
}
