// The map's labels (map/labels.ts) on the committed dataset, as every picture of the map places
// them: which show, in which words, how large, in what colour, and that none covers another.
import { Color } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';
import type { LonLat } from '../../src/core/arc.ts';
import { fitBounds } from '../../src/core/camera.ts';
import { NO_FILTERS } from '../../src/core/filters.ts';
import { atlasModel } from '../../src/core/model.ts';
import { ORIGIN_IDS } from '../../src/core/types.ts';
import { localizer } from '../../src/i18n/localizer.ts';
import { labelColour, labelSize, labelWords, mapLabels, type LabelView, type MapLabel } from '../../src/map/labels.ts';
import { ORIGIN_COLOURS, PAPER } from '../../src/map/palette.ts';
import { staticProjection, type StaticCamera } from '../../src/map/static-map.ts';
import { ROOM_SCALE } from '../../src/map/style.ts';
import { contrast } from './colour.ts';
import { atlas, features, geography } from './map-fixture.ts';

const table = traditionalTable(['public/data/atlas.json', 'geo/world.topo.json', 'geo/china.topo.json']);
const model = atlasModel(atlas, geography.countryNames);
const [WIDTH, HEIGHT] = [1280, 720];
const camera: StaticCamera = { ...fitBounds(features.bounds, WIDTH, HEIGHT, 48), projection: 'mercator' };
const points = features.points.features.map((point) => ({ coordinates: point.geometry.coordinates as LonLat, properties: point.properties }));

function labels(change: Partial<LabelView> = {}, at: StaticCamera = camera): MapLabel[] {
  const projection = staticProjection(at, WIDTH, HEIGHT);
  return mapLabels(points, {
    zoom: at.zoom,
    width: WIDTH,
    height: HEIGHT,
    loc: localizer('zh-Hans', {}),
    scale: 1,
    kept: model.mapState(NO_FILTERS),
    project: (lonLat) => projection(lonLat) as [number, number] | null,
    ...change,
  });
}

const ukraine = { zh: '乌克兰', en: 'Ukraine' };

describe('labelWords', () => {
  it('puts the chosen language first and the other second, in every language', () => {
    expect(labelWords(ukraine, localizer('zh-Hans', {}))).toEqual(['乌克兰', 'Ukraine']);
    expect(labelWords(ukraine, localizer('zh-Hant', table))).toEqual(['烏克蘭', 'Ukraine']);
    expect(labelWords(ukraine, localizer('en', table))).toEqual(['Ukraine', '乌克兰']);
  });

  it('shows Traditional for every name the table has, and a name it lacks as it is', () => {
    expect(labelWords({ zh: '山东省', en: 'Shandong' }, localizer('zh-Hant', table))[0]).toBe('山東省');
    expect(labelWords({ zh: '未知之地', en: 'Nowhere' }, localizer('zh-Hant', table))[0]).toBe('未知之地');
    // Without a table (not loaded yet) zh-Hant shows Simplified rather than nothing.
    expect(labelWords(ukraine, localizer('zh-Hant', {}))).toEqual(['乌克兰', 'Ukraine']);
  });
});

describe('labelColour', () => {
  it('keeps every origin’s name at 4.5:1 or more against its halo, in the origin’s hue', () => {
    const halo = Color.parse(PAPER.halo)!;
    for (const origin of ORIGIN_IDS) {
      const text = Color.parse(labelColour({ kind: 'seat', origin }))!;
      expect(contrast(text, halo), origin).toBeGreaterThanOrEqual(4.5);
      const own = Color.parse(ORIGIN_COLOURS[origin])!;
      const largest = (c: Color) => ['r', 'g', 'b'].reduce((best, k) => (c[k as 'r'] > c[best as 'r'] ? k : best), 'r');
      expect(largest(text), origin).toBe(largest(own));
    }
    for (const kind of ['hub', 'place', 'site', 'country'] as const) expect(contrast(Color.parse(labelColour({ kind, origin: null }))!, halo), kind).toBeGreaterThanOrEqual(4.5);
  });
});

describe('mapLabels', () => {
  it('names every origin at the framed view, in the reader’s language over the other', () => {
    const seats = labels().filter((label) => label.kind === 'seat');
    expect(seats.map((label) => label.lines[0]).sort()).toEqual(atlas.origins.map((origin) => origin.zh).sort());
    const english = labels({ loc: localizer('en', {}) }).filter((label) => label.kind === 'seat');
    expect(english.map((label) => label.lines).sort()).toEqual(atlas.origins.map((origin) => [origin.en, origin.zh]).sort());
  });

  it('places no label over another, and shows each kind only from its zoom', () => {
    for (const zoom of [camera.zoom, 4, 6]) {
      const placed = labels({}, { ...camera, zoom });
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1)) {
          const apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;
          expect(apart, `${a.key} and ${b.key} at zoom ${zoom}`).toBe(true);
        }
      }
      const minzoom = new Map(points.map((point) => [point.properties.key, point.properties.minzoom]));
      for (const label of placed) expect(minzoom.get(label.key)!, label.key).toBeLessThanOrEqual(zoom);
    }
    // Closer in, a city's name shows beside it.
    const city = points.find((point) => point.properties.kind === 'place')!;
    expect(labels({}, { ...camera, zoom: 6, centre: city.coordinates }).map((label) => label.key)).toContain(city.properties.key);
  });

  it('draws labels larger by the scale it is given, a room’s among them', () => {
    const room = labels({ scale: ROOM_SCALE.labels });
    const wuhan = (list: MapLabel[]) => list.find((label) => label.key === 'seat:wuhan')!;
    expect(wuhan(room).size).toBeCloseTo(labelSize('seat', camera.zoom) * ROOM_SCALE.labels, 9);
    expect(wuhan(room).size).toBeCloseTo(wuhan(labels()).size * ROOM_SCALE.labels, 9);
  });

  it('keeps the place of a label the filters hide, unseen, so that no label jumps when they change', () => {
    const yunnanOnly = model.mapState({ ...NO_FILTERS, origin: ['yunnan'] });
    const all = labels();
    const filtered = labels({ kept: yunnanOnly });
    expect(filtered.map(({ key, left, top }) => [key, left, top])).toEqual(all.map(({ key, left, top }) => [key, left, top]));
    const hidden = filtered.filter((label) => !label.shown);
    expect(hidden.length).toBeGreaterThan(0);
    for (const label of hidden) {
      const [kind, id] = label.key.split(':') as [string, string];
      expect(kind === 'hub' ? yunnanOnly.hubLinks.has(id) : yunnanOnly.countryTies.has(id), label.key).toBe(false);
    }
    expect(all.every((label) => label.shown)).toBe(true);
  });
});
