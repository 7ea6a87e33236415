// The documents' quantitative targets: every number a plan sets as a goal (and, where a plan
// reports it beside its goals, the value already achieved), each with the passage that states it.
// The targets table of shared/DATA-CONTRACT.md is these, one row a number.
import { byKeys } from './compare.ts';
import { csvOf } from './csv.ts';
import type { Names, OriginId } from './types.ts';

export const COMPARATORS = ['at-least', 'exactly', 'at-most'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const TARGET_STATUSES = ['target', 'achieved'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export interface Target {
  origin: OriginId;
  doc: string;
  /** What is counted or measured, in the document's words and in English. */
  subject: Names;
  /** The number as written, in plain decimal (590, 3.5, 16500). */
  value: string;
  /** Its unit as written (家, 名, 亿元, %) and in English; empty where none. */
  unit: Names;
  comparator: Comparator;
  /** A yearly quota (每年…). */
  perYear: boolean;
  /** The year the target is for, or the year an achieved value was measured; null where the text gives none. */
  year: number | null;
  status: TargetStatus;
  /** The passage (or table row) stating the number: text.slice(start, end) === quote. */
  quote: string;
  start: number;
  end: number;
}

/** The columns of the targets table (shared/DATA-CONTRACT.md), in order. */
export const TARGET_COLUMNS = [
  'origin',
  'doc_id',
  'subject_zh',
  'subject_en',
  'value',
  'unit_zh',
  'unit_en',
  'comparator',
  'per_year',
  'year',
  'status',
  'quote',
  'quote_start',
  'quote_end',
] as const;

export type TargetRow = Record<(typeof TARGET_COLUMNS)[number], string>;

export function targetRow(t: Target): TargetRow {
  return {
    origin: t.origin,
    doc_id: t.doc,
    subject_zh: t.subject.zh,
    subject_en: t.subject.en,
    value: t.value,
    unit_zh: t.unit.zh,
    unit_en: t.unit.en,
    comparator: t.comparator,
    per_year: String(t.perYear),
    year: t.year === null ? '' : String(t.year),
    status: t.status,
    quote: t.quote,
    quote_start: String(t.start),
    quote_end: String(t.end),
  };
}

/** The table's order: by origin, document, position in the document, then subject and value. */
export const compareTargets = byKeys((t: Target) => [t.origin, t.doc, t.start, t.end, t.subject.zh, Number(t.value)]);

/** RFC 4180 CSV of the targets, header first, \n line ends, in the table's order. */
export const targetsCsv = (targets: readonly Target[]) => csvOf(TARGET_COLUMNS, [...targets].sort(compareTargets).map(targetRow));
