// The partner × origin matrix and the field × origin matrix of the kept ties: which partners the
// four plans share, where each is alone, and which fields each names. Counts are ties (one
// passage tying one origin to one partner), as everywhere else; a field counts the ties that
// name it. Data only: ui/matrix-view.ts lays it out as a table.
import { csvOf } from './csv.ts';
import type { Tie } from './tie.ts';
import type { Atlas, Names, Origin, Partner, PartnerGroup, VocabularyTerm } from './types.ts';

export const MATRIX_ORDERS = ['count', 'shared'] as const;
/** Rows by their ties, or by how many origins share them (then by ties). */
export type MatrixOrder = (typeof MATRIX_ORDERS)[number];

export interface MatrixCell {
  ties: number;
  /** The links the cell's ties belong to: one (the card of that tie), or several places of one origin. */
  links: string[];
}

export interface MatrixRow<T> {
  item: T;
  /** One cell per origin, in the matrix's origin order. */
  cells: MatrixCell[];
  total: number;
  /** How many origins tie to it. */
  shared: number;
}

export interface PartnerGroupRows {
  /** The region group the rows are under; null for partners in none. */
  group: PartnerGroup | null;
  rows: MatrixRow<Partner>[];
}

export interface Matrix {
  origins: Origin[];
  groups: PartnerGroupRows[];
  fields: MatrixRow<VocabularyTerm>[];
  /** Ties per origin (the columns' totals) and in all. */
  totals: number[];
  total: number;
}

const emptyCells = (n: number): MatrixCell[] => Array.from({ length: n }, () => ({ ties: 0, links: [] }));

function rowOf<T>(item: T, origins: number): MatrixRow<T> {
  return { item, cells: emptyCells(origins), total: 0, shared: 0 };
}

function count<T>(row: MatrixRow<T>, column: number, linkId: string): void {
  const cell = row.cells[column]!;
  cell.ties += 1;
  if (!cell.links.includes(linkId)) cell.links.push(linkId);
  row.total += 1;
}

const finish = <T>(row: MatrixRow<T>) => ({ ...row, shared: row.cells.filter((cell) => cell.ties > 0).length });

/**
 * The matrix of `ties` (the kept ties). Partners are grouped under the first region group that
 * holds them, the groups the filters chose (`chosenGroups`) first, then the dataset's order, the
 * rest last; within a group, and fields overall, rows come in `order`, then by English name (code-unit order, so that the CSV is the same in every locale).
 */
export function matrixOf(atlas: Atlas, ties: readonly Tie[], order: MatrixOrder, chosenGroups: readonly string[] = []): Matrix {
  const origins = atlas.origins;
  const column = new Map(origins.map((origin, i) => [origin.id, i]));
  const partners = new Map<string, MatrixRow<Partner>>();
  const fields = new Map<string, MatrixRow<VocabularyTerm>>();
  const totals = origins.map(() => 0);
  for (const tie of ties) {
    const c = column.get(tie.origin.id)!;
    totals[c] += 1;
    const partner = partners.get(tie.partner.id) ?? rowOf(tie.partner, origins.length);
    partners.set(tie.partner.id, partner);
    count(partner, c, tie.link.id);
    for (const field of tie.fields) {
      const row = fields.get(field.id) ?? rowOf(field, origins.length);
      fields.set(field.id, row);
      count(row, c, tie.link.id);
    }
  }
  const byOrder = <T extends Names>(a: MatrixRow<T>, b: MatrixRow<T>) =>
    (order === 'shared' ? b.shared - a.shared : 0) || b.total - a.total || (a.item.en < b.item.en ? -1 : a.item.en > b.item.en ? 1 : 0);
  const groups = [...atlas.groups.filter((g) => chosenGroups.includes(g.id)), ...atlas.groups.filter((g) => !chosenGroups.includes(g.id))];
  const groupOf = new Map<string, PartnerGroup>();
  for (const group of groups) for (const id of group.partners) if (!groupOf.has(id)) groupOf.set(id, group);
  const rows = [...partners.values()].map(finish);
  const grouped = [...groups, null].map((group) => ({
    group,
    rows: rows.filter((row) => (groupOf.get(row.item.id) ?? null) === group).sort(byOrder),
  }));
  return {
    origins,
    groups: grouped.filter((g) => g.rows.length > 0),
    fields: [...fields.values()].map(finish).sort(byOrder),
    totals,
    total: ties.length,
  };
}

/** The partner × origin matrix as CSV: one row a partner, its group, a column of ties per origin, the total and how many origins share it. */
export function matrixCsv(matrix: Matrix): string {
  const originColumns = matrix.origins.map((origin) => origin.id);
  const columns = ['group_id', 'group_zh', 'group_en', 'partner_id', 'partner_kind', 'partner_zh', 'partner_en', ...originColumns, 'total', 'origins'] as const;
  const rows = matrix.groups.flatMap(({ group, rows }) =>
    rows.map((row) => ({
      group_id: group?.id ?? '',
      group_zh: group?.zh ?? '',
      group_en: group?.en ?? '',
      partner_id: row.item.id,
      partner_kind: row.item.kind,
      partner_zh: row.item.zh,
      partner_en: row.item.en,
      ...Object.fromEntries(originColumns.map((id, i) => [id, String(row.cells[i]!.ties)])),
      total: String(row.total),
      origins: String(row.shared),
    })),
  );
  return csvOf(columns as readonly string[], rows as Record<string, string>[]);
}
