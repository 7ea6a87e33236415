// Numeric scales shared by the map and its legend, so that both always agree.

/** A class of tie counts, inclusive at both ends. */
export interface CountClass {
  min: number;
  max: number;
}

/**
 * Classes for shading countries by their number of ties: 1, 2, 3–4, 5–8, … doubling up to the
 * largest count, which closes the last class. Counts are small integers, so doubling keeps the
 * classes populated and the legend's labels exact.
 */
export function tieClasses(maxCount: number): CountClass[] {
  const top = Math.max(1, maxCount);
  const classes: CountClass[] = [];
  for (let min = 1, max = 1; min <= top; min = max + 1, max *= 2) {
    classes.push({ min, max: Math.min(max, top) });
  }
  return classes;
}

/** Line width in pixels (at world zoom) for a link backed by `evidenceCount` passages. */
export function linkWidth(evidenceCount: number): number {
  return 1.4 + 1.3 * Math.sqrt(Math.max(0, evidenceCount - 1));
}
