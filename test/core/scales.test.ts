import { describe, expect, it } from 'vitest';
import { linkWidth, MAX_TIE_CLASSES, tieClasses } from '../../src/core/scales.ts';

describe('tieClasses', () => {
  it('doubles and closes on the largest count', () => {
    expect(tieClasses(7)).toEqual([{ min: 1, max: 1 }, { min: 2, max: 2 }, { min: 3, max: 4 }, { min: 5, max: 7 }]);
    expect(tieClasses(1)).toEqual([{ min: 1, max: 1 }]);
  });

  it('spans more than double where doubling would make too many classes', () => {
    expect(tieClasses(20)).toHaveLength(6);
    expect(tieClasses(40)).toEqual([{ min: 1, max: 1 }, { min: 2, max: 4 }, { min: 5, max: 16 }, { min: 17, max: 40 }]);
    expect(tieClasses(1155)).toEqual([{ min: 1, max: 1 }, { min: 2, max: 8 }, { min: 9, max: 64 }, { min: 65, max: 512 }, { min: 513, max: 1155 }]);
    for (const top of [1, 10, 33, 64, 100, 1000, 10_000, 1_000_000]) expect(tieClasses(top).length).toBeLessThanOrEqual(MAX_TIE_CLASSES);
  });

  it('covers every count from 1 to the largest exactly once', () => {
    for (const top of [1, 2, 3, 9, 33, 100, 1155]) {
      const classes = tieClasses(top);
      for (let n = 1; n <= top; n++) expect(classes.filter((c) => n >= c.min && n <= c.max)).toHaveLength(1);
      expect(classes.at(-1)!.max).toBe(top);
    }
  });
});

describe('linkWidth', () => {
  it('grows with the evidence, less than in proportion', () => {
    expect(linkWidth(2)).toBeGreaterThan(linkWidth(1));
    expect(linkWidth(9) - linkWidth(1)).toBeLessThan(8 * (linkWidth(2) - linkWidth(1)));
  });
});
