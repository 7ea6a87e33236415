import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterIndex, filterLinks, NO_FILTERS, tieCount, type Filters } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { mapSummary } from '../../src/core/summary.ts';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import type { Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const index = filterIndex(atlas);
const kept = (patch: Partial<Filters>) => filterLinks(index, { ...NO_FILTERS, ...patch });
const partner = new Map(atlas.partners.map((p) => [p.id, p]));

describe('mapSummary on the whole dataset', () => {
  const s = mapSummary(indexAtlas(atlas), atlas.links);

  it('counts ties, lines, partners, countries, origins and documents', () => {
    expect(s.ties).toBe(170);
    expect(s.links).toBe(80);
    expect(s.partners).toBe(new Set(atlas.links.map((l) => l.partner)).size);
    expect(s.origins).toBe(4);
    expect(s.documents).toBe(5);
    const iso3s = new Set(atlas.links.map((l) => partner.get(l.partner)!.iso3).filter(Boolean));
    expect(s.countries).toBe(iso3s.size);
    expect(s.byCountry.length).toBe(s.countries);
  });

  it('ranks the origins by ties, and their ties add up', () => {
    expect(s.byOrigin.map((o) => o.item.id)).toEqual(['yunnan', 'shandong', 'wuhan', 'cangzhou']);
    expect(s.byOrigin.map((o) => o.ties)).toEqual([70, 49, 35, 16]);
    expect(s.byOrigin.reduce((n, o) => n + o.ties, 0)).toBe(s.ties);
  });

  it('ranks partner countries by ties, counting the cities, institutions and companies in them', () => {
    expect(s.byCountry[0]).toMatchObject({ item: { iso3: 'USA', en: 'United States' }, ties: 7 });
    const usa = atlas.links.filter((l) => partner.get(l.partner)!.iso3 === 'USA');
    expect(new Set(usa.map((l) => partner.get(l.partner)!.kind))).toContain('city');
    expect(s.byCountry[0]!.ties).toBe(tieCount(usa));
    for (let i = 1; i < s.byCountry.length; i++) expect(s.byCountry[i - 1]!.ties).toBeGreaterThanOrEqual(s.byCountry[i]!.ties);
  });

  it('names the blocs and the regions apart from the countries, and the sites', () => {
    expect(s.blocs.map((b) => b.item.id)).toEqual(['ASEAN', 'EU', 'CEEC', 'BRICS', 'GMS', 'LMC']);
    expect(s.blocs.every((b) => b.item.kind === 'bloc')).toBe(true);
    expect(s.regions.every((r) => r.item.kind === 'region')).toBe(true);
    expect(s.regions.map((r) => r.item.id)).toContain('south-asia');
    const siteIds = new Set(atlas.links.flatMap((l) => l.evidence.flatMap((e) => (e.site ? [e.site] : []))));
    expect(s.sites.map((x) => x.item.id).sort()).toEqual([...siteIds].sort());
    expect(s.sites[0]).toMatchObject({ item: { id: 's-t-innovation-centre-for-south-and-southeast-asia' }, ties: 6 });
  });

  it('counts the ties to partners with no place on the map: none now that every group has a hub', () => {
    expect(atlas.partners.every((p) => p.anchor)).toBe(true);
    expect(s.unmapped).toBe(0);
    // Were a group's hub missing, its ties would be counted as listed, not drawn.
    const hubless = { ...atlas, partners: atlas.partners.map((p) => (p.id === 'developed-countries' ? { ...p, anchor: null } : p)) };
    const developed = atlas.links.filter((l) => l.partner === 'developed-countries');
    expect(developed.length).toBeGreaterThan(0);
    expect(mapSummary(indexAtlas(hubless), atlas.links).unmapped).toBe(tieCount(developed));
  });
});

describe('mapSummary of what the filters keep', () => {
  it('follows an origin filter', () => {
    const s = mapSummary(indexAtlas(atlas), kept({ origin: ['cangzhou'] }));
    expect(s.ties).toBe(16);
    expect(s.byOrigin).toEqual([{ item: atlas.origins.find((o) => o.id === 'cangzhou'), ties: 16 }]);
    expect(s.documents).toBe(1);
  });

  it('counts only the evidence a narrowed link kept', () => {
    const links = kept({ field: ['marine'] });
    const s = mapSummary(indexAtlas(atlas), links);
    expect(s.ties).toBe(tieCount(links));
    expect(s.ties).toBeLessThan(tieCount(atlas.links.filter((l) => links.some((k) => k.id === l.id))));
  });

  it('is empty when nothing is kept', () => {
    const s = mapSummary(indexAtlas(atlas), []);
    expect(s).toMatchObject({ ties: 0, links: 0, partners: 0, countries: 0, origins: 0, unmapped: 0, byOrigin: [], sites: [] });
  });
});
