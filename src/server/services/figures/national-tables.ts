import type { FigurePeriod, FigureTable } from '../../../shared/figures/figures-contract.ts';
import { quarterLabel, quartersIn } from '../../../shared/figures/periods.ts';
import { ageAtExploitationValues, locationLabels, longAgeLabels, type AgeAtExploitation } from '../../../shared/figures/statistical-record.ts';
import type { CountQuery, CountRow, StatisticsStore, WaitingQuery, WaitingRow } from '../../storage/statistics-store.ts';
import { figureTable, keyOf, withTotals, type Heading } from './table-shape.ts';

export interface BuildContext {
  period: FigurePeriod;
  threshold: number;
  /** The store's grouped count, shared by the tables of one build: tables that need the same grouping ask once. */
  count: (query: CountQuery) => Promise<CountRow[]>;
  waiting: (query: WaitingQuery) => Promise<WaitingRow[]>;
  placeRecurrence: StatisticsStore['placeRecurrence'];
}

/** A count function that asks the store each distinct query once. */
export function sharedCounts(store: StatisticsStore): (query: CountQuery) => Promise<CountRow[]> {
  const asked = new Map<string, Promise<CountRow[]>>();
  return (query) => {
    const key = JSON.stringify(query);
    const found = asked.get(key) ?? store.count(query);
    asked.set(key, found);
    return found;
  };
}

/** The groupings the tables share (a year of records gives a few hundred groups each). */
export const receivedByAgeAndLocation = ({ count, period }: BuildContext) =>
  count({ scheme: 'nrm', datedBy: 'received_on', from: period.from, to: period.to, groupBy: ['quarter', 'age_at_exploitation', 'location'], sumReconsiderations: true });
export const decidedBy = ({ count, period }: BuildContext, kind: 'rg' | 'cg') =>
  count({ scheme: 'nrm', datedBy: `${kind}_on`, from: period.from, to: period.to, groupBy: ['quarter', 'age_at_exploitation', `${kind}_outcome`, `${kind}_days`] });
const dutyToNotify = ({ count, period }: BuildContext) => count({ scheme: 'dtn', datedBy: 'received_on', from: period.from, to: period.to, groupBy: ['quarter', 'nationality'] });

const quarterRows = (period: FigurePeriod): Heading[] => quartersIn(period).map((quarter) => ({ key: quarter, label: quarterLabel(quarter) }));

function tally(rows: readonly CountRow[], key: (row: CountRow) => string, value: (row: CountRow) => number = (row) => row.n): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + value(row));
  return counts;
}

const LOCATION_ORDER = ['overseas', 'uk', 'uk-and-overseas', 'not-specified'] as const;
const NATIONAL_NOTE = 'National figures are not suppressed, as the Home Office publishes them.';

export async function referralsByAgeAndLocation(context: BuildContext): Promise<FigureTable> {
  const { period } = context;
  const rows = await receivedByAgeAndLocation(context);
  const counts = tally(rows, (row) => keyOf(row.keys.quarter, row.keys.age_at_exploitation, row.keys.location));
  const columns: Heading[] = ageAtExploitationValues.flatMap((age) => [
    ...LOCATION_ORDER.map((location) => ({ key: keyOf(age, location), label: `${longAgeLabels[age]} - ${locationLabels[location]}` })),
    { key: keyOf(age, 'total'), label: `${longAgeLabels[age]} - Total` },
  ]);
  // The age totals sit among the columns, so the row total counts only the detail columns.
  const detail = (quarter: string, column: string) => {
    const [age, location] = column.split('|') as [AgeAtExploitation, string];
    if (location !== 'total') return counts.get(keyOf(quarter, age, location)) ?? 0;
    return LOCATION_ORDER.reduce((sum, place) => sum + (counts.get(keyOf(quarter, age, place)) ?? 0), 0);
  };
  const shaped = withTotals(quarterRows(period), columns, detail);
  // withTotals added every column, age totals included: take those out of the row total again.
  const values = shaped.values.map((row) => {
    const total = row.slice(0, -1).reduce((sum, n, c) => (columns[c]!.key.endsWith('|total') ? sum : sum + n), 0);
    return [...row.slice(0, -1), total];
  });
  return figureTable(
    {
      id: 'referrals-by-age-and-location',
      title: 'NRM referrals by age at exploitation and location of exploitation',
      rowHeading: 'Quarter received',
      notes: ['Age at exploitation is the age when the exploitation began, as the referral records it.', NATIONAL_NOTE],
    },
    { ...shaped, values },
  );
}

const OUTCOMES = ['negative', 'positive'] as const;

async function decisions(context: BuildContext, kind: 'rg' | 'cg'): Promise<FigureTable> {
  const { period } = context;
  const words = kind === 'rg' ? 'reasonable grounds' : 'conclusive grounds';
  const rows = await decidedBy(context, kind);
  const counts = tally(rows, (row) => keyOf(row.keys.quarter, row.keys.age_at_exploitation, row.keys[`${kind}_outcome`]));
  const columns: Heading[] = ageAtExploitationValues.flatMap((age) => [
    ...OUTCOMES.map((outcome) => ({ key: keyOf(age, outcome), label: `${longAgeLabels[age]} - ${outcome === 'positive' ? 'Positive' : 'Negative'} ${words}` })),
    { key: keyOf(age, 'total'), label: `${longAgeLabels[age]} - Total` },
  ]);
  const cell = (quarter: string, column: string) => {
    const [age, outcome] = column.split('|') as [string, string];
    return outcome === 'total' ? OUTCOMES.reduce((sum, o) => sum + (counts.get(keyOf(quarter, age, o)) ?? 0), 0) : (counts.get(keyOf(quarter, age, outcome)) ?? 0);
  };
  const shaped = withTotals(quarterRows(period), columns, cell);
  const values = shaped.values.map((row) => [...row.slice(0, -1), row.slice(0, -1).reduce((sum, n, c) => (columns[c]!.key.endsWith('|total') ? sum : sum + n), 0)]);
  return figureTable(
    {
      id: kind === 'rg' ? 'reasonable-grounds-decisions' : 'conclusive-grounds-decisions',
      title: `${kind === 'rg' ? 'Reasonable' : 'Conclusive'} grounds decisions by age at exploitation and outcome`,
      rowHeading: 'Quarter decided',
      notes: [`Counted in the quarter the ${words} decision was served; a decision being reconsidered is counted again once it is decided anew.`, NATIONAL_NOTE],
    },
    { ...shaped, values },
  );
}

export const reasonableGroundsDecisions = (context: BuildContext) => decisions(context, 'rg');
export const conclusiveGroundsDecisions = (context: BuildContext) => decisions(context, 'cg');

/**
 * NRM referrals a decision maker marked as county lines, by quarter received and age at exploitation,
 * beside all NRM referrals received (the grouping the first table already asked for), so the share shows.
 */
export async function countyLinesReferrals(context: BuildContext): Promise<FigureTable> {
  const { count, period } = context;
  const [marked, all] = await Promise.all([
    count({ scheme: 'nrm', datedBy: 'received_on', from: period.from, to: period.to, groupBy: ['quarter', 'age_at_exploitation'], countyLinesOnly: true }),
    receivedByAgeAndLocation(context),
  ]);
  const counts = tally(marked, (row) => keyOf(row.keys.quarter, row.keys.age_at_exploitation));
  const referrals = tally(all, (row) => row.keys.quarter ?? '');
  const columns: Heading[] = ageAtExploitationValues.map((age) => ({ key: age, label: longAgeLabels[age] }));
  const shaped = withTotals(quarterRows(period), columns, (quarter, age) => counts.get(keyOf(quarter, age)) ?? 0);
  const allReferrals = [...quarterRows(period).map((row) => referrals.get(row.key) ?? 0), all.reduce((sum, row) => sum + row.n, 0)];
  return figureTable(
    {
      id: 'county-lines-referrals',
      title: 'NRM referrals marked as county lines, by age at exploitation',
      rowHeading: 'Quarter received',
      notes: [
        'The referral form has no county lines question: a referral counts here once the decision unit marks its case as county lines, so a recent quarter can still grow.',
        NATIONAL_NOTE,
      ],
    },
    {
      rows: shaped.rows,
      columns: [...shaped.columns, { key: 'all-referrals', label: 'All NRM referrals' }],
      values: shaped.values.map((row, r) => [...row, allReferrals[r]!]),
    },
  );
}

export async function dutyToNotifyByQuarter(context: BuildContext): Promise<FigureTable> {
  const { period } = context;
  const rows = await dutyToNotify(context);
  const counts = tally(rows, (row) => row.keys.quarter ?? '');
  const quarters = quarterRows(period);
  return figureTable(
    { id: 'duty-to-notify-by-quarter', title: 'Duty to Notify reports', rowHeading: 'Quarter received', notes: [NATIONAL_NOTE] },
    {
      rows: [...quarters, { key: 'total', label: 'Total', total: true }],
      columns: [{ key: 'total', label: 'Total' }],
      values: [...quarters.map((row) => [counts.get(row.key) ?? 0]), [rows.reduce((sum, found) => sum + found.n, 0)]],
    },
  );
}

export async function dutyToNotifyByNationality(context: BuildContext): Promise<FigureTable> {
  const rows = await dutyToNotify(context);
  const counts = tally(rows, (row) => row.keys.nationality ?? '');
  const nationalities = [...counts.keys()].sort().map((nationality) => ({ key: nationality, label: nationality }));
  return figureTable(
    { id: 'duty-to-notify-by-nationality', title: 'Duty to Notify reports by nationality', rowHeading: 'Nationality', notes: ['Two nationalities are shown side by side, as the publication does.', NATIONAL_NOTE] },
    {
      rows: [...nationalities, { key: 'total', label: 'Total', total: true }],
      columns: [{ key: 'total', label: 'Total' }],
      values: [...nationalities.map((row) => [counts.get(row.key) ?? 0]), [rows.reduce((sum, found) => sum + found.n, 0)]],
    },
  );
}
