import type { FigureTable } from '../../../shared/figures/figures-contract.ts';
import { previousPeriod } from '../../../shared/figures/periods.ts';
import { policeForceAreas } from '../../../shared/figures/responders-and-places.ts';
import { ageAtExploitationValues, ageLabels, NOT_SPECIFIED } from '../../../shared/figures/statistical-record.ts';
import type { CountRow } from '../../storage/statistics-store.ts';
import type { BuildContext } from './national-tables.ts';
import { suppressBlocks } from './suppression.ts';
import { figureTable, keyOf, oneBlock, withTotals, type Heading } from './table-shape.ts';

const areaOf = (row: CountRow) => row.keys.police_force_area ?? NOT_SPECIFIED;
/** Every police force area, so a map has a square for each, then those not known. */
const areaRows: Heading[] = [...[...policeForceAreas].sort(), NOT_SPECIFIED].map((area) => ({ key: area, label: area }));

function suppressionNote(threshold: number): string[] {
  return threshold > 0 ? [`Counts from 1 to ${threshold - 1}, and the counts that would give them away, are shown as “fewer than ${threshold}”.`] : [];
}

/**
 * Where exploitation happened: each police force area by age at exploitation, with the same figure
 * for the period before beside it (suppressed by its own table, so the change hides nothing it should not).
 */
/** One grouping for both place tables. */
const byPlace = ({ count }: BuildContext, from: string, to: string) => count({ datedBy: 'received_on', from, to, groupBy: ['police_force_area', 'age_at_exploitation', 'exploitation_category'] });

export async function whereByPoliceForceArea(context: BuildContext): Promise<FigureTable> {
  const { period, threshold } = context;
  const countsFor = async (from: string, to: string) => {
    const rows = await byPlace(context, from, to);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(keyOf(areaOf(row), row.keys.age_at_exploitation), (counts.get(keyOf(areaOf(row), row.keys.age_at_exploitation)) ?? 0) + row.n);
    return withTotals(
      areaRows,
      ageAtExploitationValues.map((age) => ({ key: age, label: ageLabels[age] })),
      (area, age) => counts.get(keyOf(area, age)) ?? 0,
    );
  };
  const now = await countsFor(period.from, period.to);
  const before = previousPeriod(period);
  const then = await countsFor(before.from, before.to);
  const thenHidden = suppressBlocks(then.values, oneBlock(then), threshold);
  const table = figureTable(
    {
      id: 'where-by-police-force-area',
      title: 'Where exploitation happened, by police force area and age at exploitation',
      rowHeading: 'Police force area',
      notes: [
        'NRM referrals and Duty to Notify reports. The area is that of the force the crime was reported to, or of the referring force; none when it happened only outside the UK.',
        `“Period before” counts ${before.from} to ${before.to}.`,
        ...suppressionNote(threshold),
      ],
    },
    now,
    { threshold, blocks: oneBlock(now) },
  );
  table.columns.push({ key: 'previous-total', label: 'Total, period before' });
  table.rows.forEach((row, r) => row.cells.push(thenHidden[r]!.at(-1) ? 'suppressed' : then.values[r]!.at(-1)!));
  return table;
}

export async function whereByPoliceForceAreaAndExploitation(context: BuildContext): Promise<FigureTable> {
  const { period, threshold } = context;
  const rows = await byPlace(context, period.from, period.to);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(areaOf(row), row.keys.exploitation_category), (counts.get(keyOf(areaOf(row), row.keys.exploitation_category)) ?? 0) + row.n);
  const categories = [...new Set(rows.map((row) => row.keys.exploitation_category ?? NOT_SPECIFIED))].sort().map((category) => ({ key: category, label: category }));
  const areas = [...new Set(rows.map(areaOf))].sort().map((area) => ({ key: area, label: area }));
  const shaped = withTotals(areas, categories, (area, category) => counts.get(keyOf(area, category)) ?? 0);
  return figureTable(
    {
      id: 'where-by-police-force-area-and-exploitation',
      title: 'Where exploitation happened, by police force area and exploitation type',
      rowHeading: 'Police force area',
      notes: ['NRM referrals and Duty to Notify reports.', ...suppressionNote(threshold)],
    },
    shaped,
    { threshold, blocks: oneBlock(shaped) },
  );
}
