// What the table of ties (src/ui/tie-table.ts) decides about its rows, apart from drawing them:
// which link a row belongs to, which rows a selection covers, and the order of a sorted column.
import type { Selection } from './selection.ts';
import type { TableRow } from './table.ts';
import type { Atlas } from './types.ts';

/** The id of the link (origin–place–partner) a row is a piece of evidence of. */
export const rowLinkId = (row: TableRow) => `${row.origin}:${row.place_adcode}:${row.partner_id}`;

/**
 * Which rows belong to the selection: a link's own rows; a country's, i.e. those whose partner is
 * in it (the country itself, or a city, institution or company there: partner_iso3); a site's; an
 * origin's; a partner's (a bloc or region). Null when nothing is selected.
 */
export function selectionMatcher(atlas: Atlas, selection: Selection | null): ((row: TableRow) => boolean) | null {
  if (!selection) return null;
  switch (selection.kind) {
    case 'link':
      return (row) => rowLinkId(row) === selection.id;
    case 'country':
      return (row) => row.partner_iso3 === selection.iso3;
    case 'origin':
      return (row) => row.origin === selection.id;
    case 'partner':
      return (row) => row.partner_id === selection.id;
    case 'site': {
      // Rows carry a site's names and position, not its id; together these are unique.
      const site = atlas.sites.find((s) => s.id === selection.id);
      if (!site) return () => false;
      const [lon, lat] = [String(site.lon), String(site.lat)];
      return (row) => row.site_en === site.en && row.site_zh === site.zh && row.site_lon === lon && row.site_lat === lat;
    }
  }
}

export type SortDirection = 'ascending' | 'descending';

/**
 * The positions 0..n-1 of rows ordered by their keys. Empty keys (no site, no field) come last in
 * either direction; equal keys keep the given order, so a sort is undone by sorting by nothing.
 */
export function sortedOrder(keys: readonly string[], direction: SortDirection, compare: (a: string, b: string) => number): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return keys
    .map((_, i) => i)
    .sort((a, b) => {
      const [x, y] = [keys[a]!, keys[b]!];
      if (x === '' || y === '') return x === y ? a - b : x === '' ? 1 : -1;
      return sign * compare(x, y) || a - b;
    });
}
