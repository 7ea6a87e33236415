// The map summary (src/core/summary.ts) in words, one sentence per part: what <atlas-summary>
// shows as the map's text alternative. Kept apart from the component so it can be tested without
// a DOM.
import type { Counted, MapSummary } from '../core/summary.ts';
import type { Names } from '../core/types.ts';
import { count, formatList, formatNumber } from '../i18n/format.ts';
import type { Localizer } from '../i18n/localizer.ts';

/** How many of each list are named before “and N more”. */
export interface SummaryLimits {
  countries: number;
  blocs: number;
  regions: number;
  sites: number;
}

export const SUMMARY_LIMITS: SummaryLimits = { countries: 5, blocs: 6, regions: 5, sites: 3 };

function namedList(loc: Localizer, items: readonly Counted<Names>[], limit: number): string {
  const named = items.slice(0, limit).map(({ item, ties }) => loc.t('summary.item', { name: loc.name(item), n: formatNumber(loc, ties) }));
  const rest = items.length - named.length;
  return formatList(loc, rest > 0 ? [...named, loc.t('summary.more', { n: formatNumber(loc, rest) })] : named);
}

/**
 * The sentences, the overview first: “The map shows 170 ties between 4 origins and 61 partners.”,
 * then by origin, the countries with the most ties, the blocs, the regions, the sites, and how
 * many ties are listed but not drawn. Parts with nothing to say are left out.
 */
export function summarySentences(summary: MapSummary, loc: Localizer, limits: SummaryLimits = SUMMARY_LIMITS): string[] {
  if (summary.ties === 0) return [loc.t('summary.none')];
  const sentences = [
    loc.t('summary.overview', {
      ties: count(loc, 'ties', summary.ties),
      origins: count(loc, 'origins', summary.origins),
      partners: count(loc, 'partners', summary.partners),
    }),
    loc.t('summary.origins', { list: namedList(loc, summary.byOrigin, Infinity) }),
  ];
  if (summary.byCountry.length > 0) {
    sentences.push(
      loc.t('summary.countries', {
        countries: count(loc, 'countries', summary.countries),
        list: namedList(loc, summary.byCountry, limits.countries),
      }),
    );
  }
  if (summary.blocs.length > 0) sentences.push(loc.t('summary.blocs', { list: namedList(loc, summary.blocs, limits.blocs) }));
  if (summary.regions.length > 0) sentences.push(loc.t('summary.regions', { list: namedList(loc, summary.regions, limits.regions) }));
  if (summary.sites.length > 0) sentences.push(loc.t('summary.sites', { list: namedList(loc, summary.sites, limits.sites) }));
  if (summary.unmapped > 0) sentences.push(loc.t('summary.unmapped', { ties: count(loc, 'ties', summary.unmapped) }));
  return sentences;
}
