// The cooperation table of shared/DATA-CONTRACT.md: each tie written as the contract's columns.
// Strings only here, at the edge where rows leave the app (the CSV); the views read the ties.
import { indexAtlas } from './atlas-index.ts';
import { inTableOrder, tiesOf, type Tie } from './tie.ts';
import type { Atlas } from './types.ts';

/** The columns of the cooperation table (shared/DATA-CONTRACT.md), in order. */
export const TABLE_COLUMNS = [
  'origin',
  'place_adcode',
  'place_zh',
  'place_en',
  'partner_kind',
  'partner_id',
  'partner_iso3',
  'partner_members',
  'partner_zh',
  'partner_en',
  'site_zh',
  'site_en',
  'site_lon',
  'site_lat',
  'site_precision',
  'fields',
  'modes',
  'doc_id',
  'doc_date',
  'quote',
  'quote_start',
  'quote_end',
] as const;

export type CsvRow = Record<(typeof TABLE_COLUMNS)[number], string>;

/** A tie as a row of the table. */
export function csvRow({ origin, place, partner, site, evidence, document }: Tie): CsvRow {
  return {
    origin: origin.id,
    place_adcode: place.adcode,
    place_zh: place.zh,
    place_en: place.en,
    partner_kind: partner.kind,
    partner_id: partner.id,
    partner_iso3: partner.iso3 ?? '',
    partner_members: partner.members.join(';'),
    partner_zh: partner.zh,
    partner_en: partner.en,
    site_zh: site?.zh ?? '',
    site_en: site?.en ?? '',
    site_lon: site ? String(site.lon) : '',
    site_lat: site ? String(site.lat) : '',
    site_precision: site?.precision ?? '',
    fields: evidence.fields.join(';'),
    modes: evidence.modes.join(';'),
    doc_id: document.id,
    doc_date: document.date,
    quote: evidence.quote,
    quote_start: String(evidence.start),
    quote_end: String(evidence.end),
  };
}

/** The whole table of a dataset (or of the given links only), sorted: what `npm run export:csv` prints. */
export function csvRows(atlas: Atlas, linkIds?: ReadonlySet<string>): CsvRow[] {
  const ties = tiesOf(indexAtlas(atlas)).filter((tie) => !linkIds || linkIds.has(tie.link.id));
  return inTableOrder(ties).map(csvRow);
}
