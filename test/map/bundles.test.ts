// A large atlas drawn in bundles below BUNDLE_ZOOM (core/bundles.ts): one line per origin and
// partner, as wide as its links' evidence up to a cap, shown while any of its links is kept; the
// real atlas, under BUNDLE_FROM links, is drawn link by link as before.
import { describe, expect, it } from 'vitest';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import { BUNDLE_FROM, BUNDLE_MAX_WIDTH, BUNDLE_ZOOM, bundleId } from '../../src/core/bundles.ts';
import { drawnLinks } from '../../src/core/country-links.ts';
import { atlasFeatures, keptBounds, keptStates } from '../../src/core/map-features.ts';
import { linkWidth } from '../../src/core/scales.ts';
import { syntheticAtlas } from '../../src/cli/filter-bench.ts';
import { staticMapLayers } from '../../src/map/static-map.ts';
import { atlasStyle, INTERACTIVE_LAYERS } from '../../src/map/style.ts';
import { localizer } from '../../src/i18n/localizer.ts';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { atlas, features, geography } from './map-fixture.ts';

const large = syntheticAtlas(atlas, 10_000);
const index = indexAtlas(large);
const bundled = atlasFeatures(index, geography);
const lines = (kind: string) => bundled.lines.features.filter((line) => line.properties.kind === kind);

describe('bundles', () => {
  it('are drawn for a large atlas only: the real one is drawn link by link', () => {
    expect(drawnLinks(indexAtlas(atlas)).length).toBeLessThan(BUNDLE_FROM);
    expect(features.bundled).toBe(false);
    expect(features.lines.features.some((line) => line.properties.kind === 'bundle')).toBe(false);
    expect(bundled.bundled).toBe(true);
  });

  it('are one line per origin and partner, from the origin’s seat, as wide as their evidence up to a cap', () => {
    const drawn = drawnLinks(index);
    const pairs = new Map<string, typeof drawn>();
    for (const link of drawn) pairs.set(`${link.origin}>${link.partner}`, [...(pairs.get(`${link.origin}>${link.partner}`) ?? []), link]);
    expect(lines('bundle').map((line) => line.properties.id).sort()).toEqual([...pairs.keys()].sort());
    expect(lines('link')).toHaveLength(drawn.length);
    // Ten thousand links come down to a few hundred lines at world scale.
    expect(lines('bundle').length).toBeLessThan(drawn.length / 10);
    for (const line of lines('bundle')) {
      const group = pairs.get(line.properties.id)!;
      const origin = large.origins.find((o) => o.id === group[0]!.origin)!;
      expect(line.geometry.coordinates[0]).toEqual([origin.lon, origin.lat]);
      const evidence = group.reduce((sum, link) => sum + link.evidence.length, 0);
      expect(line.properties.width).toBe(Math.min(BUNDLE_MAX_WIDTH, linkWidth(evidence)));
      for (const link of group) expect(bundled.bundleOfLink.get(link.id)).toBe(line.properties.id);
    }
    // Feature ids key the feature state: each link and bundle has its own, a bloc's spokes share one of theirs.
    const ids = bundled.lines.features.filter((line) => line.properties.kind !== 'spoke').map((line) => line.id);
    expect(new Set(ids).size).toBe(ids.length);
    const spokes = new Set(lines('spoke').map((line) => line.id));
    expect(ids.filter((id) => spokes.has(id))).toEqual([]);
  });

  it('show while any of their links is kept, counting them', () => {
    const yunnan = large.links.filter((link) => link.origin === 'yunnan');
    const kept = keptStates(index, yunnan);
    expect([...kept.bundles.keys()].every((id) => id.startsWith('yunnan>'))).toBe(true);
    expect([...kept.bundles.values()].reduce((a, b) => a + b, 0)).toBe(drawnLinks(index, yunnan).length);
    const one = yunnan[0]!;
    expect(keptStates(index, [one]).bundles).toEqual(new Map([[bundleId('yunnan', one.partner), 1]]));
    expect(keptBounds(bundled, keptStates(index, []))).toEqual(bundled.bounds);
  });

  it('are a layer below BUNDLE_ZOOM, and the links a layer from there on, in a valid style', () => {
    const style = atlasStyle(bundled, 'mercator');
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
    const layer = (id: string) => style.layers.find((l) => l.id === id)!;
    expect(layer(INTERACTIVE_LAYERS.bundles)).toMatchObject({ maxzoom: BUNDLE_ZOOM, filter: ['==', ['get', 'kind'], 'bundle'] });
    expect(layer(INTERACTIVE_LAYERS.links)).toMatchObject({ minzoom: BUNDLE_ZOOM });
    const real = atlasStyle(features, 'mercator');
    expect(real.layers.some((l) => l.id === INTERACTIVE_LAYERS.bundles)).toBe(false);
    expect(real.layers.find((l) => l.id === INTERACTIVE_LAYERS.links)).not.toHaveProperty('minzoom');
  });

  it('are what a picture draws below BUNDLE_ZOOM, and the links above', () => {
    const scene = (zoom: number) =>
      staticMapLayers({
        features: bundled,
        kept: bundled.kept,
        camera: { centre: [100, 20], zoom, projection: 'mercator' },
        width: 800,
        height: 500,
        loc: localizer('en', {}),
        room: false,
        selection: null,
        related: new Set(),
        hits: false,
      });
    const low = scene(2);
    expect(low.match(/<g class="bundle"/g)?.length).toBeGreaterThan(0);
    expect(low).not.toMatch(/<g class="link"/);
    const high = scene(BUNDLE_ZOOM + 1);
    expect(high).not.toMatch(/<g class="bundle"/);
    expect(high.match(/<g class="link"/g)?.length).toBeGreaterThan(0);
  });
});
