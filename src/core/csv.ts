import { csvFormatRows } from 'd3-dsv';
import { TABLE_COLUMNS, type CsvRow } from './table.ts';

// The one CSV serializer of the app and the CLI: RFC 4180, a header row, \n line ends.

/** A plain decimal number, which a spreadsheet may read as one: -70.65 stays as it is. */
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * A cell no spreadsheet runs as a formula (shared/DATA-CONTRACT.md): text that begins with =, +,
 * -, @, a tab or a carriage return, and is not a plain number, gets a leading '.
 */
export const spreadsheetSafe = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell);

/** Rows of named cells as CSV, the columns in the order given. */
export function csvOf<C extends string>(columns: readonly C[], rows: readonly Record<C, string>[]): string {
  return `${csvFormatRows([[...columns], ...rows.map((r) => columns.map((c) => spreadsheetSafe(r[c])))])}\n`;
}

/** The cooperation table as CSV. */
export const toCsv = (rows: readonly CsvRow[]) => csvOf(TABLE_COLUMNS, rows);
