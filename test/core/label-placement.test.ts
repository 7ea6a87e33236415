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
    // A deterministic scatter, dense enough that most labels collide, against the plain rule:
    // each label at its first spot inside the picture that overlaps no box placed before it.
    const candidates = Array.from({ length: 600 }, (_, i) => label((i * 7919) % 1000, (i * 104_729) % 700));
    const pad = 3;
    const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
    const expected: [number, string][] = [];
    candidates.forEach((c, index) => {
      for (const { anchor, offset } of c.spots) {
        const left = c.x + offset[0] * c.em - (anchor === 'left' ? 0 : anchor === 'right' ? c.width : c.width / 2);
        const top = c.y + offset[1] * c.em - c.height / 2;
        const box = { x0: left - pad, y0: top - pad, x1: left + c.width + pad, y1: top + c.height + pad };
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > 1000 || box.y1 > 700) continue;
        if (boxes.some((o) => box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1)) continue;
        boxes.push(box);
        expected.push([index, anchor]);
        return;
      }
    });
    const placed = placeLabels(candidates, 1000, 700, pad);
    expect(placed.map((p) => [p.index, p.anchor])).toEqual(expected);
    expect(placed.length).toBeGreaterThan(50);
    expect(placed.length).toBeLessThan(candidates.length);
  });
});
