// What the table of ties (src/ui/tie-table.ts) decides about its rows, apart from drawing them:
// which rows a selection covers, and the order of a sorted column.
import type { Selection } from './selection.ts';
import type { Tie } from './tie.ts';

/**
 * Which ties belong to the selection: a link's own; a country's, i.e. those whose partner is in
 * it (the country itself, or a city, institution or company there); a site's; an origin's; a
 * partner's (a bloc or region). Null when nothing is selected.
 */
export function selectionMatcher(selection: Selection | null): ((tie: Tie) => boolean) | null {
  if (!selection) return null;
  switch (selection.kind) {
    case 'link':
      return (tie) => tie.link.id === selection.id;
    case 'country':
      return (tie) => tie.partner.iso3 === selection.iso3;
    case 'origin':
      return (tie) => tie.origin.id === selection.id;
    case 'partner':
      return (tie) => tie.partner.id === selection.id;
    case 'site':
      return (tie) => tie.site?.id === selection.id;
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
