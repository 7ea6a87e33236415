import { describe, expect, it } from 'vitest';
import { boundsOfLines, FRAME_LATITUDE } from '../../src/core/camera.ts';

describe('boundsOfLines: the default view frames every tie', () => {
  it('boxes lines on one side of the world plainly', () => {
    expect(boundsOfLines([[[100, 20], [120, 40]], [[110, -10], [115, 0]]])).toEqual([[100, -10], [120, 40]]);
  });

  it('crosses the antimeridian when that is the short way round', () => {
    // China to California, as an unwrapped arc, plus a tie to Japan.
    const [[west], [east]] = boundsOfLines([[[116, 38], [180, 50], [238, 37]], [[116, 38], [140, 36]]]);
    expect(west).toBe(116);
    expect(east).toBe(238);
  });

  it('takes longitudes around the globe whatever their written form', () => {
    const [[west], [east]] = boundsOfLines([[[170, 0], [-170, 0]]]);
    expect([west, east]).toEqual([170, 190]);
  });

  it('stops at ±FRAME_LATITUDE, where only polar great circles go', () => {
    const [[, south], [, north]] = boundsOfLines([[[0, -89], [10, 89]]]);
    expect([south, north]).toEqual([-FRAME_LATITUDE, FRAME_LATITUDE]);
  });
});
