import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../src/cli/extract.ts';
import { ORIGIN_IDS, type Atlas, type OriginId } from '../../src/core/types.ts';
import { extractAtlas } from '../../src/extract/pipeline.ts';
import { toAtlas } from './reader-ids.ts';

// The extraction against what a careful reader found (test/ground-truth/, read independently
// of the code). Precision and recall are computed per category over all four origins.

interface Item {
  id?: string;
  iso3?: string;
  zh: string;
  implicit?: boolean;
  embedded?: boolean;
}
interface ReaderSite {
  zh: string;
  aliases?: string[];
  partners: string[];
  partnersAmbiguous?: string[];
  placeAdcode: string;
}
interface Reading {
  countries: Item[];
  blocs: Item[];
  cities: Item[];
  institutions: Item[];
  companies: Item[];
  regions: Item[];
  sites: ReaderSite[];
  neutral: Item[];
}

const reading = (o: OriginId): Reading => JSON.parse(readFileSync(`test/ground-truth/${o}.json`, 'utf8'));

const atlas: Atlas = extractAtlas(readSeeds());
const partnerById = new Map(atlas.partners.map((p) => [p.id, p]));

function found(origin: OriginId) {
  const links = atlas.links.filter((l) => l.origin === origin);
  const partners = links.map((l) => partnerById.get(l.partner)!);
  const ids = (kinds: string[]) => new Set(partners.filter((p) => kinds.includes(p.kind)).map((p) => p.id));
  const siteIds = new Set(links.flatMap((l) => l.evidence.map((e) => e.site)).filter(Boolean));
  return {
    countries: new Set(partners.flatMap((p) => (p.iso3 ? [p.iso3] : []))),
    blocs: ids(['bloc']),
    named: ids(['city', 'institution', 'company']),
    regions: ids(['region']),
    sites: atlas.sites.filter((s) => s.origin === origin),
    siteIds,
    links,
  };
}

interface Score {
  expected: number;
  extracted: number;
  hits: number;
  missed: string[];
  extra: string[];
}
const score = (): Score => ({ expected: 0, extracted: 0, hits: 0, missed: [], extra: [] });
const scores = { countries: score(), blocs: score(), named: score(), regions: score(), sites: score() };

function tally(s: Score, origin: string, expected: Set<string>, optional: Set<string>, extracted: Set<string>) {
  for (const e of expected) {
    s.expected++;
    if (extracted.has(e)) s.hits++;
    else s.missed.push(`${origin}:${e}`);
  }
  for (const x of extracted) {
    if (optional.has(x) && !expected.has(x)) continue;
    s.extracted++;
    if (!expected.has(x)) s.extra.push(`${origin}:${x}`);
  }
}

const siteMismatches: string[] = [];
for (const origin of ORIGIN_IDS) {
  const r = reading(origin);
  const f = found(origin);
  const idsOf = (items: Item[], keep: (i: Item) => boolean) =>
    new Set(items.filter(keep).flatMap((i) => toAtlas(i.id ?? i.iso3!)));
  const required = (i: Item) => !i.implicit && !i.embedded;
  const optional = (items: Item[]) => idsOf(items, (i) => !required(i));

  tally(scores.countries, origin, idsOf(r.countries, required), optional(r.countries), f.countries);
  tally(scores.blocs, origin, idsOf(r.blocs, required), new Set(), f.blocs);
  const readerNamed = [...r.cities, ...r.institutions, ...r.companies];
  // Singapore counted as a country is scored with the countries, not here.
  const named = new Set([...idsOf(readerNamed, required)].filter((id) => !/^[A-Z]{3}$/.test(id)));
  tally(scores.named, origin, named, optional(readerNamed), f.named);
  const regionsExpected = new Set([...idsOf(r.regions, required)].filter((id) => !/^[A-Z]{3}$/.test(id)));
  tally(scores.regions, origin, regionsExpected, optional(r.regions), f.regions);

  // Sites: matched by name (or the reader's alias), then checked for partner and place.
  const neutral = new Set(r.neutral.map((n) => n.zh));
  const bySite = new Map(f.sites.map((s) => [s.zh, s]));
  const readerSites = new Set<string>();
  for (const rs of r.sites) {
    const hit = [rs.zh, ...(rs.aliases ?? [])].find((n) => bySite.has(n));
    readerSites.add(hit ?? rs.zh);
    if (!hit) continue;
    const site = bySite.get(hit)!;
    // A site tied to an institution or company counts for the country the reader names.
    const partners = new Set(
      f.links
        .filter((l) => l.evidence.some((e) => e.site === site.id))
        .map((l) => partnerById.get(l.partner)!)
        .map((p) => (p.kind === 'country' || !p.iso3 ? p.id : p.iso3)),
    );
    const want = new Set(rs.partners.flatMap(toAtlas));
    const ambiguous = new Set(rs.partnersAmbiguous ?? []);
    const sameOrAmbiguous =
      [...want].every((p) => partners.has(p)) && [...partners].every((p) => want.has(p) || ambiguous.has(p));
    if (!sameOrAmbiguous) siteMismatches.push(`${origin}:${rs.zh} partners ${[...partners]} ≠ ${[...want]}`);
  }
  tally(scores.sites, origin, readerSites, neutral, new Set(f.sites.map((s) => s.zh)));
}

const pct = (n: number, d: number) => (d === 0 ? 1 : n / d);

describe('extraction against the second reader (test/ground-truth)', () => {
  it('reports precision and recall per category', () => {
    const table = Object.entries(scores).map(([category, s]) => ({
      category,
      expected: s.expected,
      extracted: s.extracted,
      precision: pct(s.extracted - s.extra.length, s.extracted).toFixed(3),
      recall: pct(s.hits, s.expected).toFixed(3),
      missed: s.missed.join(' '),
      extra: s.extra.join(' '),
    }));
    console.table(table);
    expect(table.length).toBe(5);
  });

  it('finds every partner country, bloc, park and centre the reader found', () => {
    for (const c of ['countries', 'blocs', 'sites'] as const) expect(scores[c].missed, c).toEqual([]);
  });

  it('finds nothing the texts do not say: no extra country, bloc or site', () => {
    for (const c of ['countries', 'blocs', 'sites'] as const) expect(scores[c].extra, c).toEqual([]);
  });

  it('ties each site to the partner its name or passage gives', () => {
    expect(siteMismatches).toEqual([]);
  });

  it('keeps recall and precision of cities, institutions, companies and regions at 0.9 or better', () => {
    for (const c of ['named', 'regions'] as const) {
      const s = scores[c];
      expect(pct(s.hits, s.expected), `${c} recall; missed ${s.missed}`).toBeGreaterThanOrEqual(0.9);
      expect(pct(s.extracted - s.extra.length, s.extracted), `${c} precision; extra ${s.extra}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
