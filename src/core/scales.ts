// Numeric scales shared by the map and its legend, so that both always agree.

/** A class of tie counts, inclusive at both ends. */
export interface CountClass {
  min: number;
  max: number;
}

/** The most classes the shading has: more would be shades no one tells apart, and a legend that spills. */
export const MAX_TIE_CLASSES = 6;

/**
 * Classes for shading countries by their number of ties: 1, 2, 3–4, 5–8, … doubling up to the
 * largest count, which closes the last class. Counts are small integers, so doubling keeps the
 * classes populated and the legend's labels exact. Where doubling would make more than
 * MAX_TIE_CLASSES (a large atlas: a thousand ties to one country), each class spans four, eight …
 * times the last instead: 1, 2–4, 5–16, …
 */
export function tieClasses(maxCount: number): CountClass[] {
  const top = Math.max(1, maxCount);
  for (let factor = 2; ; factor *= 2) {
    const classes: CountClass[] = [];
    for (let min = 1, max = 1; min <= top; min = max + 1, max *= factor) classes.push({ min, max: Math.min(max, top) });
    if (classes.length <= MAX_TIE_CLASSES) return classes;
  }
}

/** Line width in pixels (at world zoom) for a link backed by `evidenceCount` passages. */
export function linkWidth(evidenceCount: number): number {
  return 1.4 + 1.3 * Math.sqrt(Math.max(0, evidenceCount - 1));
}
