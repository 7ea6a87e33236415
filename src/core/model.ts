// The atlas as the views see it: built once from the parsed dataset (and the names of the world's
// countries, for those the dataset only clicks through to), it holds the lookups, the numbered
// ties and the facet data, and answers every view's question through a memoised selector of the
// view state. The app binds each selector's output to one view; no view rebuilds a lookup.
import type { LonLat } from './arc.ts';
import { indexAtlas, type AtlasIndex } from './atlas-index.ts';
import { cardFor, summaryOf, type Card, type Summary } from './cards.ts';
import { downloadOffer, type DownloadOffer } from './downloads.ts';
import { facetOptions, type FacetOption } from './facet-options.ts';
import { countsOfFailures, FACETS, filterIndex, keptSelector, type Facet, type FacetCounts, type FilterIndex, type Filters, type Kept } from './filters.ts';
import { keptStates, type KeptStates } from './map-features.ts';
import { matrixOf, type Matrix, type MatrixOrder } from './matrix.ts';
import { memoLast } from './memo.ts';
import { originProfile, partnerProfile, type Profile } from './profiles.ts';
import { timelineOf, type Timeline } from './timeline.ts';
import { searchEntries, searchTargetAt, type SearchEntry, type SearchTarget } from './search.ts';
import { sameSelection, type Selection } from './selection.ts';
import { mapSummary, type MapSummary } from './summary.ts';
import { inTableOrder, tiesOf, type Tie } from './tie.ts';
import type { Atlas, LinkId, Names } from './types.ts';

const YEAR_BIT = 1 << FACETS.indexOf('year');

const namesOfCountries = (atlas: Atlas) => new Map(atlas.countries.map((c) => [c.iso3, { zh: c.zh, en: c.en }]));

export interface AtlasModel {
  readonly atlas: Atlas;
  readonly index: AtlasIndex;
  readonly filterIndex: FilterIndex;
  /** Ties in the whole dataset. */
  readonly total: number;
  /** What the filter panel offers under each facet. */
  readonly facetOptions: Record<Facet, FacetOption[]>;

  /** The ties and links the filters keep. */
  kept(filters: Filters): Kept;
  /** How many ties each option would keep, given the other facets' choices. */
  counts(filters: Filters): FacetCounts;
  /** The kept ties in the table's order. */
  tableRows(filters: Filters): readonly Tie[];
  /** What the map shows of the kept links (through feature state). */
  mapState(filters: Filters): KeptStates;
  /** The text alternative to the map. */
  summary(filters: Filters): MapSummary;
  /** The downloads of exactly the kept ties. */
  downloads(filters: Filters): DownloadOffer;
  /** The detail card of the selection; null for none, or for what the atlas does not know. */
  card(selection: Selection | null): Card | null;
  /** The links the map highlights for the selection: the card's own, and a country's blocs'. */
  highlighted(selection: Selection | null): LinkId[];
  /** The tooltip of what the pointer is over. */
  tooltip(target: Selection | null): Summary | null;
  /** The partner × origin and field × origin matrices of the kept ties, in either order. */
  matrix(filters: Filters): Record<MatrixOrder, Matrix>;
  /** The documents by date and what each added, among the ties the filters other than the year keep. */
  timeline(filters: Filters): Timeline;
  /** The profile of a selected origin, partner or country, from the kept ties; null for other selections. */
  profile(selection: Selection | null, filters: Filters): Profile | null;
  /** The search index, with the Traditional forms of each Simplified name. */
  searchEntries(traditional: (zh: string) => readonly string[]): SearchEntry[];
  /** Where the map flies for a search result. */
  searchTargetAt(target: SearchTarget): LonLat | null;
}

/**
 * `countryNames` names every country a card can be about: any country clicked on the map, which
 * the dataset need not hold (the app gives the world map's names); the dataset's by default.
 */
export function atlasModel(atlas: Atlas, countryNames: ReadonlyMap<string, Names> = namesOfCountries(atlas)): AtlasModel {
  const index = indexAtlas(atlas);
  const ties = tiesOf(index);
  const filters = filterIndex(atlas, ties);
  const ordered = inTableOrder(ties);

  const kept = keptSelector(filters);
  const tableRows = memoLast((f: Filters) => {
    const bits = kept(f).ties;
    return ordered.filter((tie) => bits[tie.n] === 1);
  });
  const cardOf = (selection: Selection | null) => selection && cardFor(index, selection, countryNames);
  const card = memoLast(cardOf, sameSelection);

  return {
    atlas,
    index,
    filterIndex: filters,
    total: ties.length,
    facetOptions: facetOptions(index),
    kept,
    counts: memoLast((f: Filters) => countsOfFailures(filters, kept(f).failed)),
    tableRows,
    mapState: memoLast((f: Filters) => keptStates(index, kept(f).links)),
    summary: memoLast((f: Filters) => mapSummary(index, kept(f).links)),
    downloads: memoLast((f: Filters) => downloadOffer(index, { links: kept(f).links, rows: tableRows(f) })),
    card,
    highlighted: memoLast((selection: Selection | null) => {
      const shown = card(selection);
      return shown ? [...shown.links, ...shown.blocLinks].map((row) => row.link.id) : [];
    }, sameSelection),
    tooltip: memoLast((target: Selection | null) => {
      const shown = cardOf(target);
      return shown && summaryOf(shown);
    }, sameSelection),
    matrix: memoLast((f: Filters) => ({ count: matrixOf(atlas, tableRows(f), 'count', f.group), shared: matrixOf(atlas, tableRows(f), 'shared', f.group) })),
    timeline: memoLast((f: Filters) => {
      // The ties every filter but the year keeps: those failing no facet, or the year's alone.
      const { failed } = kept(f);
      return timelineOf(index, ordered.filter((tie) => (failed[tie.n]! & ~YEAR_BIT) === 0));
    }),
    profile: (() => {
      const profileOf = memoLast(
        ({ selection, filters: f }: { selection: Selection | null; filters: Filters }): Profile | null => {
          if (!selection) return null;
          const rows = tableRows(f);
          if (selection.kind === 'origin') return originProfile(index, rows, selection.id);
          if (selection.kind === 'partner') return partnerProfile(rows, (partner) => partner.id === selection.id);
          if (selection.kind === 'country') return partnerProfile(rows, (partner) => partner.id === selection.iso3 || partner.iso3 === selection.iso3);
          return null;
        },
        (a, b) => a.filters === b.filters && sameSelection(a.selection, b.selection),
      );
      return (selection: Selection | null, f: Filters) => profileOf({ selection, filters: f });
    })(),
    searchEntries: (traditional) => searchEntries(atlas, traditional),
    searchTargetAt: (target) => searchTargetAt(index, target),
  };
}
