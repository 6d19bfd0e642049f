/** Nearest-rank percentile: always a value that was really observed, which is what a budget is about. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export interface Spread {
  min: number;
  max: number;
  runs: number;
}

export interface Summary {
  /** The median of the runs: the figure that is reported and checked against its budget. */
  value: number;
  spread: Spread;
}

export function summarise(runs: readonly number[]): Summary {
  return { value: median(runs), spread: { min: Math.min(...runs), max: Math.max(...runs), runs: runs.length } };
}

/** Runs `once` `warmUps` times unrecorded (JIT, disk and HTTP caches), then `runs` times recorded, one after another. */
export async function repeat<T>(warmUps: number, runs: number, once: (run: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmUps; i += 1) await once(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await once(i));
  return results;
}
