// The atlas as the views see it: built once from the parsed dataset (and the names of the world's
// countries, for those the dataset only clicks through to), it holds the lookups, the numbered
// ties and the facet data, and answers every view's question through a memoised selector of the
// view state. The app binds each selector's output to one view; no view rebuilds a lookup. What
// only the panels ask (downloads, search, the matrices, the timeline, the profiles) is answered by
// explore-model.ts and insight-model.ts, which the panels' code brings with it.
import { indexAtlas, type AtlasIndex } from './atlas-index.ts';
import { cardFor, summaryOf, type Card, type Summary } from './cards.ts';
import { facetOptions, type FacetOption } from './facet-options.ts';
import { countsOfFailures, filterIndex, keptSelector, type Facet, type FacetCounts, type FilterIndex, type Filters, type Kept } from './filters.ts';
import { keptStates, type KeptStates } from './map-features.ts';
import { memoLast } from './memo.ts';
import { sameSelection, type Selection } from './selection.ts';
import { mapSummary, type MapSummary } from './summary.ts';
import { inTableOrder, tiesOf, type Tie } from './tie.ts';
import type { Atlas, LinkId, Names } from './types.ts';

const namesOfCountries = (atlas: Atlas) => new Map(atlas.countries.map((c) => [c.iso3, { zh: c.zh, en: c.en }]));

export interface AtlasModel {
  readonly atlas: Atlas;
  readonly index: AtlasIndex;
  readonly filterIndex: FilterIndex;
  /** Ties in the whole dataset. */
  readonly total: number;
  /** What the filter panel offers under each facet. */
  readonly facetOptions: Record<Facet, FacetOption[]>;
  /** Every tie, in the table's order. */
  readonly ordered: readonly Tie[];

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
  /** The detail card of the selection; null for none, or for what the atlas does not know. */
  card(selection: Selection | null): Card | null;
  /** The links the map highlights for the selection: the card's own, and a country's blocs'. */
  highlighted(selection: Selection | null): LinkId[];
  /** The tooltip of what the pointer is over. */
  tooltip(target: Selection | null): Summary | null;
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
    ordered,
    kept,
    counts: memoLast((f: Filters) => countsOfFailures(filters, kept(f).failed)),
    tableRows,
    mapState: memoLast((f: Filters) => keptStates(index, kept(f).links)),
    summary: memoLast((f: Filters) => mapSummary(index, kept(f).links)),
    card,
    highlighted: memoLast((selection: Selection | null) => {
      const shown = card(selection);
      return shown ? [...shown.links, ...shown.blocLinks].map((row) => row.link.id) : [];
    }, sameSelection),
    tooltip: memoLast((target: Selection | null) => {
      const shown = cardOf(target);
      return shown && summaryOf(shown);
    }, sameSelection),
  };
}
