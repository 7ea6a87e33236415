// The explore panels — filters, search, summary, downloads and the table of ties — over the one
// store. Loaded once the map's first picture is drawn (their drawers are closed at first): the
// map and the legend show the filters from the start (filters-on-map.ts), and both read the kept
// ties from one selector, so a filter change computes them once for all views.
import type { AtlasIndex } from '../core/atlas-index.ts';
import { countsOfFailures, tieCount, type FilterIndex, type Filters, type Kept } from '../core/filters.ts';
import { pickChanges, searchEntries, type SearchTarget } from '../core/search.ts';
import { rowIndex, rowsOfTies } from '../core/table.ts';
import type { Atlas } from '../core/types.ts';
import type { Localizer } from '../ui/i18n.ts';
import '../ui/downloads.ts';
import '../ui/filter-panel.ts';
import '../ui/map-summary.ts';
import '../ui/search-box.ts';
import '../ui/tie-table.ts';
import searchForms from 'virtual:zh-hant-search';
import type { Store } from './store.ts';

const element = <K extends keyof HTMLElementTagNameMap>(selector: K) => document.querySelector(selector)!;

export interface ExploreContext {
  store: Store;
  index: AtlasIndex;
  /** The facet data of every tie, and the selector of what the filters keep. */
  ties: FilterIndex;
  kept: (filters: Filters) => Kept;
  loc: () => Localizer;
  /** Flies to a point, at the given zoom. */
  flyTo(at: [number, number], zoom: number): void;
}

/** Where to fly for a search result. */
function locate(atlas: Atlas, target: SearchTarget): [number, number] | null {
  if (target.kind === 'place') {
    const place = atlas.places.find((p) => p.adcode === target.adcode);
    return place ? [place.lon, place.lat] : null;
  }
  if (target.kind === 'field' || target.kind === 'group') return null;
  const s = target.selection;
  switch (s.kind) {
    case 'country':
      return atlas.countries.find((c) => c.iso3 === s.iso3)?.anchor ?? null;
    case 'partner':
      return atlas.partners.find((p) => p.id === s.id)?.anchor ?? null;
    case 'site': {
      const site = atlas.sites.find((x) => x.id === s.id);
      return site ? [site.lon, site.lat] : null;
    }
    case 'origin': {
      const origin = atlas.origins.find((o) => o.id === s.id);
      return origin ? [origin.lon, origin.lat] : null;
    }
    case 'link':
      return null;
  }
}

export function wireExplore({ store, index, ties, kept, loc, flyTo }: ExploreContext): void {
  const { atlas } = index;
  const filters = element('atlas-filters');
  const search = element('atlas-search');
  const summary = element('atlas-summary');
  const downloads = element('atlas-downloads');
  const table = element('atlas-table');
  const rows = rowIndex(atlas);
  const total = tieCount(atlas.links);

  const show = (state: { filters: Filters }) => {
    const { links, ties: keptTies, failed } = kept(state.filters);
    filters.filters = state.filters;
    filters.counts = countsOfFailures(ties, failed);
    filters.kept = tieCount(links);
    filters.total = total;
    table.rows = rowsOfTies(rows, keptTies);
    summary.links = links;
    downloads.links = links;
  };
  const localise = () => {
    const l = loc();
    for (const view of [filters, search, summary, downloads, table]) view.loc = l;
  };

  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) show(state);
    if (state.selection !== previous.selection) table.selection = state.selection;
    if (state.lang !== previous.lang) localise();
  });
  for (const view of [filters, summary, downloads, table]) view.atlas = atlas;
  // Traditional in any language, from the start: the forms come with this chunk (small: the dataset's names only).
  search.entries = searchEntries(atlas, (zh) => searchForms[zh] ?? []);
  localise();
  show(store.get());
  table.selection = store.get().selection;

  filters.addEventListener('filters-change', (event) => store.update({ filters: event.detail }));
  table.addEventListener('table-select', (event) => store.update({ selection: event.detail }));
  search.addEventListener('search-pick', (event) => {
    const target: SearchTarget = event.detail;
    store.update(pickChanges(target, store.get().filters));
    const at = locate(atlas, target);
    // A city or a park close up; a country, a region or an origin with room around it, zooming
    // out if need be: the map was perhaps close up on something else.
    const pointlike = target.kind === 'place' || (target.kind === 'select' && target.selection.kind === 'site');
    if (at) flyTo(at, pointlike ? 6 : 3);
  });
}
