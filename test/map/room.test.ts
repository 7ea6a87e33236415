// The map drawn for a room (presentation mode): links wider and darker, with a casing, in colours
// that a projector's washed-out light still shows apart and against the ground.
import { Color, createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ORIGIN_IDS } from '../../src/core/types.ts';
import { PAPER } from '../../src/map/palette.ts';
import { atlasStyle, ROOM_SCALE, ROOM_STATE, roomLayers } from '../../src/map/style.ts';
import { contrast, deltaE } from './colour.ts';
import { features } from './map-fixture.ts';

const style = atlasStyle(features, 'mercator');
const links = style.layers.find((layer) => layer.id === 'links')!;
const paint = links.type === 'line' ? links.paint! : {};

/** A style value for a feature at zoom 3, in a room or not. */
function evaluateValue(value: unknown, spec: unknown, properties: Record<string, unknown>, room: boolean): unknown {
  const expression = createExpression(value, spec as never);
  if (expression.result !== 'success') throw new Error(JSON.stringify(expression.value));
  return expression.value.evaluate({ zoom: 3, globalState: { [ROOM_STATE]: room } } as never, { type: 'Point', properties } as never);
}

/** A paint property of the links, for a link of `origin`, 2 wide, solid or `collective` (a hollow tube). */
const evaluate = (property: 'line-color' | 'line-width', origin: string, room: boolean, collective = false) =>
  evaluateValue(paint[property], latest.paint_line[property], { kind: 'link', origin, width: 2, collective }, room);

describe('the map for a room', () => {
  it('is a valid style, with the casing it adds, for an atlas drawn link by link or in bundles', () => {
    for (const bundled of [false, true]) {
      const room = { ...style, layers: [...style.layers, ...roomLayers(bundled)] };
      expect(validateStyleMin(room).map((error) => error.message)).toEqual([]);
    }
  });

  it('draws links wider by the room’s scale', () => {
    for (const origin of ORIGIN_IDS) {
      expect(evaluate('line-width', origin, true)).toBeCloseTo((evaluate('line-width', origin, false) as number) * ROOM_SCALE.links, 9);
    }
  });

  it('cases each link, solid or hollow, wider than it is drawn', () => {
    const casing = roomLayers(false).find((layer) => layer.id === 'link-casing')!;
    const casingWidth = casing.type === 'line' ? casing.paint!['line-width'] : null;
    const gap = (collective: boolean) => evaluateValue(paint['line-gap-width'], latest.paint_line['line-gap-width'], { kind: 'link', width: 2, collective }, true) as number;
    for (const collective of [false, true]) {
      const drawn = (evaluate('line-width', 'wuhan', true, collective) as number) * (collective ? 2 : 1) + gap(collective);
      const cased = evaluateValue(casingWidth, latest.paint_line['line-width'], { kind: 'link', width: 2, collective }, true) as number;
      expect(cased, collective ? 'hollow' : 'solid').toBeGreaterThan(drawn);
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
