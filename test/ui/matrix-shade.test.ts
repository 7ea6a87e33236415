// The matrix's cells keep their numbers readable: the ink on the most shaded cell of any origin.
import { Color } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ORIGIN_COLOURS, PAPER } from '../../src/map/palette.ts';
import { CELL_SHADE_MAX, cellShade } from '../../src/ui/matrix-shade.ts';
import { contrast } from '../map/colour.ts';

/** The panel's colour (index.html's --panel). */
const PANEL = '#fffefb';

/** CSS color-mix(in srgb, colour share, panel): each channel mixed as written. */
const mix = (colour: string, share: number) => {
  const [a, b] = [Color.parse(colour)!, Color.parse(PANEL)!];
  return new Color(a.r * share + b.r * (1 - share), a.g * share + b.g * (1 - share), a.b * share + b.b * (1 - share), 1);
};

describe('matrix cells', () => {
  it('shade from a tint to CELL_SHADE_MAX for the largest count', () => {
    expect(cellShade(20, 20)).toBeCloseTo(CELL_SHADE_MAX, 10);
    expect(cellShade(1, 20)).toBeLessThan(0.2);
  });

  it('keep the ink at 4.5:1 or more on every origin’s most shaded cell', () => {
    for (const [origin, colour] of Object.entries(ORIGIN_COLOURS)) {
      expect(contrast(Color.parse(PAPER.text)!, mix(colour, CELL_SHADE_MAX)), origin).toBeGreaterThanOrEqual(4.5);
    }
  });
});
