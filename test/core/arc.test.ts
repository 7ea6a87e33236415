import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { equatorwardSign, linkArc, unwrapLongitudes, type LonLat } from '../../src/core/arc.ts';

const maxJump = (line: LonLat[]) => Math.max(...line.slice(1).map(([lon], i) => Math.abs(lon - line[i][0])));
const RADIANS = Math.PI / 180;

describe('linkArc: great-circle paths for links', () => {
  const wuhan: LonLat = [114.3, 30.6];
  const berlin: LonLat = [13.4, 52.5];

  it('starts and ends exactly at the two ends', () => {
    const arc = linkArc(wuhan, berlin, 0.1);
    expect(arc[0]).toEqual(wuhan);
    expect(arc.at(-1)).toEqual(berlin);
  });

  it('follows the great circle when not bent', () => {
    const arc = linkArc(wuhan, berlin);
    const length = geoDistance(wuhan, berlin);
    for (const point of arc) {
      // On the great circle, the two legs add up to the whole.
      expect(geoDistance(wuhan, point) + geoDistance(point, berlin)).toBeCloseTo(length, 9);
    }
  });

  it('puts the middle of a bent arc about the asked fraction of its length to the left of travel', () => {
    const from: LonLat = [0, 0];
    const to: LonLat = [60, 0];
    const arc = linkArc(from, to, 0.1);
    const middle = arc[Math.floor(arc.length / 2)];
    // Travelling east along the equator, left is north; 0.1 × 60° is 6°, give or take the sphere.
    expect(middle[1] / 6).toBeGreaterThan(0.95);
    expect(middle[1] / 6).toBeLessThan(1.1);
    expect(linkArc(from, to, -0.1)[Math.floor(arc.length / 2)][1]).toBeCloseTo(-middle[1], 6);
  });

  it('keeps longitudes continuous across the antimeridian: no stripe over the whole map', () => {
    const arc = linkArc([116.8, 38.3], [-122.1, 37.4], 0.1);
    expect(maxJump(arc)).toBeLessThan(5);
    expect(arc[0][0]).toBe(116.8);
    expect(arc.at(-1)![0]).toBeCloseTo(-122.1 + 360, 9);
  });

  it('has vertices every couple of degrees, so that it draws smooth', () => {
    const arc = linkArc(wuhan, berlin);
    const steps = arc.slice(1).map((point, i) => geoDistance(arc[i], point) / RADIANS);
    expect(Math.max(...steps)).toBeLessThanOrEqual(1.5 + 1e-9);
  });
});

describe('equatorwardSign', () => {
  it('bends northern paths south and southern paths north, whichever way they run', () => {
    // Eastward in the north: left is north, so the equator is to the right.
    expect(equatorwardSign([0, 40], [60, 40])).toBe(-1);
    expect(equatorwardSign([60, 40], [0, 40])).toBe(1);
    expect(equatorwardSign([0, -40], [60, -40])).toBe(1);
  });
});

describe('unwrapLongitudes', () => {
  it('turns a ±180 jump into a continuous run', () => {
    expect(unwrapLongitudes([[170, 0], [179, 1], [-179, 2], [-170, 3]])).toEqual([[170, 0], [179, 1], [181, 2], [190, 3]]);
  });
});
