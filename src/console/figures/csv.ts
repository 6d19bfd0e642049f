import type { FigureCell, FigureTable } from '../../shared/figures/figures-contract.ts';
import { figuresContent } from './content.ts';

/** A cell as the page shows it in words: a count stays a number, a hidden one says so. */
export function cellText(cell: FigureCell, threshold: number): string | number {
  return cell === 'suppressed' ? figuresContent.suppressed(threshold) : cell;
}

/** The table as rows of the same labels the page shows: its headings first, then each row. */
export function tableGrid(table: FigureTable, threshold: number): (string | number)[][] {
  return [[table.rowHeading, ...table.columns.map((column) => column.label)], ...table.rows.map((row) => [row.label, ...row.cells.map((cell) => cellText(cell, threshold))])];
}

/**
 * One field of a CSV line (RFC 4180): quoted when it must be; text that a spreadsheet would take for a
 * formula is kept as text, so a label can never run as one.
 */
function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The byte-order mark that makes Excel read the file as UTF-8 (and "£" or "é" as themselves). */
export const BOM = '\uFEFF';

/** A table as a CSV file's text: UTF-8 with a byte-order mark, CRLF line ends, the labels as on screen. */
export function tableCsv(table: FigureTable, threshold: number): string {
  return `${BOM}${tableGrid(table, threshold)
    .map((line) => line.map(field).join(','))
    .join('\r\n')}\r\n`;
}

/** A file name from a table and a period: `referrals-by-age-and-location_2022-Q4.csv`. */
export function fileName(name: string, period: string, extension: string): string {
  return `${name}_${period.replace('..', '_to_')}.${extension}`;
}
