import { readFileSync } from 'node:fs';
import type { Geometry, MultiLineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { linkArc, type LonLat } from '../../src/core/arc.ts';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import { toAtlasSubset, toGeoJson } from '../../src/core/downloads.ts';
import { filterIndex, filterLinks, NO_FILTERS } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const shandong = filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['shandong'] });
const { partners, places } = indexAtlas(atlas);

/** The unwrapped arc the map draws for a link. */
function mapArc(id: string): LonLat[] {
  const link = atlas.links.find((l) => l.id === id)!;
  const place = places.get(link.place)!;
  return linkArc([place.lon, place.lat], partners.get(link.partner)!.anchor!);
}

function positions(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString') return geometry.coordinates;
  if (geometry.type === 'MultiLineString') return geometry.coordinates.flat();
  throw new Error(`unexpected ${geometry.type}`);
}

describe('GeoJSON download', () => {
  const fc = toGeoJson(indexAtlas(atlas), shandong);

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
    expect(coords).toEqual(mapArc('shandong:370500:ISR'));
  });

  const all = toGeoJson(indexAtlas(atlas), atlas.links);

  it('keeps every position of the whole dataset within [-180, 180] × [-90, 90] (RFC 7946)', () => {
    const points = all.features.flatMap((f) => (f.geometry ? positions(f.geometry) : []));
    expect(points.length).toBeGreaterThan(atlas.links.length);
    const outside = points.filter(([lon, lat]) => !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90));
    expect(outside).toEqual([]);
  });

  it('cuts exactly the links whose map arc runs past ±180 (RFC 7946 §3.1.9)', () => {
    const crossing = (id: string) => mapArc(id).some(([lon]) => Math.abs(lon) > 180);
    const lines = all.features.filter((f) => f.properties?.type === 'link' && f.geometry);
    expect(lines.some((f) => crossing(String(f.id)))).toBe(true);
    for (const f of lines) {
      expect(f.geometry?.type, String(f.id)).toBe(crossing(String(f.id)) ? 'MultiLineString' : 'LineString');
    }
  });

  it('splits a link to California at the antimeridian, its two parts following the map arc', () => {
    const id = 'shandong:370000:hp';
    const hp = fc.features.find((f) => f.id === id)!;
    expect(hp.geometry?.type).toBe('MultiLineString');
    const parts = (hp.geometry as MultiLineString).coordinates;
    expect(parts).toHaveLength(2);
    const [west, east] = parts;
    const arc = mapArc(id);
    const before = arc.filter(([lon]) => lon < 180);
    const after = arc.filter(([lon]) => lon > 180);
    expect(before.length + after.length).toBe(arc.length);
    // The parts meet at one point on the antimeridian: the map arc's own vertices, plus that point twice.
    expect(west.slice(0, -1)).toEqual(before);
    expect(east.slice(1)).toEqual(after.map(([lon, lat]) => [lon - 360, lat]));
    const [end, start] = [west.at(-1)!, east[0]];
    expect([end[0], start[0]]).toEqual([180, -180]);
    expect(start[1]).toBe(end[1]);
    const [lastBefore, firstAfter] = [before.at(-1)!, after[0]];
    expect(end[1]).toBeGreaterThanOrEqual(Math.min(lastBefore[1], firstAfter[1]));
    expect(end[1]).toBeLessThanOrEqual(Math.max(lastBefore[1], firstAfter[1]));
    expect(hp.properties).toMatchObject({ type: 'link', partner_id: 'hp', partner_iso3: 'USA' });
  });
});

describe('JSON download', () => {
  it('is a valid dataset holding only what the kept links refer to', () => {
    const subset = toAtlasSubset(atlas, shandong);
    const back = parseAtlas(JSON.stringify(subset));
    expect(back.ok ? 'ok' : back.problem).toBe('ok');
    expect(subset.documents.map((d) => d.origin)).toEqual(['shandong']);
    expect(subset.partners.length).toBe(new Set(shandong.map((l) => l.partner)).size);
  });
});
