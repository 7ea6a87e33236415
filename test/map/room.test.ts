// The map drawn for a room (presentation mode): links wider and darker, with a casing, in colours
// that a projector's washed-out light still shows apart and against the ground.
import { Color, createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ORIGIN_IDS } from '../../src/core/types.ts';
import { PAPER } from '../../src/map/palette.ts';
import { atlasStyle, ROOM_SCALE, ROOM_STATE, roomLayers } from '../../src/map/style.ts';
import { features } from './map-fixture.ts';

const style = atlasStyle(features, {}, 'mercator');
const links = style.layers.find((layer) => layer.id === 'links')!;
const paint = links.type === 'line' ? links.paint! : {};

/** A paint property of the links, evaluated for a link of `origin` and `width` at zoom 3, in a room or not. */
function evaluate(property: 'line-color' | 'line-width', origin: string, room: boolean): unknown {
  const expression = createExpression(paint[property], latest.paint_line[property] as never);
  if (expression.result !== 'success') throw new Error(JSON.stringify(expression.value));
  const feature = { type: 'LineString', properties: { kind: 'link', origin, width: 2, collective: false } } as never;
  return expression.value.evaluate({ zoom: 3, globalState: { [ROOM_STATE]: room } } as never, feature);
}

/** WCAG 2 contrast ratio. */
const contrast = (a: Color, b: Color) => {
  const luminance = ({ r, g, b: blue }: Color) => {
    const linear = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(blue);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

/** CIE 1976 colour difference, in Lab. */
const deltaE = (a: Color, b: Color) => {
  const lab = (c: Color) => {
    const linear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const [r, g, bl] = [linear(c.r), linear(c.g), linear(c.b)];
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const [fx, fy, fz] = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883].map(f);
    return [116 * fy! - 16, 500 * (fx! - fy!), 200 * (fy! - fz!)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
};

describe('the map for a room', () => {
  it('is a valid style, with the casing it adds', () => {
    const room = { ...style, layers: [...style.layers, ...roomLayers()] };
    expect(validateStyleMin(room).map((error) => error.message)).toEqual([]);
  });

  it('draws links wider by the room’s scale', () => {
    for (const origin of ORIGIN_IDS) {
      expect(evaluate('line-width', origin, true)).toBeCloseTo((evaluate('line-width', origin, false) as number) * ROOM_SCALE.links, 9);
    }
  });

  it('gives each origin a link colour of 4.5:1 against the land and 3:1 against the sea, and keeps the four apart', () => {
    const colourOf = (origin: string, room: boolean) => Color.parse(String(evaluate('line-color', origin, room)))!;
    const colours = ORIGIN_IDS.map((origin) => colourOf(origin, true));
    for (const [i, colour] of colours.entries()) {
      expect(contrast(colour, Color.parse(PAPER.land)!), ORIGIN_IDS[i]).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, Color.parse(PAPER.sea)!), ORIGIN_IDS[i]).toBeGreaterThanOrEqual(3);
      // Not the screen's colour: darker than it.
      expect(contrast(colour, Color.parse(PAPER.land)!)).toBeGreaterThan(contrast(colourOf(ORIGIN_IDS[i]!, false), Color.parse(PAPER.land)!));
    }
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) expect(deltaE(colours[i]!, colours[j]!), `${ORIGIN_IDS[i]} / ${ORIGIN_IDS[j]}`).toBeGreaterThan(20);
    }
  });
});
