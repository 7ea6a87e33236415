import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../src/cli/extract.ts';
import * as gaz from '../../src/extract/gazetteer.ts';
import { extractAtlas } from '../../src/extract/pipeline.ts';
import { decodeSeed, normalise } from '../../src/extract/text.ts';

// Every curated entry must be used by the extraction of the current seeds: an entry nothing
// uses is stale (a seed changed, or the entry was never right) and fails here by name.

const atlas = extractAtlas(readSeeds());
const corpus = readSeeds()
  .map((s) => normalise(decodeSeed(s.file, s.bytes)))
  .join('\n');
const partnerIds = new Set(atlas.partners.map((p) => p.id));
const usedCountries = new Set(atlas.countries.map((c) => c.iso3));

describe('gazetteer entries are all used by the seeds', () => {
  it('countries: each is a partner country or a member of a bloc the seeds name', () => {
    const unused = gaz.countries.filter((c) => !usedCountries.has(c.iso3)).map((c) => c.iso3);
    expect(unused).toEqual([]);
  });

  it('country aliases and abbreviations: each written form occurs in the seeds', () => {
    for (const c of gaz.countries) {
      for (const a of c.aliases ?? []) expect(corpus, `${c.iso3} alias ${a}`).toContain(a);
      if (c.abbr) expect(corpus, `${c.iso3} abbreviation 中${c.abbr}`).toContain(`中${c.abbr}`);
    }
    for (const f of gaz.formerCountries) expect(corpus, f.zh).toContain(f.zh);
  });

  it('blocs, regions and named partners: each is found in some seed', () => {
    const entries = [...gaz.blocs, ...gaz.regions, ...gaz.namedPartners];
    expect(entries.filter((e) => !partnerIds.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('every alias of a bloc, region or named partner occurs in the seeds', () => {
    const entries = [...gaz.blocs, ...gaz.regions, ...gaz.namedPartners];
    const unused = entries.flatMap((e) => e.aliases.filter((a) => !corpus.includes(a)).map((a) => `${e.id}: ${a}`));
    expect(unused).toEqual([]);
  });

  it('sites: each is found, with coordinates inside China', () => {
    const found = new Set(atlas.sites.map((s) => s.zh));
    expect(gaz.sites.filter((s) => !found.has(s.zh)).map((s) => s.zh)).toEqual([]);
    for (const s of gaz.sites) {
      expect(s.at[0], s.zh).toBeGreaterThan(73);
      expect(s.at[0], s.zh).toBeLessThan(135);
      expect(s.at[1], s.zh).toBeGreaterThan(18);
      expect(s.at[1], s.zh).toBeLessThan(54);
    }
  });

  it("places: each is named by its origin's documents, under every written form listed", () => {
    const named = new Set(atlas.places.map((p) => p.adcode));
    expect(gaz.places.filter((p) => !named.has(p.adcode)).map((p) => p.zh)).toEqual([]);
    expect(gaz.places.flatMap((p) => p.aliases.filter((a) => !corpus.includes(a)))).toEqual([]);
  });

  it('vocabularies: every field and mode tags some passage', () => {
    const tags = atlas.links.flatMap((l) => l.evidence.flatMap((e) => [...e.fields, ...e.modes]));
    const unused = [...gaz.fields, ...gaz.modes].filter((t) => !tags.includes(t.id)).map((t) => t.id);
    expect(unused).toEqual([]);
  });

  it('groups: each holds some partner, and every partner it lists by id is one the seeds name', () => {
    for (const g of atlas.groups) expect(g.partners.length, g.id).toBeGreaterThan(0);
    expect(gaz.groups.flatMap((g) => g.partners.filter((id) => !partnerIds.has(id)))).toEqual([]);
  });

  it('documents: each English title belongs to the title the extraction finds', () => {
    for (const d of gaz.documents) {
      expect(atlas.documents.find((x) => x.id === d.id)?.zh, d.id).toBe(d.zh);
    }
  });
});
