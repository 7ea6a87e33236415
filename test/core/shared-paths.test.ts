import { describe, expect, it } from 'vitest';
import { BASE_BEND, BEND_STEP, bendsForSharedEnds } from '../../src/core/shared-paths.ts';

const berlin: [number, number] = [13.4, 52.5];

describe('bendsForSharedEnds: ties that share a path stay apart', () => {
  it('gives every link to the same partner its own bend, spaced evenly around the base', () => {
    const bends = bendsForSharedEnds([
      { id: 'wuhan', from: [114.3, 30.6], to: berlin },
      { id: 'shandong', from: [117, 36.7], to: berlin },
      { id: 'cangzhou', from: [116.8, 38.3], to: berlin },
    ]);
    const values = [...bends.values()].sort((a, b) => a - b);
    expect(new Set(values).size).toBe(3);
    expect(values[1] - values[0]).toBeCloseTo(BEND_STEP, 9);
    expect(values[2] - values[1]).toBeCloseTo(BEND_STEP, 9);
    // Centred on the base bend, leaning towards the equator (south, for an eastern-hemisphere path westward).
    expect(Math.abs(values[1])).toBeCloseTo(BASE_BEND, 9);
  });

  it('leaves a lone link at the base bend', () => {
    const bends = bendsForSharedEnds([{ id: 'a', from: [114.3, 30.6], to: berlin }]);
    expect(Math.abs(bends.get('a')!)).toBeCloseTo(BASE_BEND, 9);
  });

  it('narrows the spacing for a large group so that no arc bends wildly', () => {
    const paths = Array.from({ length: 30 }, (_, i) => ({ id: String(i), from: [100 + i, 30] as [number, number], to: berlin }));
    const bends = [...bendsForSharedEnds(paths).values()];
    expect(Math.max(...bends.map(Math.abs))).toBeLessThan(0.5);
  });

  it('is deterministic whatever the input order', () => {
    const paths = [
      { id: 'a', from: [114.3, 30.6] as [number, number], to: berlin },
      { id: 'b', from: [117, 36.7] as [number, number], to: berlin },
    ];
    expect(bendsForSharedEnds(paths)).toEqual(bendsForSharedEnds([...paths].reverse()));
  });
});
