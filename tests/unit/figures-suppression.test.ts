import { describe, expect, it } from 'vitest';
import { suppressBlocks } from '../../src/server/services/figures/suppression.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

/** A table of detail counts with its row totals, column totals and grand total added. */
function withMargins(detail: number[][]): number[][] {
  const rows = detail.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = rows[0]!.map((_, c) => rows.reduce((sum, row) => sum + row[c]!, 0));
  return [...rows, totals];
}

/**
 * Every way of filling the hidden cells with counts that agrees with every published cell and every
 * margin, found by trying every value: for each hidden cell, the values it could take.
 */
function possibleValues(values: number[][], hidden: boolean[][]): Map<string, Set<number>> {
  const rows = values.length;
  const columns = values[0]!.length;
  const cells: [number, number][] = [];
  hidden.forEach((row, r) => row.forEach((h, c) => h && cells.push([r, c])));
  const grand = values[rows - 1]![columns - 1]!;
  const filled = values.map((row, r) => row.map((value, c) => (hidden[r]![c] ? -1 : value)));
  const seen = new Map(cells.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const consistent = (): boolean => {
    for (let r = 0; r < rows; r += 1) {
      const line = filled[r]!;
      if (line.every((v) => v >= 0) && line.slice(0, -1).reduce((a, b) => a + b, 0) !== line.at(-1)) return false;
      if (line.at(-1)! >= 0 && line.slice(0, -1).reduce((a, b) => a + Math.max(b, 0), 0) > line.at(-1)!) return false;
    }
    for (let c = 0; c < columns; c += 1) {
      const line = filled.map((row) => row[c]!);
      if (line.every((v) => v >= 0) && line.slice(0, -1).reduce((a, b) => a + b, 0) !== line.at(-1)) return false;
      if (line.at(-1)! >= 0 && line.slice(0, -1).reduce((a, b) => a + Math.max(b, 0), 0) > line.at(-1)!) return false;
    }
    return true;
  };
  const fill = (i: number) => {
    if (i === cells.length) {
      for (const [r, c] of cells) seen.get(`${r},${c}`)!.add(filled[r]![c]!);
      return;
    }
    const [r, c] = cells[i]!;
    for (let value = 0; value <= grand; value += 1) {
      filled[r]![c] = value;
      if (consistent()) fill(i + 1);
    }
    filled[r]![c] = -1;
  };
  fill(0);
  return seen;
}

describe('suppression of small counts', () => {
  it('hides counts below the threshold, never zeros or the grand total, and nothing when the threshold is 0', () => {
    const values = withMargins([
      [10, 2],
      [7, 12],
    ]);
    const hidden = suppressBlocks(values, [[0, 1, 2]], 5);
    expect(hidden[0]![1]).toBe(true);
    expect(hidden[2]![2]).toBe(false);
    expect(suppressBlocks(values, [[0, 1, 2]], 0).flat().some(Boolean)).toBe(false);
  });

  it('hides a second cell in the same row and column, so the first cannot be worked out from the totals', () => {
    const values = withMargins([
      [10, 2, 9],
      [7, 12, 8],
      [6, 11, 14],
    ]);
    const hidden = suppressBlocks(values, [[0, 1, 2, 3]], 5);
    expect(hidden.flat().filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const values_ of possibleValues(values, hidden).values()) expect(values_.size).toBeGreaterThan(1);
  });

  it('leaves no hidden cell that can be recovered from the published cells and margins (brute force over random tables)', () => {
    const random = seededRandom(15);
    let checked = 0;
    for (let round = 0; round < 200; round += 1) {
      const rows = 2 + Math.floor(random() * 2);
      const columns = 2 + Math.floor(random() * 2);
      const detail = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(random() * 7)));
      const values = withMargins(detail);
      if (values.at(-1)!.at(-1)! > 18) continue;
      const hidden = suppressBlocks(values, [Array.from({ length: rows + 1 }, (_, r) => r)], 3);
      const possible = possibleValues(values, hidden);
      for (const [cell, options] of possible) {
        expect(options.has(values[Number(cell.split(',')[0])]![Number(cell.split(',')[1])]!), cell).toBe(true);
        expect(options.size, `cell ${cell} of ${JSON.stringify(values)} can be worked out`).toBeGreaterThan(1);
      }
      checked += possible.size;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('protects linked blocks: a total row hidden in its parent block is protected in its own block too', () => {
    // Rows 0–1 add up to row 2; rows 2–3 add up to row 4 (the parent block).
    const values = [
      [1, 9, 10],
      [8, 8, 16],
      [9, 17, 26],
      [12, 14, 26],
      [21, 31, 52],
    ];
    const hidden = suppressBlocks(
      values,
      [
        [0, 1, 2],
        [2, 3, 4],
      ],
      5,
    );
    expect(hidden[0]![0]).toBe(true);
    for (const block of [
      [0, 1, 2],
      [2, 3, 4],
    ]) {
      const possible = possibleValues(
        block.map((r) => values[r]!),
        block.map((r) => hidden[r]!),
      );
      for (const options of possible.values()) expect(options.size).toBeGreaterThan(1);
    }
  });
});
