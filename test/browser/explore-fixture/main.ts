// A page holding the exploring components wired the simplest way, for the browser tests
// (test/browser/explore.test.ts) to drive and time. Not part of the app: the lead wires the real one.
import { NO_FILTERS, type Filters } from '../../../src/core/filters.ts';
import { exploreModel } from '../../../src/core/explore-model.ts';
import { atlasModel } from '../../../src/core/model.ts';
import { parseAtlas } from '../../../src/core/parse-atlas.ts';
import type { Selection } from '../../../src/core/selection.ts';
import type { Tie } from '../../../src/core/tie.ts';
import '../../../src/ui/downloads.ts';
import '../../../src/ui/filter-panel.ts';
import { localizer } from '../../../src/i18n/localizer.ts';
import '../../../src/ui/map-summary.ts';
import '../../../src/ui/search-box.ts';
import '../../../src/ui/tie-table.ts';
import type { Language } from '../../../src/core/languages.ts';
import traditional from 'virtual:zh-hant';
import searchForms from 'virtual:zh-hant-search';

declare global {
  interface Window {
    explore: {
      ready: boolean;
      events: { type: string; detail: unknown }[];
      /** Shows `n` rows in the table (the kept rows repeated), resolving once drawn: ms taken. */
      setRows(n: number): Promise<number>;
      /** Sets the selection, resolving once drawn: ms taken. */
      select(selection: Selection | null): Promise<number>;
      filters: Filters;
    };
  }
}

const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? 'zh-Hans') as Language;
const loc = localizer(lang, traditional);
document.documentElement.lang = lang;

const parsed = parseAtlas(await (await fetch('data/atlas.json')).text());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const model = atlasModel(parsed.atlas);
const panels = exploreModel(model);

const filtersPanel = document.querySelector('atlas-filters')!;
const search = document.querySelector('atlas-search')!;
const table = document.querySelector('atlas-table')!;
const downloads = document.querySelector('atlas-downloads')!;
const summary = document.querySelector('atlas-summary')!;
for (const el of [filtersPanel, search, table, downloads, summary]) el.loc = loc;
filtersPanel.options = model.facetOptions;
filtersPanel.total = model.total;
search.entries = panels.searchEntries((s) => searchForms[s] ?? []);

const events: { type: string; detail: unknown }[] = [];
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function apply(filters: Filters): void {
  window.explore.filters = filters;
  filtersPanel.filters = filters;
  filtersPanel.counts = model.counts(filters);
  filtersPanel.kept = model.tableRows(filters).length;
  downloads.offer = panels.downloads(filters);
  summary.summary = model.summary(filters);
  table.rows = model.tableRows(filters);
}

function select(selection: Selection | null): void {
  table.selection = selection;
}

for (const type of ['filters-change', 'search-pick', 'table-select', 'open-reader', 'data-download']) {
  document.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
}
document.body.addEventListener('filters-change', (event) => apply(event.detail));
document.body.addEventListener('table-select', (event) => select(event.detail));
document.body.addEventListener('search-pick', (event) => {
  if (event.detail.kind === 'select') select(event.detail.selection);
});

window.explore = {
  ready: false,
  events,
  filters: NO_FILTERS,
  async setRows(n) {
    const base = model.tableRows(window.explore.filters);
    const rows: Tie[] = Array.from({ length: n }, (_, i) => base[i % base.length]!);
    const t0 = performance.now();
    table.rows = rows;
    await table.updateComplete;
    await frame();
    return performance.now() - t0;
  },
  async select(selection) {
    const t0 = performance.now();
    select(selection);
    await table.updateComplete;
    await frame();
    return performance.now() - t0;
  },
};
apply(NO_FILTERS);
await Promise.all([filtersPanel, search, table, downloads, summary].map((el) => el.updateComplete));
window.explore.ready = true;
