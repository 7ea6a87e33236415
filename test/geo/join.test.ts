import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtlas } from '../../src/core/parse-atlas';
import type { Atlas } from '../../src/core/types';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { readLayer, ringsOf } from './committed';

/** Planar point in polygon (even-odd over all rings): enough at the scale of a prefecture. */
function contains(feature: Feature<Polygon | MultiPolygon>, [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of ringsOf(feature.geometry) as Position[][]) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
    }
  }
  return inside;
}

// The join of the dataset to the geo layers: what the map shades and highlights must exist.

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const world = readLayer<{ en: string }>('world.topo.json', 'countries');
const provinces = readLayer<{ zh: string }>('china.topo.json', 'provinces');
const prefectures = readLayer<{ zh: string }>('china.topo.json', 'prefectures');
const nation = readLayer('china.topo.json', 'nation');

describe('dataset ⋈ geo layers', () => {
  it('every country the dataset names (partners, their countries, bloc members) matches exactly one world feature', () => {
    const abroad = atlas.countries.filter((c) => c.iso3 !== 'CHN');
    expect(abroad.length).toBeGreaterThan(50);
    for (const c of abroad) expect(world.filter((f) => f.id === c.iso3).length, c.iso3).toBe(1);
  });

  it('China, a member of BRICS, GMS and LMC, is the China layer, not a world feature', () => {
    expect(world.some((f) => f.id === 'CHN' || f.id === 'TWN')).toBe(false);
    expect(nation.length).toBe(1);
  });

  it('every origin matches a China feature by administrative code: Wuhan and Cangzhou prefectures, Shandong and Yunnan provinces', () => {
    const units = new Map([...provinces, ...prefectures].map((f) => [f.id, f]));
    for (const o of atlas.origins) expect(units.get(o.adcode)?.properties.zh, o.id).toContain(o.zh);
    expect(prefectures.some((f) => f.id === '420100')).toBe(true);
    expect(prefectures.some((f) => f.id === '130900')).toBe(true);
  });

  it('every place matches a prefecture, and its seat lies inside it', () => {
    for (const p of atlas.places) {
      const unit = prefectures.find((f) => f.id === p.adcode);
      expect(unit?.properties.zh, p.zh).toContain(p.zh);
      expect(contains(unit!, [p.lon, p.lat]), p.zh).toBe(true);
    }
  });

  it("every site drawn at a city, district or province lies inside its origin's area", () => {
    const units = new Map([...provinces, ...prefectures].map((f) => [f.id, f]));
    for (const s of atlas.sites) {
      const origin = atlas.origins.find((o) => o.id === s.origin)!;
      expect(contains(units.get(origin.adcode)!, [s.lon, s.lat]), s.zh).toBe(true);
    }
  });
});
