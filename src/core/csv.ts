import { csvFormatRows } from 'd3-dsv';
import { TABLE_COLUMNS, type CsvRow } from './table.ts';

/** RFC 4180 CSV with a header row and \n line ends: the one serializer for the CLI and the app. */
export function toCsv(rows: readonly CsvRow[]): string {
  return `${csvFormatRows([[...TABLE_COLUMNS], ...rows.map((r) => TABLE_COLUMNS.map((c) => r[c]))])}\n`;
}
