import { indexAtlas } from './atlas-index.ts';
import type { Atlas, Link } from './types.ts';

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

export type TableRow = Record<(typeof TABLE_COLUMNS)[number], string>;

const compare = (a: TableRow, b: TableRow) => {
  for (const c of ['origin', 'doc_id', 'quote_start', 'partner_id', 'site_en'] as const) {
    const [x, y] = c === 'quote_start' ? [Number(a[c]), Number(b[c])] : [a[c], b[c]];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};

/** Each row with its tie's number (filterIndex's numbering: each link's evidence in order, links in order), sorted. */
function numberedRows(atlas: Atlas, linkIds?: ReadonlySet<string>): { row: TableRow; tie: number }[] {
  const { partners, sites, documents, places } = indexAtlas(atlas);
  const rows: { row: TableRow; tie: number }[] = [];
  let tie = 0;
  for (const link of atlas.links) {
    if (linkIds && !linkIds.has(link.id)) {
      tie += link.evidence.length;
      continue;
    }
    const partner = partners.get(link.partner)!;
    const place = places.get(link.place)!;
    for (const e of link.evidence) {
      const site = e.site ? sites.get(e.site)! : null;
      rows.push({
        tie: tie++,
        row: {
          origin: link.origin,
          place_adcode: link.place,
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
          fields: e.fields.join(';'),
          modes: e.modes.join(';'),
          doc_id: e.doc,
          doc_date: documents.get(e.doc)!.date,
          quote: e.quote,
          quote_start: String(e.start),
          quote_end: String(e.end),
        },
      });
    }
  }
  return rows.sort((a, b) => compare(a.row, b.row));
}

/** One row per piece of evidence of the given links (all of them by default), sorted deterministically. */
export function tableRows(atlas: Atlas, linkIds?: ReadonlySet<string>): TableRow[] {
  return numberedRows(atlas, linkIds).map(({ row }) => row);
}

/**
 * Every row of the dataset, sorted as tableRows sorts, with the number of its tie: built once, it
 * turns the filters' kept ties (keptTies) into the table's rows in one pass, without building
 * or sorting rows again.
 */
export interface RowIndex {
  rows: readonly TableRow[];
  /** The tie of each row. */
  ties: Uint32Array;
}

export function rowIndex(atlas: Atlas): RowIndex {
  const numbered = numberedRows(atlas);
  return { rows: numbered.map(({ row }) => row), ties: Uint32Array.from(numbered, ({ tie }) => tie) };
}

/** The rows of the kept ties (1 in `kept`, indexed by tie), in the table's order. */
export function rowsOfTies({ rows, ties }: RowIndex, kept: Uint8Array): TableRow[] {
  return rows.filter((_, i) => kept[ties[i]!] === 1);
}

/**
 * The rows of exactly the evidence `links` hold, sorted as tableRows sorts. Unlike
 * tableRows(atlas, ids), a link the filters narrowed to some of its evidence gives only the rows
 * of the evidence it kept: this is the table of what the filters keep.
 */
export function keptTableRows(atlas: Atlas, links: readonly Link[]): TableRow[] {
  return tableRows({ ...atlas, links: [...links] });
}
