import type { FigureCell, FigureTable } from '../../../shared/figures/figures-contract.ts';
import { suppressBlocks } from './suppression.ts';

export interface Heading {
  key: string;
  label: string;
}

export interface Counts {
  rows: readonly (Heading & { total?: boolean })[];
  columns: readonly Heading[];
  /** One count per row and column, in their order. */
  values: readonly (readonly number[])[];
}

/**
 * Counts by row and column, with a total column after the columns given and a total row after the
 * rows given (the rows are detail rows that add up).
 */
export function withTotals(rows: readonly Heading[], columns: readonly Heading[], countOf: (row: string, column: string) => number): Counts {
  const values = rows.map((row) => {
    const cells = columns.map((column) => countOf(row.key, column.key));
    return [...cells, cells.reduce((sum, n) => sum + n, 0)];
  });
  const total = columns.map((_, c) => values.reduce((sum, row) => sum + row[c]!, 0));
  return {
    rows: [...rows, { key: 'total', label: 'Total', total: true }],
    columns: [...columns, { key: 'total', label: 'Total' }],
    values: [...values, [...total, total.reduce((sum, n) => sum + n, 0)]],
  };
}

export interface TableText {
  id: string;
  title: string;
  rowHeading: string;
  notes: string[];
}

/** The table as the browser receives it: with `blocks` (rows that add up, the last their total), cells below the threshold and those that would give them away are hidden. */
export function figureTable(text: TableText, counts: Counts, suppression?: { threshold: number; blocks: readonly (readonly number[])[] }): FigureTable {
  const hidden = suppression ? suppressBlocks(counts.values, suppression.blocks, suppression.threshold) : undefined;
  return {
    ...text,
    columns: counts.columns.map(({ key, label }) => ({ key, label })),
    rows: counts.rows.map((row, r) => ({
      key: row.key,
      label: row.label,
      total: row.total ?? false,
      cells: counts.values[r]!.map((value, c): FigureCell => (hidden?.[r]![c] ? 'suppressed' : value)),
    })),
  };
}

/** Every row in one block: a table whose rows add up to its last. */
export function oneBlock(counts: Counts): number[][] {
  return [counts.rows.map((_, r) => r)];
}

export const keyOf = (...parts: readonly (string | null | undefined)[]) => parts.map((part) => part ?? '').join('|');
