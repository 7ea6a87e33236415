// The filters on the map and its legend: from the first picture on, whatever the panels do. The
// panels (explore.ts) come later, in a chunk of their own, and read the same selector.
import type { AtlasIndex } from '../core/atlas-index.ts';
import type { Filters, Kept } from '../core/filters.ts';
import { keptStates } from '../map/atlas-features.ts';
import type { AtlasMap } from '../map/atlas-map.ts';
import { tieShades } from '../map/palette.ts';
import type { Store } from './store.ts';

export function showFiltersOnMap(store: Store, index: AtlasIndex, kept: (filters: Filters) => Kept, map: AtlasMap): void {
  const legend = document.querySelector('atlas-legend')!;
  const show = (filters: Filters) => {
    const shown = keptStates(index, kept(filters).links);
    map.showKept(shown);
    legend.classes = shown.tieClasses;
    legend.shades = tieShades(shown.tieClasses.length);
  };
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) show(state.filters);
  });
  show(store.get().filters);
}
