import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { unwrapGeometry, unwrapRing } from '../../src/geo/antimeridian';

const largestJump = (ring: Position[]) =>
  Math.max(...ring.slice(1).map(([lon], i) => Math.abs(lon - ring[i][0])));
const longitudes = (geometry: Polygon | MultiPolygon) => geometry.coordinates.flat(3).filter((_, i) => i % 2 === 0);

describe('unwrapRing', () => {
  it('leaves a ring that does not cross the antimeridian as it is', () => {
    const ring = [[10, 0], [20, 0], [20, 10], [10, 0]];
    expect(unwrapRing(ring)).toEqual(ring);
  });

  it('carries a ring across +180 instead of jumping to -180', () => {
    const ring = [[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]];
    expect(unwrapRing(ring)).toEqual([[179, 0], [181, 0], [181, 1], [179, 1], [179, 0]]);
  });

  it('closes a ring around a pole along the pole, in steps no wider than 180°', () => {
    const ring = [[-180, -70], [-90, -72], [0, -70], [90, -72], [180, -70], [-180, -70]];
    const out = unwrapRing(ring);
    expect(largestJump(out)).toBeLessThanOrEqual(180);
    expect(out.at(-1)).toEqual(out[0]);
    expect(out.filter(([, lat]) => lat === -90).map(([lon]) => lon)).toEqual([180, 90, 0, -90, -180]);
  });
});

describe('unwrapGeometry', () => {
  it('keeps the parts of one feature together around 180° (Fiji)', () => {
    const fiji: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[177, -18], [180, -18], [180, -16], [177, -16], [177, -18]]],
        [[[-180, -17], [-179.5, -17], [-179.5, -16.5], [-180, -17]]],
      ],
    };
    const lons = longitudes(unwrapGeometry(fiji));
    expect(Math.min(...lons)).toBe(177);
    expect(Math.max(...lons)).toBe(180.5);
  });

  it('places the largest part inside [-180, 180) whichever vertex its ring starts at (Russia)', () => {
    const russia: Polygon = {
      type: 'Polygon',
      coordinates: [[[-175, 65], [-170, 66], [-175, 70], [40, 70], [40, 50], [-175, 65]]],
    };
    const lons = longitudes(unwrapGeometry(russia));
    expect(Math.min(...lons)).toBe(40);
    expect(Math.max(...lons)).toBe(190);
  });

  it('drops a ring hugging the pole and closes the coast ring through the pole (Antarctica)', () => {
    const cap = [[-180, -89.999], [90, -89.999], [0, -89.999], [-90, -89.999], [-180, -89.999]];
    const coast = [[-180, -78], [-60, -65], [60, -68], [179, -79], [-180, -78]];
    const result = unwrapGeometry({ type: 'MultiPolygon', coordinates: [[cap, coast]] });
    expect(result.coordinates).toHaveLength(1);
    expect(result.coordinates[0]).toHaveLength(1);
    const ring = result.coordinates[0][0];
    expect(largestJump(ring)).toBeLessThanOrEqual(180);
    expect(ring.some(([, lat]) => lat === -90)).toBe(true);
  });

  it('keeps the geometry type', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    expect(unwrapGeometry(square)).toEqual(square);
  });
});
