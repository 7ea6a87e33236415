import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toAtlasSubset, toGeoJson } from '../../src/core/downloads.ts';
import { filterIndex, filterLinks, NO_FILTERS } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const atlas: Atlas = parsed.atlas;
const shandong = filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['shandong'] });

describe('GeoJSON download', () => {
  const fc = toGeoJson(atlas, shandong);

  it('holds one line per kept link and one point per kept site', () => {
    const links = fc.features.filter((f) => f.properties?.type === 'link');
    const sites = fc.features.filter((f) => f.properties?.type === 'site');
    expect(links.length).toBe(shandong.length);
    expect(sites.length).toBe(new Set(shandong.flatMap((l) => l.evidence.map((e) => e.site)).filter(Boolean)).size);
    expect(sites.every((f) => f.properties?.origin === 'shandong')).toBe(true);
  });

  it('draws each link from its place to the partner', () => {
    const israel = fc.features.find((f) => f.id === 'shandong:370500:ISR')!;
    expect(israel.geometry?.type).toBe('LineString');
    const coords = (israel.geometry as { coordinates: number[][] }).coordinates;
    expect(coords[0]).toEqual([118.675, 37.434]);
    expect(coords.at(-1)).toEqual([34.782, 32.085]);
    expect(fc.features.filter((f) => f.properties?.type === 'link').every((f) => f.geometry?.type === 'LineString')).toBe(true);
  });
});

describe('JSON download', () => {
  it('is a valid dataset holding only what the kept links refer to', () => {
    const subset = toAtlasSubset(atlas, shandong);
    const back = parseAtlas(JSON.stringify(subset));
    expect(back.ok ? 'ok' : back.error).toBe('ok');
    expect(subset.documents.map((d) => d.origin)).toEqual(['shandong']);
    expect(subset.partners.length).toBe(new Set(shandong.map((l) => l.partner)).size);
  });
});
