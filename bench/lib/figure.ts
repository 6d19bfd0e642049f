import type { Spread } from './stats.ts';

export type Unit = 'B' | 'ms' | 's' | 'score' | 'req/s' | 'MB' | 'count';

/** A budget (bench/budgets.ts, docs/performance.md): the figure must stay at or below `max`, or at or above `min`. */
export type Budget = { max: number } | { min: number };

export interface Figure {
  /** Stable, dotted: what scripts and results.json key on. */
  name: string;
  /** What a person reads in the table. */
  label: string;
  value: number;
  unit: Unit;
  budget: Budget | null;
  /** The same measurement of something bare, in the same run: how much of the figure is ours. */
  baseline: number | null;
  baselineLabel?: string;
  spread?: Spread;
  note?: string;
}

export function passes(figure: Figure): boolean | null {
  if (!figure.budget) return null;
  return 'max' in figure.budget ? figure.value <= figure.budget.max : figure.value >= figure.budget.min;
}

export function limitOf(budget: Budget): number {
  return 'max' in budget ? budget.max : budget.min;
}
