import { describe, expect, it } from 'vitest';
import { boundsOfLines, fitBounds, FRAME_LATITUDE, panBy } from '../../src/core/camera.ts';

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

describe('fitBounds and panBy: the flat camera, as MapLibre reckons it', () => {
  it('fits a box of the world to the view, its middle at the centre', () => {
    // The whole Web Mercator world (±85.05°) is 512 px square at zoom 0: 1024 px wide fits at zoom 1.
    const { centre, zoom } = fitBounds([[-180, -85.0511], [180, 85.0511]], 1024, 1024, 0);
    expect(zoom).toBeCloseTo(1, 3);
    expect(centre[0]).toBeCloseTo(0, 6);
    expect(centre[1]).toBeCloseTo(0, 3);
  });

  it('leaves the padding free and takes the tighter of the two sides', () => {
    const wide = fitBounds([[0, 0], [90, 10]], 1000, 400, 50);
    const narrow = fitBounds([[0, 0], [90, 10]], 1000, 400, 0);
    expect(wide.zoom).toBeLessThan(narrow.zoom);
    // 90° is 128 px at zoom 0: 900 px of room gives zoom log2(900 / 128).
    expect(wide.zoom).toBeCloseTo(Math.log2(900 / 128), 6);
  });

  it('moves the centre by screen pixels at the zoom, and back again', () => {
    const start: [number, number] = [110, 30];
    const moved = panBy(start, 3, 256, 0);
    // 256 px at zoom 3 (4096 px world) is 22.5° of longitude.
    expect(moved[0]).toBeCloseTo(132.5, 6);
    expect(moved[1]).toBeCloseTo(30, 6);
    const back = panBy(moved, 3, -256, 0);
    expect(back[0]).toBeCloseTo(110, 6);
    expect(panBy(start, 3, 0, -100)[1]).toBeGreaterThan(30);
  });
});
