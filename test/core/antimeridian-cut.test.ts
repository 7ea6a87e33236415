import { describe, expect, it } from 'vitest';
import { cutAtAntimeridian } from '../../src/core/antimeridian-cut.ts';

describe('cutAtAntimeridian', () => {
  it('leaves a line within ±180 as it is', () => {
    const line: [number, number][] = [[100, 0], [150, 10], [179, 20]];
    expect(cutAtAntimeridian(line)).toEqual([line]);
  });

  it('cuts a line crossing eastward, the pieces meeting at 180 | -180 half way in latitude', () => {
    expect(cutAtAntimeridian([[170, 10], [190, 20]])).toEqual([
      [[170, 10], [180, 15]],
      [[-180, 15], [-170, 20]],
    ]);
  });

  it('cuts a line crossing westward at -180 | 180', () => {
    expect(cutAtAntimeridian([[-175, 0], [-185, 4], [-195, 8]])).toEqual([
      [[-175, 0], [-180, 2]],
      [[180, 2], [175, 4], [165, 8]],
    ]);
  });

  it('keeps a line that touches ±180 and turns back whole', () => {
    expect(cutAtAntimeridian([[170, 0], [180, 5], [170, 10]])).toEqual([[[170, 0], [180, 5], [170, 10]]]);
    expect(cutAtAntimeridian([[-170, 0], [-180, 5], [-170, 10]])).toEqual([[[-170, 0], [-180, 5], [-170, 10]]]);
  });

  it('cuts at a vertex lying on 180 without adding a point', () => {
    expect(cutAtAntimeridian([[170, 0], [180, 5], [190, 10]])).toEqual([
      [[170, 0], [180, 5]],
      [[-180, 5], [-170, 10]],
    ]);
  });

  it('keeps a stretch along the antimeridian with the side it joins', () => {
    expect(cutAtAntimeridian([[180, 0], [180, 5], [170, 10]])).toEqual([[[180, 0], [180, 5], [170, 10]]]);
    expect(cutAtAntimeridian([[180, 0], [180, 5], [190, 10]])).toEqual([[[-180, 0], [-180, 5], [-170, 10]]]);
  });

  it('cuts at every crossing, back and forth and past more than one world copy', () => {
    expect(cutAtAntimeridian([[170, 0], [190, 10], [170, 20], [190, 30]])).toEqual([
      [[170, 0], [180, 5]],
      [[-180, 5], [-170, 10], [-180, 15]],
      [[180, 15], [170, 20], [180, 25]],
      [[-180, 25], [-170, 30]],
    ]);
    expect(cutAtAntimeridian([[0, 0], [720, 8]])).toEqual([
      [[0, 0], [180, 2]],
      [[-180, 2], [180, 6]],
      [[-180, 6], [0, 8]],
    ]);
  });

  it('brings a line lying wholly in another world copy back within ±180', () => {
    expect(cutAtAntimeridian([[200, 0], [250, 5]])).toEqual([[[-160, 0], [-110, 5]]]);
  });
});
