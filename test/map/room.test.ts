// The map drawn for a room (presentation mode): links wider and darker, with a casing, in colours
// that a projector's washed-out light still shows apart and against the ground.
import { Color, createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ORIGIN_IDS } from '../../src/core/types.ts';
import { PAPER } from '../../src/map/palette.ts';
import { atlasStyle, ROOM_SCALE, ROOM_STATE, roomLayers } from '../../src/map/style.ts';
import { contrast, deltaE } from './colour.ts';
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
