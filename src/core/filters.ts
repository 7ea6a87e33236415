import { indexAtlas } from './atlas-index.ts';
import { memoLast } from './memo.ts';
import { tiesOf, type Tie } from './tie.ts';
import type { Atlas, Link } from './types.ts';

// Filters narrow the ties (pieces of evidence) the views show. Within a facet the chosen options
// are alternatives (any of them); across facets they all apply. An empty facet keeps everything.
// `year` is the atlas as of a year: a tie offers every year from its document's issue on, so
// choosing 2019 keeps what the plans issued by the end of 2019 said (the timeline's years).

export const FACETS = ['origin', 'field', 'mode', 'kind', 'group', 'doc', 'year'] as const;
export type Facet = (typeof FACETS)[number];

export type Filters = Record<Facet, readonly string[]>;

export const NO_FILTERS: Filters = { origin: [], field: [], mode: [], kind: [], group: [], doc: [], year: [] };

/** The years the documents were issued, oldest first: the `year` facet's options. */
export const documentYears = (atlas: Atlas) => [...new Set(atlas.documents.map((doc) => doc.date.slice(0, 4)))].sort();

/** Per-tie facet data, computed once per dataset: filtering then touches no lookups. */
export interface FilterIndex {
  links: readonly Link[];
  /** The number of each link's first tie (its ties are numbered on from there: tie.ts). */
  firstTie: Uint32Array;
  /** For each tie, the options it offers to each facet (in FACETS order), without repeats. */
  options: readonly (readonly (readonly string[])[])[];
}

/** `ties` are the dataset's, numbered by tiesOf: each link's evidence in order, links in order. */
export function filterIndex(atlas: Atlas, ties: readonly Tie[] = tiesOf(indexAtlas(atlas))): FilterIndex {
  const groups = new Map<string, string[]>();
  for (const g of atlas.groups) for (const p of g.partners) groups.set(p, [...(groups.get(p) ?? []), g.id]);
  const years = documentYears(atlas);
  const issued = new Map(atlas.documents.map((doc) => [doc.id, doc.date.slice(0, 4)]));
  const firstTie = new Uint32Array(atlas.links.length);
  let count = 0;
  atlas.links.forEach((link, i) => {
    firstTie[i] = count;
    count += link.evidence.length;
  });
  if (count !== ties.length || ties.some((tie, i) => tie.n !== i)) throw new Error('filterIndex: the ties are not the dataset’s, numbered by tiesOf');
  const options = ties.map(({ link, evidence, partner }) => {
    const offered: Record<Facet, readonly string[]> = {
      origin: [link.origin],
      field: evidence.fields,
      mode: evidence.modes,
      kind: [partner.kind],
      group: groups.get(partner.id) ?? [],
      doc: [evidence.doc],
      year: years.filter((year) => year >= issued.get(evidence.doc)!),
    };
    return FACETS.map((facet) => [...new Set(offered[facet])]);
  });
  return { links: atlas.links, firstTie, options };
}

/** The chosen options of each facet (in FACETS order) as sets; null where a facet keeps everything. */
const chosenSets = (filters: Filters) => FACETS.map((facet) => (filters[facet].length > 0 ? new Set(filters[facet]) : null));

/**
 * For each tie, the facets whose filter it fails, as bits (bit f for FACETS[f]): 0 where the
 * filters keep it. The kept ties need only the zeros; the counts beside every option also need
 * which single facet a tie fails.
 */
function failedFacets(index: FilterIndex, filters: Filters): Uint8Array {
  const chosen = chosenSets(filters);
  const failed = new Uint8Array(index.options.length);
  index.options.forEach((offered, tie) => {
    let bits = 0;
    for (let f = 0; f < FACETS.length; f++) {
      const set = chosen[f];
      if (set && !offered[f]!.some((option) => set.has(option))) bits |= 1 << f;
    }
    failed[tie] = bits;
  });
  return failed;
}

const keptOfFailed = (failed: Uint8Array) => failed.map((bits) => (bits === 0 ? 1 : 0));

/** For each tie (numbered as in FilterIndex), 1 where the filters keep it. */
export function keptTies(index: FilterIndex, filters: Filters): Uint8Array {
  return keptOfFailed(failedFacets(index, filters));
}

/** The links that keep at least one piece of evidence, each narrowed to the evidence kept. */
export function filterLinks(index: FilterIndex, filters: Filters): Link[] {
  return linksOfTies(index, keptTies(index, filters));
}

/** The links with at least one kept tie (1 in `kept`, indexed by tie), each narrowed to those. */
export function linksOfTies(index: FilterIndex, kept: Uint8Array): Link[] {
  const links: Link[] = [];
  for (const [i, link] of index.links.entries()) {
    const first = index.firstTie[i]!;
    const evidence = link.evidence.filter((_, j) => kept[first + j] === 1);
    if (evidence.length === link.evidence.length) links.push(link);
    else if (evidence.length > 0) links.push({ ...link, evidence });
  }
  return links;
}

/**
 * What a set of filters keeps: its ties (1 where kept, indexed by tie) and its links; and the
 * facets each tie fails (see failedFacets), from which the counts beside every option come.
 */
export interface Kept {
  failed: Uint8Array;
  ties: Uint8Array;
  links: readonly Link[];
}

/**
 * A selector of what the filters keep, computed once per filters object however many views ask
 * (the map, the panels): the store hands every view the same object until the filters change.
 */
export function keptSelector(index: FilterIndex): (filters: Filters) => Kept {
  return memoLast((filters) => {
    const failed = failedFacets(index, filters);
    const ties = keptOfFailed(failed);
    return { failed, ties, links: linksOfTies(index, ties) };
  });
}

export type FacetCounts = Record<Facet, Map<string, number>>;

/**
 * For each facet and option, how many ties the option would keep given the other facets' filters:
 * what the filter panel shows beside each option. A tie counts for a facet's options when it
 * fails no other facet.
 */
export function facetCounts(index: FilterIndex, filters: Filters): FacetCounts {
  return countsOfFailures(index, failedFacets(index, filters));
}

/** facetCounts from the facets each tie fails (Kept.failed), when they are at hand already. */
export function countsOfFailures(index: FilterIndex, failed: Uint8Array): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  index.options.forEach((offered, tie) => {
    const bits = failed[tie]!;
    FACETS.forEach((facet, f) => {
      if ((bits & ~(1 << f)) !== 0) return;
      const map = counts[facet];
      for (const option of offered[f]!) map.set(option, (map.get(option) ?? 0) + 1);
    });
  });
  return counts;
}

export const isFiltered = (filters: Filters) => FACETS.some((f) => filters[f].length > 0);

export const tieCount = (links: readonly Link[]) => links.reduce((n, l) => n + l.evidence.length, 0);
