// The explore panels — filters, search, summary, downloads and the table of ties — bound to the
// one store through the model's selectors. Loaded once the map's first picture is drawn (their
// drawers are closed at first); the map and the legend show the filters from the start.
import { exploreModel } from '../core/explore-model.ts';
import type { AtlasModel } from '../core/model.ts';
import { pickChanges, type SearchTarget } from '../core/search.ts';
import type { LonLat } from '../core/arc.ts';
import type { Localizer } from '../i18n/localizer.ts';
import '../ui/downloads.ts';
import '../ui/filter-panel.ts';
import '../ui/map-summary.ts';
import '../ui/search-box.ts';
import '../ui/tie-table.ts';
import searchForms from 'virtual:zh-hant-search';
import { bind } from './bind.ts';
import type { Store } from './store.ts';
import { yieldToPage } from './yield-to-page.ts';

const element = <K extends keyof HTMLElementTagNameMap>(selector: K) => document.querySelector(selector)!;

export interface ExploreContext {
  store: Store;
  model: AtlasModel;
  loc: () => Localizer;
  /** Flies to a point, at the given zoom. */
  flyTo(at: LonLat, zoom: number): void;
}

/**
 * Binds each panel to the store, one panel a task (yieldToPage): laid out together, the five
 * hold the page for well over a hundred milliseconds on a slow machine, a click waiting behind.
 */
export async function wireExplore({ store, model, loc, flyTo }: ExploreContext): Promise<void> {
  const panels = exploreModel(model);
  // This chunk's code has just run, defining its elements: their first renders come in tasks of their own.
  await yieldToPage();

  const filters = element('atlas-filters');
  filters.options = model.facetOptions;
  filters.total = model.total;
  bind(store, (s) => s.lang, () => (filters.loc = loc()));
  bind(store, (s) => s.filters, (chosen) => (filters.filters = chosen));
  bind(store, (s) => model.counts(s.filters), (counts) => (filters.counts = counts));
  filters.addEventListener('filters-change', (event) => store.update({ filters: event.detail }));
  await yieldToPage();

  const search = element('atlas-search');
  // Traditional in any language: the forms come with this chunk (small: the dataset's names only).
  // The entries are made as the box is first focused, not at load (some 20 ms without a GPU).
  search.addEventListener('focusin', () => (search.entries = panels.searchEntries((zh) => searchForms[zh] ?? [])), { once: true });
  bind(store, (s) => s.lang, () => (search.loc = loc()));
  search.addEventListener('search-pick', (event) => {
    const target: SearchTarget = event.detail;
    store.update(pickChanges(target, store.get().filters));
    const at = panels.searchTargetAt(target);
    // A city or a park close up; a country, a region or an origin with room around it, zooming
    // out if need be: the map was perhaps close up on something else.
    const pointlike = target.kind === 'place' || (target.kind === 'select' && target.selection.kind === 'site');
    if (at) flyTo(at, pointlike ? 6 : 3);
  });
  await yieldToPage();

  const summary = element('atlas-summary');
  const downloads = element('atlas-downloads');
  bind(store, (s) => s.lang, () => (summary.loc = downloads.loc = loc()));
  bind(store, (s) => model.summary(s.filters), (shown) => (summary.summary = shown));
  bind(store, (s) => panels.downloads(s.filters), (offer) => (downloads.offer = offer));
  await yieldToPage();

  const table = element('atlas-table');
  bind(store, (s) => s.lang, () => (table.loc = loc()));
  bind(store, (s) => model.tableRows(s.filters), (rows) => {
    filters.kept = rows.length;
    table.rows = rows;
  });
  bind(store, (s) => s.selection, (selection) => (table.selection = selection));
  table.addEventListener('table-select', (event) => store.update({ selection: event.detail }));
}
