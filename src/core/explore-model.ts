// What the explore panels ask of the atlas beyond the model: the downloads of the kept ties, and
// the search. Made by the panels' own code (app/explore.ts), so that what the first picture
// waits for carries neither CSV writing nor the search index.
import type { LonLat } from './arc.ts';
import { downloadOffer, type DownloadOffer } from './downloads.ts';
import type { Filters } from './filters.ts';
import { memoLast } from './memo.ts';
import type { AtlasModel } from './model.ts';
import { searchEntries, searchTargetAt, type SearchEntry, type SearchTarget } from './search.ts';

export interface ExploreModel {
  /** The downloads of exactly the kept ties. */
  downloads(filters: Filters): DownloadOffer;
  /** The search index, with the Traditional forms of each Simplified name. */
  searchEntries(traditional: (zh: string) => readonly string[]): SearchEntry[];
  /** Where the map flies for a search result. */
  searchTargetAt(target: SearchTarget): LonLat | null;
}

export function exploreModel({ atlas, index, kept, tableRows }: AtlasModel): ExploreModel {
  return {
    downloads: memoLast((f: Filters) => downloadOffer(index, { links: kept(f).links, rows: tableRows(f) })),
    searchEntries: (traditional) => searchEntries(atlas, traditional),
    searchTargetAt: (target) => searchTargetAt(index, target),
  };
}
