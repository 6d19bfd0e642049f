/**
 * Small-number suppression with its secondary step, on a table with margins: the last row is the
 * total of the rows above it, the last column the total of the columns before it.
 *
 * Why the secondary step is enough: with the margins, the hidden cells of such a table can be moved
 * by +1, −1 alternately round any cycle of hidden cells (row, column, row, …) without changing a
 * published number. A hidden cell on such a cycle can therefore not be worked out; one that lies on
 * no cycle (a bridge of the graph whose nodes are rows and columns and whose edges are hidden cells)
 * can. So: hide every count from 1 to threshold − 1, then, while a bridge remains, hide one more cell
 * that closes a cycle through it — the smallest non-zero one, so each cell hidden can go down by one.
 */

export interface Grid {
  values: readonly (readonly number[])[];
  /** Hidden already (primary, or by a linked table); changed in place. */
  hidden: boolean[][];
}

/** Marks the counts below the threshold, never the grand total (the last cell), and never zeros. */
export function primarySuppress(grid: Grid, threshold: number): void {
  const last = grid.values.length - 1;
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value > 0 && value < threshold && !(r === last && c === row.length - 1)) grid.hidden[r]![c] = true;
    }),
  );
}

interface Edge {
  r: number;
  c: number;
}

/** Hidden cells that lie on no cycle (Tarjan's bridges over rows 0…R−1 and columns R…R+C−1). */
function bridges(grid: Grid): Edge[] {
  const rows = grid.values.length;
  const columns = grid.values[0]?.length ?? 0;
  const adjacent: { to: number; edge: Edge }[][] = Array.from({ length: rows + columns }, () => []);
  grid.hidden.forEach((row, r) =>
    row.forEach((hidden, c) => {
      if (!hidden) return;
      const edge = { r, c };
      adjacent[r]!.push({ to: rows + c, edge });
      adjacent[rows + c]!.push({ to: r, edge });
    }),
  );
  const order = new Array<number>(rows + columns).fill(-1);
  const low = new Array<number>(rows + columns).fill(0);
  const found: Edge[] = [];
  let counter = 0;
  for (let start = 0; start < rows + columns; start += 1) {
    if (order[start] !== -1) continue;
    // Iterative depth-first search: tables can be long enough to overflow a recursive one.
    const stack: { node: number; via: Edge | null; next: number }[] = [{ node: start, via: null, next: 0 }];
    order[start] = low[start] = counter++;
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const neighbours = adjacent[frame.node]!;
      if (frame.next < neighbours.length) {
        const { to, edge } = neighbours[frame.next++]!;
        if (edge === frame.via) continue;
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push({ node: to, via: edge, next: 0 });
        } else {
          low[frame.node] = Math.min(low[frame.node]!, order[to]!);
        }
      } else {
        stack.pop();
        const parent = stack.at(-1);
        if (parent) {
          low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
          if (low[frame.node]! > order[parent.node]!) found.push(frame.via!);
        }
      }
    }
  }
  return found;
}

/** The nodes reached from `start` over hidden cells, leaving out one of them. */
function reachable(grid: Grid, start: number, without: Edge): Set<number> {
  const rows = grid.values.length;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop()!;
    const next: number[] = [];
    if (node < rows) grid.hidden[node]!.forEach((hidden, c) => hidden && !(node === without.r && c === without.c) && next.push(rows + c));
    else grid.hidden.forEach((row, r) => row[node - rows] && !(r === without.r && node - rows === without.c) && next.push(r));
    for (const to of next) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

/** Hides more cells until no hidden cell lies on no cycle; true when it hid any. */
export function secondarySuppress(grid: Grid): boolean {
  const rows = grid.values.length;
  const columns = grid.values[0]?.length ?? 0;
  let changed = false;
  for (;;) {
    const found = bridges(grid);
    if (found.length === 0) return changed;
    // Every bridge of one search is closed in turn (one search, not one per cell hidden); one an earlier
    // cell of this round already put on a cycle is left. The next search finds any bridge still left.
    for (const bridge of found) {
      const side = reachable(grid, bridge.r, bridge);
      if (side.has(rows + bridge.c)) continue;
      let best: Edge | undefined;
      let bestCost = Infinity;
      for (let r = 0; r < rows; r += 1) {
        for (let c = 0; c < columns; c += 1) {
          // A cell joining the bridge's two sides, other than the bridge, closes a cycle through it.
          if (grid.hidden[r]![c] || side.has(r) === side.has(rows + c)) continue;
          const value = grid.values[r]![c]!;
          const grandTotal = r === rows - 1 && c === columns - 1;
          const cost = (grandTotal ? 2e9 : 0) + (value === 0 ? 1e9 : 0) + value;
          if (cost < bestCost) {
            best = { r, c };
            bestCost = cost;
          }
        }
      }
      if (!best) throw new Error('No cell closes a cycle through a hidden cell: the table has no margins');
      grid.hidden[best.r]![best.c] = true;
      changed = true;
    }
  }
}

/**
 * Suppresses a table made of linked blocks: each block is a set of rows whose last row is the total
 * of the others, over every column (the last being the row total). Blocks share rows (a block's total
 * is a row of its parent block), so the step repeats over them all until nothing more is hidden.
 */
export function suppressBlocks(values: readonly (readonly number[])[], blocks: readonly (readonly number[])[], threshold: number): boolean[][] {
  const hidden = values.map((row) => row.map(() => false));
  if (threshold <= 1) return hidden;
  const grandRow = blocks.length > 0 ? Math.max(...blocks.map((block) => block.at(-1)!)) : values.length - 1;
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value > 0 && value < threshold && !(r === grandRow && c === row.length - 1)) hidden[r]![c] = true;
    }),
  );
  // A block is looked at again only when a row of it changed since; one with nothing hidden needs nothing.
  let dirty: Set<number> | undefined;
  while (dirty === undefined || dirty.size > 0) {
    const changed = new Set<number>();
    for (const block of blocks) {
      if (dirty && !block.some((r) => dirty!.has(r))) continue;
      if (!block.some((r) => hidden[r]!.includes(true))) continue;
      const grid: Grid = { values: block.map((r) => values[r]!), hidden: block.map((r) => [...hidden[r]!]) };
      if (!secondarySuppress(grid)) continue;
      block.forEach((r, i) => {
        if (grid.hidden[i]!.some((cell, c) => cell !== hidden[r]![c])) changed.add(r);
        hidden[r] = grid.hidden[i]!;
      });
    }
    dirty = changed;
  }
  return hidden;
}

/**
 * Suppresses a single column whose last cell is the total of those above: the counts below the
 * threshold, and — when only one is hidden, as the total would give it away — the smallest other count
 * too (the total itself when there is no other). Returns which cells are hidden.
 */
export function suppressColumn(values: readonly number[], threshold: number): boolean[] {
  const hidden = values.map(() => false);
  if (threshold <= 1) return hidden;
  const details = values.length - 1;
  for (let r = 0; r < details; r += 1) if (values[r]! > 0 && values[r]! < threshold) hidden[r] = true;
  if (hidden.filter(Boolean).length !== 1) return hidden;
  // A zero only when no count is left: each cell hidden can then go down by one.
  const cost = (value: number) => (value === 0 ? Infinity : value);
  let best = -1;
  for (let r = 0; r < details; r += 1) {
    if (hidden[r]) continue;
    if (best === -1 || cost(values[r]!) < cost(values[best]!)) best = r;
  }
  hidden[best === -1 ? details : best] = true;
  return hidden;
}
