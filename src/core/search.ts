import type { Selection } from './selection.ts';
import type { Atlas } from './types.ts';

// Search over everything the atlas can show: a name typed in Simplified, Traditional or English
// finds the country, city, park, region or field. Traditional names come from the caller (built
// with OpenCC at build time), so the core holds no conversion tables.

/** Select something, fly to a Chinese city the texts name, or filter by a field. */
export type SearchTarget =
  | { kind: 'select'; selection: Selection }
  | { kind: 'place'; adcode: string }
  | { kind: 'field'; id: string };

export interface SearchEntry {
  target: SearchTarget;
  zh: string;
  en: string;
  /** What it is, for the result list: country, bloc, site... */
  type: string;
  /** Lower-cased names in every script, matched against the query. */
  keys: string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\-–—·'’.()]+/g, '');

export function searchEntries(atlas: Atlas, toTraditional: (zh: string) => string): SearchEntry[] {
  const entry = (target: SearchTarget, type: string, zh: string, en: string, ...more: string[]): SearchEntry => ({
    target,
    zh,
    en,
    type,
    keys: [...new Set([zh, toTraditional(zh), en, ...more].map(fold))],
  });
  return [
    ...atlas.origins.map((o) => entry({ kind: 'select', selection: { kind: 'origin', id: o.id } }, 'origin', o.zh, o.en)),
    ...atlas.partners.map((p) =>
      entry(
        p.kind === 'country' ? { kind: 'select', selection: { kind: 'country', iso3: p.id } } : { kind: 'select', selection: { kind: 'partner', id: p.id } },
        p.kind,
        p.zh,
        p.en,
        ...(p.kind === 'country' ? [p.id] : []),
      ),
    ),
    ...atlas.places.map((p) => entry({ kind: 'place', adcode: p.adcode }, 'place', p.zh, p.en)),
    ...atlas.sites.map((s) => entry({ kind: 'select', selection: { kind: 'site', id: s.id } }, 'site', s.zh, s.en)),
    ...atlas.fields.map((f) => entry({ kind: 'field', id: f.id }, 'field', f.zh, f.en, f.id)),
  ];
}

/**
 * Entries whose names contain the query, best first: a name that is the query, then one that
 * starts with it, then one that contains it; shorter names first within each.
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
    .sort((a, b) => a.r - b.r || (a.e.en < b.e.en ? -1 : 1))
    .slice(0, limit)
    .map(({ e }) => e);
}
