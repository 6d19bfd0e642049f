import type { FigureTable } from '../../../shared/figures/figures-contract.ts';
import { bandOf, encounterSizeBands, placeRecurrenceBands } from '../../../shared/figures/encounters-and-places.ts';
import { quarterLabel, quartersIn } from '../../../shared/figures/periods.ts';
import type { BuildContext } from './national-tables.ts';
import { suppressColumn } from './suppression.ts';
import { figureTable, oneBlock, withTotals } from './table-shape.ts';

const suppressionNote = (threshold: number) => (threshold > 0 ? [`Counts from 1 to ${threshold - 1}, and the counts that would give them away, are shown as “fewer than ${threshold}”.`] : []);

/** People referred in each quarter, by how many people were referred at the same encounter (a raid, a visit). */
export async function peopleReferredTogether({ count, period, threshold }: BuildContext): Promise<FigureTable> {
  const rows = await count({ datedBy: 'received_on', from: period.from, to: period.to, groupBy: ['quarter', 'encounter_size'] });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const band = bandOf(encounterSizeBands, Number(row.keys.encounter_size ?? 0));
    // A record without an encounter (an anonymous Duty to Notify report, one made before encounters were kept) is in no band.
    if (!band || row.keys.encounter_size === null) continue;
    const key = `${row.keys.quarter ?? ''}|${band.key}`;
    counts.set(key, (counts.get(key) ?? 0) + row.n);
  }
  const shaped = withTotals(
    quartersIn(period).map((quarter) => ({ key: quarter, label: quarterLabel(quarter) })),
    encounterSizeBands.map(({ key, label }) => ({ key, label })),
    (quarter, band) => counts.get(`${quarter}|${band}`) ?? 0,
  );
  return figureTable(
    {
      id: 'people-referred-together',
      title: 'People referred together, by how many people were referred at the same encounter',
      rowHeading: 'Quarter received',
      notes: [
        'NRM referrals and Duty to Notify reports, each counted once in the quarter it was received, by how many referrals in all name the same encounter (a raid, a visit).',
        'Anonymous Duty to Notify reports name no encounter, so that none can be tied to the people met with it; they are left out, as are records imported from the publication.',
        ...suppressionNote(threshold),
      ],
    },
    shaped,
    { threshold, blocks: oneBlock(shaped) },
  );
}

/** How many places the period's referrals name once, a few times, or often: how much exploitation recurs in one town. */
export async function placesThatRecur({ placeRecurrence, period, threshold }: BuildContext): Promise<FigureTable> {
  const named = await placeRecurrence({ from: period.from, to: period.to });
  const perBand = placeRecurrenceBands.map((band) => named.filter((n) => bandOf(placeRecurrenceBands, n) === band).length);
  const values = [...perBand.map((n) => [n]), [named.length]];
  const hidden = suppressColumn(values.map(([n]) => n!), threshold);
  const table = figureTable(
    {
      id: 'places-that-recur',
      title: 'Places that recur: UK towns and cities by how many referrals name them',
      rowHeading: 'Named in',
      notes: [
        'NRM referrals and Duty to Notify reports received in the period, and the UK towns and cities where they say exploitation happened, as chosen from the list (‘Unknown’ left out). A referral may name several.',
        'Only how many places: never which places, nor who named them.',
        ...suppressionNote(threshold),
      ],
    },
    {
      rows: [...placeRecurrenceBands.map(({ key, label }) => ({ key, label })), { key: 'total', label: 'Total', total: true }],
      columns: [{ key: 'places', label: 'Towns and cities' }],
      values,
    },
  );
  table.rows.forEach((row, r) => {
    if (hidden[r]) row.cells[0] = 'suppressed';
  });
  return table;
}
