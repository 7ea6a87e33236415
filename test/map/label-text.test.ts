// The labels' text-field per language, evaluated by MapLibre's own expression engine (the style
// spec maplibre-gl is built with) on label points like the ones core/map-features.ts makes.
import { Color, createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';
import { ORIGIN_IDS } from '../../src/core/types.ts';
import { ORIGIN_COLOURS } from '../../src/map/palette.ts';
import { labelLayer, labelText } from '../../src/map/style.ts';
import { contrast } from './colour.ts';
import type { ExpressionSpecification } from 'maplibre-gl';

const table = traditionalTable(['public/data/atlas.json', 'geo/world.topo.json', 'geo/china.topo.json']);

/** The label's lines, as MapLibre would lay them out for a feature with these names. */
function lines(expression: ExpressionSpecification, properties: Record<string, string>): string[] {
  const parsed = createExpression(expression, latest.layout_symbol['text-field'] as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const value = parsed.value.evaluate({ zoom: 3 }, { type: 'Point', properties } as never);
  return String(value).split('\n');
}

const ukraine = { zh: '乌克兰', en: 'Ukraine' };

describe('labelText', () => {
  it('puts the chosen language first and the other second, in every language', () => {
    expect(lines(labelText('zh-Hans'), ukraine)).toEqual(['乌克兰', 'Ukraine']);
    expect(lines(labelText('zh-Hant', table), ukraine)).toEqual(['烏克蘭', 'Ukraine']);
    expect(lines(labelText('en', table), ukraine)).toEqual(['Ukraine', '乌克兰']);
  });

  it('shows Traditional for every name the table has, and a name it lacks as it is', () => {
    const shandong = { zh: '山东省', en: 'Shandong' };
    expect(lines(labelText('zh-Hant', table), shandong)[0]).toBe('山東省');
    expect(lines(labelText('zh-Hant', table), { zh: '未知之地', en: 'Nowhere' })[0]).toBe('未知之地');
    // Without a table (not loaded yet) zh-Hant shows Simplified rather than nothing.
    expect(lines(labelText('zh-Hant'), ukraine)).toEqual(['乌克兰', 'Ukraine']);
  });

  it('keeps the second line smaller and the expression valid for the label layer', () => {
    const expression = labelText('zh-Hant', table);
    expect(expression[0]).toBe('format');
    expect(expression.at(-1)).toEqual({ 'font-scale': 0.78 });
    const layer = labelLayer(1, expression);
    expect(layer?.type).toBe('symbol');
    expect(layer?.type === 'symbol' ? layer.layout?.['text-field'] : null).toBe(expression);
  });
});

describe('the labels’ colours', () => {
  it('keeps every origin’s name at 4.5:1 or more against its halo, in the origin’s hue', () => {
    const layer = labelLayer();
    const paint = layer.type === 'symbol' ? layer.paint! : {};
    const colour = createExpression(paint['text-color'], latest.paint_symbol['text-color'] as never);
    if (colour.result !== 'success') throw new Error(JSON.stringify(colour.value));
    const halo = Color.parse(paint['text-halo-color'] as string)!;
    for (const origin of ORIGIN_IDS) {
      const text = Color.parse(String(colour.value.evaluate({ zoom: 3 }, { type: 'Point', properties: { kind: 'seat', origin } } as never)))!;
      expect(contrast(text, halo), origin).toBeGreaterThanOrEqual(4.5);
      // Still the origin's colour, darkened: its largest channel stays its largest.
      const own = Color.parse(ORIGIN_COLOURS[origin])!;
      const largest = (c: Color) => ['r', 'g', 'b'].reduce((best, k) => (c[k as 'r'] > c[best as 'r'] ? k : best), 'r');
      expect(largest(text), origin).toBe(largest(own));
    }
  });
});
