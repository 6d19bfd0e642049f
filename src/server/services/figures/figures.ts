import type { FigurePeriod, FigureTable, FiguresAnswer, TrendAnswer } from '../../../shared/figures/figures-contract.ts';
import { quarterLabel, quarterRange, quartersIn, trendRange } from '../../../shared/figures/periods.ts';
import type { AuditLog } from '../../storage/audit-log.ts';
import type { StatisticsStore } from '../../storage/statistics-store.ts';
import {
  conclusiveGroundsDecisions,
  countyLinesReferrals,
  dutyToNotifyByNationality,
  dutyToNotifyByQuarter,
  reasonableGroundsDecisions,
  referralsByAgeAndLocation,
  sharedCounts,
  type BuildContext,
} from './national-tables.ts';
import { positiveRates, reconsiderations, timeToDecision, waitingForConclusiveGrounds } from './decision-tables.ts';
import { whereByPoliceForceArea, whereByPoliceForceAreaAndExploitation } from './place-tables.ts';
import { peopleReferredTogether, placesThatRecur } from './encounter-tables.ts';
import { referralsByFirstResponder } from './responder-tables.ts';

/** Every table, in the order the console shows them; each builds itself with its own grouped queries. */
const builders: readonly ((context: BuildContext) => Promise<FigureTable | FigureTable[]>)[] = [
  referralsByAgeAndLocation,
  reasonableGroundsDecisions,
  conclusiveGroundsDecisions,
  timeToDecision,
  positiveRates,
  waitingForConclusiveGrounds,
  reconsiderations,
  countyLinesReferrals,
  dutyToNotifyByQuarter,
  dutyToNotifyByNationality,
  referralsByFirstResponder,
  whereByPoliceForceArea,
  whereByPoliceForceAreaAndExploitation,
  peopleReferredTogether,
  placesThatRecur,
];

export interface FiguresDeps {
  statistics: StatisticsStore;
  audit: AuditLog;
  /** FIGURES_SUPPRESSION_THRESHOLD: counts below it are hidden in breakdowns finer than the nation; 0 turns it off. */
  threshold: number;
  now: () => Date;
}

export type TrendOutcome = { kind: 'trend'; trend: TrendAnswer } | { kind: 'unknown'; what: 'table' | 'row or column' };

export function createFiguresService({ statistics, audit, threshold, now }: FiguresDeps) {
  const build = async (period: FigurePeriod, only = builders) => {
    const context: BuildContext = { period, threshold, count: sharedCounts(statistics), waiting: (query) => statistics.waiting(query), placeRecurrence: (range) => statistics.placeRecurrence(range) };
    return (await Promise.all(only.map((builder) => builder(context)))).flat();
  };
  /** The builder that makes a table, found by building each one for the period until one does. */
  const builderOf = async (table: string, period: FigurePeriod) => {
    for (const builder of builders) if ((await build(period, [builder])).some((found) => found.id === table)) return builder;
    return undefined;
  };
  const record = (actor: string, action: string, period: string) => audit.append({ at: now().toISOString(), actor, action, subject: `figures:${period}` });

  return {
    /** Every table for the period (already checked with parsePeriod), audited as read by `actor`. */
    async tables(actor: string, period: FigurePeriod): Promise<FiguresAnswer> {
      await record(actor, 'figures-read', period.param);
      return { period, threshold, tables: await build(period) };
    },

    /**
     * One cell of one table, quarter by quarter across the period (and, for a single quarter, the seven
     * before it: see trendRange). For tables whose rows are quarters, the row to ask for is `total` (the whole quarter).
     */
    async trend(actor: string, period: FigurePeriod, table: string, row: string, column: string): Promise<TrendOutcome> {
      await record(actor, 'figures-trend-read', period.param);
      const builder = await builderOf(table, period);
      if (!builder) return { kind: 'unknown', what: 'table' };
      const points: TrendAnswer['points'] = [];
      let title = '';
      let series = '';
      const span = trendRange(period);
      for (const quarter of quartersIn(span)) {
        const range = quarterRange(quarter);
        const inQuarter = { param: quarter, label: quarterLabel(quarter), from: range.from < span.from ? span.from : range.from, to: range.to > span.to ? span.to : range.to };
        const found = (await build(inQuarter, [builder])).find((candidate) => candidate.id === table);
        if (!found) return { kind: 'unknown', what: 'table' };
        const columnIndex = found.columns.findIndex((candidate) => candidate.key === column);
        const foundRow = found.rows.find((candidate) => candidate.key === row);
        title = found.title;
        if (foundRow && columnIndex >= 0) series = `${foundRow.label}, ${found.columns[columnIndex]!.label}`;
        // A row or column the quarter has no count for (an organisation, or a nationality, nobody was referred by or with then) is a zero.
        points.push({ quarter, label: quarterLabel(quarter), value: foundRow && columnIndex >= 0 ? foundRow.cells[columnIndex]! : 0 });
      }
      if (series === '') return { kind: 'unknown', what: 'row or column' };
      return { kind: 'trend', trend: { table, title, series, threshold, points } };
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
