// Where labels go: in the order given, each at its first free spot inside the picture.
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelCandidate, type LabelSpot } from '../../src/core/label-placement.ts';

const right: LabelSpot = { anchor: 'left', offset: [1, 0] };
const left: LabelSpot = { anchor: 'right', offset: [-1, 0] };
const label = (x: number, y: number, spots: LabelSpot[] = [right, left]): LabelCandidate => ({ x, y, width: 40, height: 20, em: 10, spots });

describe('placeLabels', () => {
  it('puts a label at its first spot, moved by the offset in ems, its box beside the anchor', () => {
    expect(placeLabels([label(100, 100)], 400, 300)).toEqual([{ index: 0, anchor: 'left', x: 110, y: 100, left: 110, top: 90 }]);
  });

  it('gives way to a label placed before it: the next spot, else none', () => {
    const placed = placeLabels([label(100, 100), label(60, 100), label(110, 100, [right])], 400, 300);
    expect(placed.map(({ index, anchor }) => [index, anchor])).toEqual([[0, 'left'], [1, 'right']]);
    // Order is importance: the same labels the other way round keep the other one.
    expect(placeLabels([label(110, 100, [right]), label(100, 100)], 400, 300).map(({ index, anchor }) => [index, anchor])).toEqual([
      [0, 'left'],
      [1, 'right'],
    ]);
  });

  it('keeps each box, with its padding, inside the picture', () => {
    expect(placeLabels([label(360, 100, [right])], 400, 300)).toEqual([]);
    expect(placeLabels([label(360, 100)], 400, 300).map((p) => p.anchor)).toEqual(['right']);
    expect(placeLabels([label(100, 5, [right])], 400, 300)).toEqual([]);
    expect(placeLabels([label(100, 5, [right])], 400, 300, 0)).toEqual([]);
    expect(placeLabels([label(100, 10, [right])], 400, 300, 0)).toHaveLength(1);
  });

  it('anchors a box on any side of its point', () => {
    const at = (anchor: LabelSpot['anchor']) => placeLabels([label(200, 150, [{ anchor, offset: [0, 0] }])], 400, 300)[0]!;
    expect([at('center').left, at('center').top]).toEqual([180, 140]);
    expect([at('top').left, at('top').top]).toEqual([180, 150]);
    expect([at('bottom').left, at('bottom').top]).toEqual([180, 130]);
    expect([at('right').left, at('right').top]).toEqual([160, 140]);
  });

  it('finds the same free places as checking every pair, across many labels', () => {
    // A deterministic scatter, dense enough that most labels collide.
    const candidates = Array.from({ length: 600 }, (_, i) => label((i * 7919) % 1000, (i * 104_729) % 700));
    const placed = placeLabels(candidates, 1000, 700);
    const boxes = placed.map((p) => ({ x0: p.left - 3, y0: p.top - 3, x1: p.left + 43, y1: p.top + 23 }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${placed[i]!.index} and ${placed[j]!.index}`).toBe(false);
      }
    }
    // And every label left out had no free spot.
    const out = candidates.findIndex((_, i) => !placed.some((p) => p.index === i));
    expect(out).toBeGreaterThan(-1);
    expect(placed.length).toBeGreaterThan(50);
  });
});
