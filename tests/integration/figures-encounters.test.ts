import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFiguresService } from '../../src/server/services/figures/figures.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import type { FigureTable } from '../../src/shared/figures/figures-contract.ts';
import { parsePeriod, quarterOf } from '../../src/shared/figures/periods.ts';
import type { StatisticalRecord } from '../../src/shared/figures/statistical-record.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

/** An encounter id for the n-th raid: ids only, naming nobody. */
const encounter = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function record(id: string, receivedOn: string, encounterId: string | null, places: string[]): StatisticalRecord {
  return {
    id,
    scheme: 'nrm',
    receivedOn,
    quarter: quarterOf(receivedOn),
    ageAtExploitation: 'adult',
    gender: 'male',
    nationality: 'Albanian',
    exploitationCategory: 'Labour',
    location: 'uk',
    ukRegion: null,
    policeForceArea: null,
    responderType: 'police',
    responderOrganisation: 'Kent Police',
    rgOutcome: null,
    rgOn: null,
    rgDays: null,
    cgOutcome: null,
    cgOn: null,
    cgDays: null,
    reconsiderations: 0,
    withdrawn: false,
    countyLines: false,
    encounterId,
    places,
  };
}

/**
 * In 2026 Q1: 20 people each met alone, a raid of 7 and one of 2 (one of whose referrals arrives in
 * Q2), and 3 records without an encounter. Leeds is named by 22 referrals, Bradford by 3, York once.
 */
function records(): StatisticalRecord[] {
  const made: StatisticalRecord[] = [];
  for (let i = 0; i < 20; i += 1) made.push(record(`alone-${i}`, '2026-01-10', encounter(i), i < 3 ? ['Leeds', 'Bradford'] : ['Leeds']));
  for (let i = 0; i < 7; i += 1) made.push(record(`raid-${i}`, '2026-02-03', encounter(100), i === 0 ? ['York'] : []));
  made.push(record('pair-0', '2026-03-30', encounter(200), ['Leeds']), record('pair-1', '2026-04-02', encounter(200), ['Leeds']));
  for (let i = 0; i < 3; i += 1) made.push(record(`none-${i}`, '2026-03-01', null, []));
  return made;
}

const cellsOf = (table: FigureTable, row: string) => table.rows.find((found) => found.key === row)!.cells;

describe.each([sqliteBackend(), postgresBackend()])('people referred together and places that recur, on $name', (backend) => {
  let storage: Storage;
  const tablesFor = async (period: string, threshold: number) => {
    const figures = createFiguresService({ statistics: storage.statistics, audit: storage.audit, threshold, now: () => new Date('2026-12-05T12:00:00Z') });
    return (await figures.tables('test', parsePeriod(period)!)).tables;
  };

  beforeAll(async () => {
    await backend.setUp();
    storage = await backend.open();
    await storage.statistics.insertMany(records());
  }, 60_000);
  afterAll(async () => {
    await storage?.close();
    await backend.tearDown();
  });

  it('counts people by how many were referred at their encounter, in the quarter each was received', async () => {
    const together = (await tablesFor('2026', 0)).find((table) => table.id === 'people-referred-together')!;
    expect(together.columns.map((column) => column.key)).toEqual(['1', '2', '3-5', '6-or-more', 'total']);
    expect(cellsOf(together, '2026-Q1')).toEqual([20, 1, 0, 7, 28]);
    expect(cellsOf(together, '2026-Q2')).toEqual([0, 1, 0, 0, 1]);
    expect(cellsOf(together, 'total')).toEqual([20, 2, 0, 7, 29]);
  });

  it('counts places by how many referrals name them, never saying which', async () => {
    const places = (await tablesFor('2026-Q1', 0)).find((table) => table.id === 'places-that-recur')!;
    expect(places.rows.map((row) => [row.key, row.cells])).toEqual([
      ['1', [1]],
      ['2-4', [1]],
      ['5-or-more', [1]],
      ['total', [3]],
    ]);
    expect(JSON.stringify(places)).not.toMatch(/Leeds|Bradford|York/);
  });

  it('hides small counts, and those that would give them away, in both', async () => {
    const tables = await tablesFor('2026', 5);
    const together = tables.find((table) => table.id === 'people-referred-together')!;
    // Q2's one person in a pair is hidden, and so must be enough around it that it cannot be worked out.
    expect(cellsOf(together, '2026-Q2')[1]).toBe('suppressed');
    expect(cellsOf(together, '2026-Q2').filter((cell) => cell === 'suppressed').length).toBeGreaterThanOrEqual(2);
    expect(together.rows.flatMap((row) => row.cells).filter((cell) => cell === 'suppressed').length).toBeGreaterThanOrEqual(4);
    const places = tables.find((table) => table.id === 'places-that-recur')!;
    // One place in each band: each is below the threshold; the total of places is not a count of people, and stays.
    expect(places.rows.map((row) => row.cells[0])).toEqual(['suppressed', 'suppressed', 'suppressed', 3]);
  });
});
