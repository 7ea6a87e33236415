import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../src/core/arc.ts';
import { drawnLinks } from '../../src/core/country-links.ts';
import { ORIGIN_IDS } from '../../src/core/types.ts';
import { atlasFeatures } from '../../src/core/map-features.ts';
import { readGeography } from '../../src/core/geography.ts';
import { atlasStyle, linkWidthAt } from '../../src/map/style.ts';

import { atlas, china, features, geography, index, world } from './map-fixture.ts';

describe('geography', () => {
  it('leaves China to the China layer: not a world country, its borders not in the world mesh', () => {
    expect(geography.countries.some((c) => ['CHN', 'TWN'].includes(c.properties.id))).toBe(false);
    expect(geography.borders.coordinates.length).toBeGreaterThan(100);
    expect(geography.nation.features).toHaveLength(1);
  });
});

describe('atlasFeatures', () => {
  const links = features.lines.features.filter((f) => f.properties.kind === 'link');
  const ofKind = (kind: string) => features.base.features.filter((f) => f.properties.kind === kind);

  it('draws one arc per link that has an anchor, with no antimeridian jump', () => {
    expect(links).toHaveLength(drawnLinks(index).length);
    for (const { geometry } of links) {
      const line = geometry.coordinates as LonLat[];
      expect(Math.max(...line.slice(1).map(([lon], i) => Math.abs(lon - line[i][0])))).toBeLessThan(10);
    }
  });

  it('keeps bloc and region ties apart from bilateral ones, with a hub and spokes to the members', () => {
    const collective = links.filter((f) => f.properties.collective);
    const partners = new Set(collective.map((f) => index.links.get(f.properties.id)!.partner));
    expect([...partners].every((id) => ['bloc', 'region'].includes(index.partners.get(id)!.kind))).toBe(true);
    const hubs = features.points.features.filter((f) => f.properties.kind === 'hub');
    expect(hubs.map((f) => f.properties.id).sort()).toEqual([...partners].sort());
    const members = [...partners].reduce((sum, id) => sum + index.partners.get(id)!.members.length, 0);
    expect(features.lines.features.filter((f) => f.properties.kind === 'spoke')).toHaveLength(members);
  });

  it('shades countries by their ties, in classes the legend lists', () => {
    const area = (id: string) => ofKind('country').find((f) => f.properties.id === id)!;
    const israel = area('ISR');
    expect(israel.properties.ties).toBeGreaterThan(0);
    const shade = features.kept.tieClasses[israel.properties.shade];
    expect(israel.properties.ties).toBeGreaterThanOrEqual(shade.min);
    expect(israel.properties.ties).toBeLessThanOrEqual(shade.max);
    expect(area('ISL').properties.shade).toBe(-1);
  });

  it('draws the four origin areas once each, over China’s provinces, and frames every tie', () => {
    expect(ofKind('origin').map((f) => f.properties.origin).sort()).toEqual([...ORIGIN_IDS].sort());
    const provinces = ofKind('province').map((f) => f.properties.id);
    expect(provinces).not.toContain('370000');
    expect(provinces).toContain('420000');
    const kinds = features.base.features.map((f) => f.properties.kind);
    expect(kinds.lastIndexOf('province')).toBeLessThan(kinds.indexOf('origin'));
    const [[west, south], [east, north]] = features.bounds;
    for (const { geometry } of links) {
      for (const [lon, lat] of [geometry.coordinates[0], geometry.coordinates.at(-1)!]) {
        const shifted = lon + 360 * Math.round((west + east) / 2 / 360 - lon / 360);
        expect(shifted).toBeGreaterThanOrEqual(west - 1e-9);
        expect(shifted).toBeLessThanOrEqual(east + 1e-9);
        expect(lat).toBeGreaterThanOrEqual(south);
        expect(lat).toBeLessThanOrEqual(north);
      }
    }
  });

  it('gives every point a key of its own, for feature state', () => {
    const keys = features.points.features.map((f) => f.properties.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('atlasStyle', () => {
  const style = atlasStyle(features, 'mercator');
  const text = JSON.stringify(style);

  it('follows the style specification (the map does not check it again at load)', () => {
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
    const broken = { ...style, layers: [...style.layers, { id: 'bad', type: 'line', source: 'nowhere' }] };
    expect(validateStyleMin(broken as typeof style).length).toBeGreaterThan(0);
  });

  it('has every layer from the first picture, and no labels (they are HTML): spokes under the ties, markers and sites over them', () => {
    expect(style.layers.map((layer) => layer.id)).toEqual([
      'sea', 'areas', 'boundaries', 'dash-line', 'country-highlight', 'spokes', 'links', 'markers', 'site-uncertainty', 'sites',
    ]);
  });

  it('needs nothing outside the page, nor any image: no glyphs, no fonts, no sprite, no icons, no remote source', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style['font-faces']).toBeUndefined();
    // Labels and sites' markers are HTML over the map: a symbol layer's images and placement would cost pictures of the map.
    expect(style.layers.filter((layer) => layer.type === 'symbol')).toEqual([]);
    expect(style.sprite).toBeUndefined();
    expect(text).not.toMatch(/"(url|tiles)"/);
  });

  it('gives the flow overlay the widths the style draws', () => {
    expect(linkWidthAt(0, 2)).toBeCloseTo(1.6, 9);
    expect(linkWidthAt(4, 2)).toBeCloseTo(2.6, 9);
    expect(linkWidthAt(2.5, 2)).toBeCloseTo(2.1, 9);
    expect(linkWidthAt(12, 2)).toBeCloseTo(5.2, 9);
  });

  it('refers only to sources that exist', () => {
    for (const layer of style.layers) if ('source' in layer) expect(style.sources).toHaveProperty(layer.source as string);
  });

  it('finds sites for the pointer on a layer MapLibre never draws: a circle with neither fill nor outline', () => {
    const sites = style.layers.find((layer) => layer.id === 'sites');
    expect(sites).toMatchObject({ type: 'circle', paint: { 'circle-opacity': 0, 'circle-stroke-width': 0 } });
  });
});

describe('readGeography', () => {
  it('reads only the prefectures asked for, and the map draws the same origin areas from them', () => {
    const origins = new Set(atlas.origins.map((origin) => origin.adcode));
    const some = readGeography(world, china, (adcode) => origins.has(adcode));
    expect(some.prefectures.length).toBeLessThan(geography.prefectures.length);
    expect(some.prefectures.every((area) => origins.has(area.properties.id))).toBe(true);
    const originAreas = (g: typeof geography) => atlasFeatures(index, g).base.features.filter((f) => f.properties.kind === 'origin');
    expect(originAreas(some)).toEqual(originAreas(geography));
  });
});
