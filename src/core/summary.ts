// What the map shows for the kept links, as data: the text alternative to the map
// (src/ui/map-summary.ts words it). Counts are of ties, i.e. pieces of evidence, as everywhere
// else; a country counts the ties to itself and to the cities, institutions and companies in it,
// as the map's shading does, and a bloc's ties stay with the bloc.
import type { AtlasIndex } from './atlas-index.ts';
import type { Tie } from './tie.ts';
import type { Country, Link, Origin, Partner, Site } from './types.ts';

export interface Counted<T> {
  item: T;
  ties: number;
}

export interface MapSummary {
  /** Pieces of evidence kept. */
  ties: number;
  /** Origin–place–partner triples: the arcs. */
  links: number;
  /** Distinct partners: countries, blocs, regions, cities, institutions, companies. */
  partners: number;
  /** Distinct countries named directly (a country partner, or a city, institution or company in it). */
  countries: number;
  origins: number;
  documents: number;
  /** Origins with ties, most ties first (then in the dataset's order). */
  byOrigin: Counted<Origin>[];
  /** Countries named directly, most ties first (then by English name). */
  byCountry: Counted<Country>[];
  /** Blocs (ASEAN, EU...) with ties, most first. */
  blocs: Counted<Partner>[];
  /** Regions named as a whole (South Asia, developed countries...), most first. */
  regions: Counted<Partner>[];
  /** Sites the kept evidence names, most ties first. */
  sites: Counted<Site>[];
  /** Ties to partners with no place on the map: listed in the cards and table, not drawn. */
  unmapped: number;
}

/** Most ties first, then by English name (code-unit order: the same in every locale). */
const mostTiesFirst = <T extends { en: string }>(a: Counted<T>, b: Counted<T>) =>
  b.ties - a.ties || (a.item.en < b.item.en ? -1 : a.item.en > b.item.en ? 1 : 0);

const byTies = <T extends { en: string }>(counts: Map<T, number>): Counted<T>[] =>
  [...counts].map(([item, ties]) => ({ item, ties })).sort(mostTiesFirst);

/** The items `of` each tie names, each with the number of ties naming it (by id), most first. */
export function tally<T extends { id: string; en: string }>(ties: readonly Tie[], of: (tie: Tie) => readonly T[]): Counted<T>[] {
  const counts = new Map<string, Counted<T>>();
  for (const tie of ties) {
    for (const item of of(tie)) {
      const entry = counts.get(item.id) ?? { item, ties: 0 };
      entry.ties += 1;
      counts.set(item.id, entry);
    }
  }
  return [...counts.values()].sort(mostTiesFirst);
}

const add = <T>(counts: Map<T, number>, key: T, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);

export function mapSummary({ atlas, partners, countries, sites }: AtlasIndex, links: readonly Link[]): MapSummary {
  const originTies = new Map<string, number>();
  const countryTies = new Map<Country, number>();
  const blocTies = new Map<Partner, number>();
  const regionTies = new Map<Partner, number>();
  const siteTies = new Map<Site, number>();
  const partnerIds = new Set<string>();
  const docs = new Set<string>();
  let ties = 0;
  let unmapped = 0;

  for (const link of links) {
    const n = link.evidence.length;
    if (n === 0) continue;
    const partner = partners.get(link.partner);
    if (!partner) continue;
    ties += n;
    partnerIds.add(partner.id);
    add(originTies, link.origin, n);
    if (!partner.anchor) unmapped += n;
    if (partner.kind === 'bloc') add(blocTies, partner, n);
    else if (partner.kind === 'region') add(regionTies, partner, n);
    // parseAtlas has checked that every partner's country is in atlas.countries.
    const country = partner.iso3 === null ? undefined : countries.get(partner.iso3);
    if (country) add(countryTies, country, n);
    for (const e of link.evidence) {
      docs.add(e.doc);
      const site = e.site === null ? undefined : sites.get(e.site);
      if (site) add(siteTies, site, 1);
    }
  }

  const originOrder = atlas.origins.map((o) => o.id);
  const byOrigin = atlas.origins
    .filter((o) => originTies.has(o.id))
    .map((item) => ({ item, ties: originTies.get(item.id)! }))
    .sort((a, b) => b.ties - a.ties || originOrder.indexOf(a.item.id) - originOrder.indexOf(b.item.id));

  return {
    ties,
    links: links.filter((l) => l.evidence.length > 0 && partners.has(l.partner)).length,
    partners: partnerIds.size,
    countries: countryTies.size,
    origins: byOrigin.length,
    documents: docs.size,
    byOrigin,
    byCountry: byTies(countryTies),
    blocs: byTies(blocTies),
    regions: byTies(regionTies),
    sites: byTies(siteTies),
    unmapped,
  };
}
