// What a still picture of the atlas says besides its map (the PNG and SVG exports, the printed
// handout): what the filters chose, what the view counts, which documents it rests on, and what
// its files are called. Data only; the views word it.
import { ascending } from 'd3-array';
import type { AtlasIndex } from './atlas-index.ts';
import { FACETS, type Facet, type Filters } from './filters.ts';
import type { FacetOption } from './facet-options.ts';
import type { Selection } from './selection.ts';
import type { MapSummary } from './summary.ts';
import type { Tie } from './tie.ts';
import type { Link, Names, SourceDocument } from './types.ts';

/** One facet's chosen options, in the panel's order. */
export interface ChosenFacet {
  facet: Facet;
  options: FacetOption[];
}

/** One origin → partner line of the handout's table: every kept tie of the link, and the documents they cite. */
export interface FigureRow {
  link: Link;
  place: Names;
  partner: Names;
  ties: number;
  /** Indexes (from 1) into FigureFacts.documents. */
  sources: number[];
}

export interface FigureFacts {
  chosen: ChosenFacet[];
  summary: MapSummary;
  /** The documents the kept ties cite, by date: the handout's numbered sources. */
  documents: SourceDocument[];
  /** The kept links, most ties first. */
  rows: FigureRow[];
}

/** The options chosen under each facet that has any, in the order the panel lists them. */
export function chosenFacets(filters: Filters, options: Record<Facet, FacetOption[]>): ChosenFacet[] {
  return FACETS.filter((facet) => filters[facet].length > 0).map((facet) => ({
    facet,
    options: options[facet].filter((option) => filters[facet].includes(option.id)),
  }));
}

/** The figure's facts for the kept ties (in the table's order) and the map's summary of them. */
export function figureFacts(chosen: ChosenFacet[], ties: readonly Tie[], summary: MapSummary): FigureFacts {
  const documents = [...new Map(ties.map((tie) => [tie.document.id, tie.document])).values()].sort(
    (a, b) => ascending(a.date, b.date) || ascending(a.id, b.id),
  );
  const number = new Map(documents.map((doc, i) => [doc.id, i + 1]));
  const byLink = new Map<string, { tie: Tie; ties: number; sources: Set<number> }>();
  for (const tie of ties) {
    const row = byLink.get(tie.link.id) ?? { tie, ties: 0, sources: new Set<number>() };
    row.ties += 1;
    row.sources.add(number.get(tie.document.id)!);
    byLink.set(tie.link.id, row);
  }
  const rows = [...byLink.values()]
    .map(({ tie, ties: count, sources }) => ({
      link: tie.link,
      place: tie.place,
      partner: tie.partner,
      ties: count,
      sources: [...sources].sort((a, b) => a - b),
    }))
    .sort((a, b) => b.ties - a.ties || ascending(a.link.id, b.link.id));
  return { chosen, summary, documents, rows };
}

/** Lower-case ASCII words joined by hyphens: a piece of a file name that every system keeps. */
const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** At most this many chosen options name a file; more say "filtered". */
const NAMED_CHOICES = 3;

/**
 * What a picture of this view is of, for its file name: the selection if there is one, else the
 * chosen options (up to three: `yunnan`, `wuhan-agriculture`), else `all`.
 */
export function figureSubject(index: AtlasIndex, filters: Filters, selection: Selection | null): string {
  if (selection) {
    const named = (names: Names | undefined, fallback: string) => slug(names?.en ?? '') || slug(fallback) || selection.kind;
    switch (selection.kind) {
      case 'origin': return selection.id;
      case 'country': return named(index.atlas.countries.find((c) => c.iso3 === selection.iso3), selection.iso3);
      case 'partner': return named(index.partners.get(selection.id), selection.id);
      case 'site': return named(index.sites.get(selection.id), selection.id);
      case 'link': {
        const link = index.links.get(selection.id);
        return link ? `${link.origin}-${named(index.partners.get(link.partner), link.partner)}` : 'link';
      }
    }
  }
  const choices = FACETS.flatMap((facet) => filters[facet]);
  if (choices.length === 0) return 'all';
  if (choices.length > NAMED_CHOICES) return 'filtered';
  return choices.map((id) => slug(id)).filter((part) => part !== '').join('-') || 'filtered';
}

export type FigureFormat = 'png' | 'svg';

/** e.g. cooperation-atlas-yunnan-2026-11-29.png, or …@2x.png for a picture at twice the screen's size. */
export const figureName = (subject: string, day: string, format: FigureFormat, scale = 1) =>
  `cooperation-atlas-${subject}-${day}${scale === 1 ? '' : `@${scale}x`}.${format}`;
