import type { Atlas, Evidence, Link, OriginId, PartnerKind } from './types.ts';

// Filters narrow the ties (pieces of evidence) the views show. Within a facet the chosen options
// are alternatives (any of them); across facets they all apply. An empty facet keeps everything.

export const FACETS = ['origin', 'field', 'mode', 'kind', 'group', 'doc'] as const;
export type Facet = (typeof FACETS)[number];

export type Filters = Record<Facet, readonly string[]>;

export const NO_FILTERS: Filters = { origin: [], field: [], mode: [], kind: [], group: [], doc: [] };

/** What a piece of evidence offers to each facet. */
interface TieFacets {
  origin: OriginId;
  kind: PartnerKind;
  groups: readonly string[];
  evidence: Evidence;
}

function optionsOf(tie: TieFacets, facet: Facet): readonly string[] {
  switch (facet) {
    case 'origin':
      return [tie.origin];
    case 'field':
      return tie.evidence.fields;
    case 'mode':
      return tie.evidence.modes;
    case 'kind':
      return [tie.kind];
    case 'group':
      return tie.groups;
    case 'doc':
      return [tie.evidence.doc];
  }
}

const passes = (tie: TieFacets, filters: Filters, skip?: Facet) =>
  FACETS.every((f) => f === skip || filters[f].length === 0 || optionsOf(tie, f).some((o) => filters[f].includes(o)));

/** Per-link facet data, computed once per dataset: filtering then touches no lookups. */
export interface FilterIndex {
  links: readonly Link[];
  ties: readonly (readonly TieFacets[])[];
}

export function filterIndex(atlas: Atlas): FilterIndex {
  const kinds = new Map(atlas.partners.map((p) => [p.id, p.kind]));
  const groups = new Map<string, string[]>();
  for (const g of atlas.groups) for (const p of g.partners) groups.set(p, [...(groups.get(p) ?? []), g.id]);
  return {
    links: atlas.links,
    ties: atlas.links.map((l) =>
      l.evidence.map((evidence) => ({ origin: l.origin, kind: kinds.get(l.partner)!, groups: groups.get(l.partner) ?? [], evidence })),
    ),
  };
}

/** The links that keep at least one piece of evidence, each narrowed to the evidence kept. */
export function filterLinks(index: FilterIndex, filters: Filters): Link[] {
  const kept: Link[] = [];
  index.links.forEach((link, i) => {
    const evidence = index.ties[i]!.filter((t) => passes(t, filters)).map((t) => t.evidence);
    if (evidence.length === link.evidence.length) kept.push(link);
    else if (evidence.length > 0) kept.push({ ...link, evidence });
  });
  return kept;
}

export type FacetCounts = Record<Facet, Map<string, number>>;

/**
 * For each facet and option, how many ties the option would keep given the other facets' filters:
 * what the filter panel shows beside each option.
 */
export function facetCounts(index: FilterIndex, filters: Filters): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  for (const ties of index.ties) {
    for (const tie of ties) {
      for (const facet of FACETS) {
        if (!passes(tie, filters, facet)) continue;
        const map = counts[facet];
        for (const option of new Set(optionsOf(tie, facet))) map.set(option, (map.get(option) ?? 0) + 1);
      }
    }
  }
  return counts;
}

export const isFiltered = (filters: Filters) => FACETS.some((f) => filters[f].length > 0);

export const tieCount = (links: readonly Link[]) => links.reduce((n, l) => n + l.evidence.length, 0);
