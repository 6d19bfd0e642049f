import type { FigureTable } from '../../../shared/figures/figures-contract.ts';
import { quarterLabel, quartersIn } from '../../../shared/figures/periods.ts';
import { ageAtExploitationValues, longAgeLabels } from '../../../shared/figures/statistical-record.ts';
import type { CountRow } from '../../storage/statistics-store.ts';
import { decidedBy, receivedByAgeAndLocation, type BuildContext } from './national-tables.ts';
import { figureTable, type Heading } from './table-shape.ts';

/** The nearest-rank percentile of a histogram of days: the smallest day count that `share` of the decisions took at most. */
export function percentile(histogram: ReadonlyMap<number, number>, share: number): number {
  const total = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  const rank = Math.max(1, Math.ceil(share * total));
  let seen = 0;
  for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(days)!;
    if (seen >= rank) return days;
  }
  return 0;
}

interface Stats {
  decisions: number;
  positive: number;
  days: Map<number, number>;
}

async function decisionStats(context: BuildContext, kind: 'rg' | 'cg'): Promise<Map<string, Stats>> {
  const rows = await decidedBy(context, kind);
  const byQuarter = new Map<string, Stats>();
  const add = (key: string, row: CountRow) => {
    const stats = byQuarter.get(key) ?? { decisions: 0, positive: 0, days: new Map<number, number>() };
    stats.decisions += row.n;
    if (row.keys[`${kind}_outcome`] === 'positive') stats.positive += row.n;
    const days = Number(row.keys[`${kind}_days`] ?? 0);
    stats.days.set(days, (stats.days.get(days) ?? 0) + row.n);
    byQuarter.set(key, stats);
  };
  for (const row of rows) {
    add(row.keys.quarter ?? '', row);
    add('total', row);
  }
  return byQuarter;
}

const quarterAndTotalRows = (context: BuildContext): (Heading & { total?: boolean })[] => [
  ...quartersIn(context.period).map((quarter) => ({ key: quarter, label: quarterLabel(quarter) })),
  { key: 'total', label: 'Total', total: true },
];

const NO_DECISIONS = 'A quarter without decisions shows 0 days.';

export async function timeToDecision(context: BuildContext): Promise<FigureTable> {
  const [rg, cg] = await Promise.all([decisionStats(context, 'rg'), decisionStats(context, 'cg')]);
  const rows = quarterAndTotalRows(context);
  const line = (stats: Stats | undefined) => (stats ? [stats.decisions, percentile(stats.days, 0.5), percentile(stats.days, 0.9)] : [0, 0, 0]);
  return figureTable(
    {
      id: 'time-to-decision',
      title: 'Time from referral to decision',
      rowHeading: 'Quarter decided',
      notes: ['Calendar days from the day the referral was received to the day the decision was served; the median and 90th percentile are nearest-rank.', NO_DECISIONS],
    },
    {
      rows,
      columns: [
        { key: 'rg-decisions', label: 'Reasonable grounds decisions' },
        { key: 'rg-median-days', label: 'Reasonable grounds: median days' },
        { key: 'rg-90th-percentile-days', label: 'Reasonable grounds: 90th percentile days' },
        { key: 'cg-decisions', label: 'Conclusive grounds decisions' },
        { key: 'cg-median-days', label: 'Conclusive grounds: median days' },
        { key: 'cg-90th-percentile-days', label: 'Conclusive grounds: 90th percentile days' },
      ],
      values: rows.map((row) => [...line(rg.get(row.key)), ...line(cg.get(row.key))]),
    },
  );
}

export async function positiveRates(context: BuildContext): Promise<FigureTable> {
  const [rg, cg] = await Promise.all([decisionStats(context, 'rg'), decisionStats(context, 'cg')]);
  const rows = quarterAndTotalRows(context);
  const line = (stats: Stats | undefined) => (stats ? [stats.decisions, stats.positive, Math.round((100 * stats.positive) / stats.decisions)] : [0, 0, 0]);
  return figureTable(
    {
      id: 'positive-rates',
      title: 'Positive decision rates',
      rowHeading: 'Quarter decided',
      notes: ['The rate is the share of decisions served in the quarter that were positive, as a whole percentage.'],
    },
    {
      rows,
      columns: [
        { key: 'rg-decisions', label: 'Reasonable grounds decisions' },
        { key: 'rg-positive', label: 'Positive reasonable grounds' },
        { key: 'rg-positive-percent', label: 'Positive reasonable grounds (%)' },
        { key: 'cg-decisions', label: 'Conclusive grounds decisions' },
        { key: 'cg-positive', label: 'Positive conclusive grounds' },
        { key: 'cg-positive-percent', label: 'Positive conclusive grounds (%)' },
      ],
      values: rows.map((row) => [...line(rg.get(row.key)), ...line(cg.get(row.key))]),
    },
  );
}

const WAITING_BANDS = [
  { key: 'under-90', label: 'Under 90 days', below: 90 },
  { key: '90-179', label: '90 to 179 days', below: 180 },
  { key: '180-364', label: '180 to 364 days', below: 365 },
  { key: '365-or-more', label: '365 days or more', below: Infinity },
];

/** The day `days` before a UK day. */
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function waitingForConclusiveGrounds({ waiting, period }: BuildContext): Promise<FigureTable> {
  // Waiting fewer than `below` days: the reasonable grounds decision served on or after the day below − 1 days before the end.
  const since = WAITING_BANDS.slice(0, -1).map(({ below }) => daysBefore(period.to, below - 1));
  const rows = await waiting({ on: period.to, since });
  const values = ageAtExploitationValues.map((age) => rows.find((row) => row.age === age)?.bands ?? WAITING_BANDS.map(() => 0));
  const withRowTotals = values.map((line) => [...line, line.reduce((sum, n) => sum + n, 0)]);
  const totals = withRowTotals[0]!.map((_, c) => withRowTotals.reduce((sum, line) => sum + line[c]!, 0));
  return figureTable(
    {
      id: 'waiting-for-conclusive-grounds',
      title: `Waiting for a conclusive grounds decision on ${period.to}`,
      rowHeading: 'Age at exploitation',
      notes: ['Cases with a positive reasonable grounds decision and no conclusive grounds decision by the last day of the period, by days since the reasonable grounds decision. Withdrawn cases are left out.'],
    },
    {
      rows: [...ageAtExploitationValues.map((age) => ({ key: age, label: longAgeLabels[age] })), { key: 'total', label: 'Total', total: true }],
      columns: [...WAITING_BANDS.map(({ key, label }) => ({ key, label })), { key: 'total', label: 'Total waiting' }],
      values: [...withRowTotals, totals],
    },
  );
}

export async function reconsiderations(context: BuildContext): Promise<FigureTable> {
  const { period } = context;
  const rows = await receivedByAgeAndLocation(context);
  const byQuarter = new Map<string, number[]>();
  for (const row of rows) {
    const sums = byQuarter.get(row.keys.quarter ?? '') ?? [0, 0];
    byQuarter.set(row.keys.quarter ?? '', [sums[0]! + row.n, sums[1]! + row.reconsiderations]);
  }
  const quarters = quartersIn(period).map((quarter) => ({ key: quarter, label: quarterLabel(quarter) }));
  const line = (found: number[] | undefined) => found ?? [0, 0];
  const total = rows.reduce((sum, row) => [sum[0]! + row.n, sum[1]! + row.reconsiderations], [0, 0]);
  return figureTable(
    {
      id: 'reconsiderations',
      title: 'Reconsiderations of negative decisions',
      rowHeading: 'Quarter received',
      notes: ['Reconsiderations asked for by the first responder or recorded by the decision unit, counted in the quarter the referral was received.'],
    },
    {
      rows: [...quarters, { key: 'total', label: 'Total', total: true }],
      columns: [
        { key: 'referrals', label: 'NRM referrals' },
        { key: 'reconsiderations', label: 'Reconsiderations' },
      ],
      values: [...quarters.map((quarter) => line(byQuarter.get(quarter.key))), total],
    },
  );
}
