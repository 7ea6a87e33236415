import type { LonLat } from './arc.ts';
import type { AtlasIndex } from './atlas-index.ts';
import type { Filters } from './filters.ts';
import type { Selection } from './selection.ts';
import type { Atlas, Names } from './types.ts';

// Search over everything the atlas can show: a name typed in Simplified, Traditional or English
// finds the country, city, park, region or field. Traditional forms come from the caller (built
// with OpenCC at build time), so the core holds no conversion tables.

/** Select something, fly to a Chinese city the texts name, or filter by a field or a region group. */
export type SearchTarget =
  | { kind: 'select'; selection: Selection }
  | { kind: 'place'; adcode: string }
  | { kind: 'field'; id: string }
  | { kind: 'group'; id: string };

export interface SearchEntry {
  target: SearchTarget;
  zh: string;
  en: string;
  /** What it is, for the result list: country, bloc, site, group... */
  type: string;
  /** Lower-cased names in every script, matched against the query. */
  keys: string[];
}

/** Something search finds, before its names are written out in every script. */
interface Findable {
  target: SearchTarget;
  type: string;
  names: Names;
  /** Other Simplified names: the ones the texts write (东协 for 东盟). */
  aliases: readonly string[];
  /** Codes typed as they are: ISR, marine. */
  codes: readonly string[];
}

/** The country every origin is in. */
const HOME = 'CHN';

/**
 * Everything search finds, each once. A country partner is its country: it is listed with the
 * countries (which hold bloc members too, 越南), with the names the texts write for it. A region
 * group filters; the bloc of the same name, where there is one (东盟), is its own entry and selects.
 */
function findables(atlas: Atlas): Findable[] {
  const written = new Map(atlas.partners.map((p) => [p.id, p.aliases]));
  const select = (selection: Selection): SearchTarget => ({ kind: 'select', selection });
  const findable = (target: SearchTarget, type: string, names: Names, { aliases = [], codes = [] }: Partial<Pick<Findable, 'aliases' | 'codes'>> = {}): Findable => ({
    target,
    type,
    names,
    aliases,
    codes,
  });
  return [
    ...atlas.origins.map((o) => findable(select({ kind: 'origin', id: o.id }), 'origin', o)),
    // China is in the dataset only as a member of blocs it belongs to (BRICS, the Mekong ones):
    // every tie starts there, so it is no partner to find; its places are found as places.
    ...atlas.countries
      .filter((c) => c.iso3 !== HOME)
      .map((c) => findable(select({ kind: 'country', iso3: c.iso3 }), 'country', c, { aliases: written.get(c.iso3), codes: [c.iso3] })),
    ...atlas.partners
      .filter((p) => p.kind !== 'country')
      .map((p) => findable(select({ kind: 'partner', id: p.id }), p.kind, p, { aliases: p.aliases })),
    ...atlas.places.map((p) => findable({ kind: 'place', adcode: p.adcode }, 'place', p)),
    ...atlas.sites.map((s) => findable(select({ kind: 'site', id: s.id }), 'site', s)),
    ...atlas.fields.map((f) => findable({ kind: 'field', id: f.id }, 'field', f, { codes: [f.id] })),
    ...atlas.groups.map((g) => findable({ kind: 'group', id: g.id }, 'group', g)),
  ];
}

/** Every Simplified name search matches: what the build gives Traditional forms for. */
export function searchedNames(atlas: Atlas): string[] {
  return [...new Set(findables(atlas).flatMap((f) => [f.names.zh, ...f.aliases]))];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\-–—·'’.()]+/g, '');

/**
 * The search index. `traditional` gives the Traditional forms of a Simplified name, each way a
 * reader may write it: Taiwan's and Hong Kong's characters, Taiwan's words (義大利, 矽谷), the
 * names Taiwan uses for a country (澳洲).
 */
export function searchEntries(atlas: Atlas, traditional: (zh: string) => readonly string[]): SearchEntry[] {
  return findables(atlas).map(({ target, type, names, aliases, codes }) => ({
    target,
    zh: names.zh,
    en: names.en,
    type,
    keys: [...new Set([...[names.zh, ...aliases].flatMap((zh) => [zh, ...traditional(zh)]), names.en, ...codes].map(fold))],
  }));
}

/**
 * Entries whose names contain the query, best first: a name that is the query, then one that
 * starts with it, then one that contains it; shorter names first within each, then in English
 * order, then in index order (a bloc before the region group of the same name).
 */
export function search(entries: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = fold(query);
  if (q === '') return [];
  const rank = (e: SearchEntry) => {
    let best = Infinity;
    for (const k of e.keys) {
      const at = k.indexOf(q);
      if (at < 0) continue;
      best = Math.min(best, (k === q ? 0 : at === 0 ? 1 : 2) * 1000 + k.length);
    }
    return best;
  };
  return entries
    .map((e) => ({ e, r: rank(e) }))
    .filter(({ r }) => r < Infinity)
    .sort((a, b) => a.r - b.r || (a.e.en < b.e.en ? -1 : a.e.en > b.e.en ? 1 : 0))
    .slice(0, limit)
    .map(({ e }) => e);
}

/**
 * What picking a result changes: a field or a region group becomes the one option of its filter,
 * whatever else is chosen there; anything else to select is selected; a city is only flown to.
 */
export function pickChanges(target: SearchTarget, filters: Filters): { filters?: Filters; selection?: Selection } {
  switch (target.kind) {
    case 'field':
    case 'group':
      return { filters: { ...filters, [target.kind]: [target.id] } };
    case 'select':
      return { selection: target.selection };
    case 'place':
      return {};
  }
}

/** Where the map flies for a result: null for what has no one place (a field, a region group, a link). */
export function searchTargetAt(index: AtlasIndex, target: SearchTarget): LonLat | null {
  if (target.kind === 'place') {
    const place = index.places.get(target.adcode);
    return place ? [place.lon, place.lat] : null;
  }
  if (target.kind === 'field' || target.kind === 'group') return null;
  const s = target.selection;
  switch (s.kind) {
    case 'country':
      return index.countries.get(s.iso3)?.anchor ?? null;
    case 'partner':
      return index.partners.get(s.id)?.anchor ?? null;
    case 'site': {
      const site = index.sites.get(s.id);
      return site ? [site.lon, site.lat] : null;
    }
    case 'origin': {
      const origin = index.origins.get(s.id);
      return origin ? [origin.lon, origin.lat] : null;
    }
    case 'link':
      return null;
  }
}
