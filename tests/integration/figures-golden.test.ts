import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_QUARTER, readPublished, recordsFromPublished, type PublishedRow } from '../../src/server/demo/published-figures.ts';
import { createFiguresService, type FiguresService } from '../../src/server/services/figures/figures.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import type { FigureTable } from '../../src/shared/figures/figures-contract.ts';
import { parsePeriod } from '../../src/shared/figures/periods.ts';
import { responderTypeLabels, type ResponderType } from '../../src/shared/figures/statistical-record.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const PUBLISHED = fileURLToPath(new URL('../../published/ho-statistics/', import.meta.url));
const typeOfLabel = (label: string) => (Object.keys(responderTypeLabels) as ResponderType[]).find((type) => responderTypeLabels[type] === label)!;

describe.each([sqliteBackend(), postgresBackend()])('the published 2022 Q4 first responder tables, reproduced on $name', (backend) => {
  let storage: Storage;
  let figures: FiguresService;
  let published: PublishedRow[];
  let tables: FigureTable[];

  beforeAll(async () => {
    await backend.setUp();
    storage = await backend.open();
    published = await readPublished(PUBLISHED);
    await storage.statistics.insertMany(recordsFromPublished(published));
    // As the national tables are published: nothing suppressed.
    figures = createFiguresService({ statistics: storage.statistics, audit: storage.audit, threshold: 0, now: () => new Date('2026-12-05T12:00:00Z') });
    tables = (await figures.tables('golden-test', parsePeriod(PUBLISHED_QUARTER)!)).tables;
  }, 60_000);
  afterAll(async () => {
    await storage?.close();
    await backend.tearDown();
  });

  it('seeds one record per person counted', async () => {
    const people = published.filter((row) => row.organisation.endsWith(' total') && row.nationality === 'Total').reduce((sum, row) => sum + row.people, 0);
    expect(people).toBe(3383);
    const [counted] = await backend.rows('select count(*) as n from referral_statistics');
    expect(Number(counted!['n'])).toBe(people);
  });

  it('reproduces every published cell, and shows no count the publication does not', () => {
    const cells = new Map<string, number>();
    for (const row of published) {
      const table = `referrals-by-first-responder-${typeOfLabel(row.type)}`;
      cells.set([table, [row.organisation, row.category, row.age, row.gender].join('|'), row.nationality === 'Total' ? 'total' : row.nationality].join('\n'), row.people);
    }
    let compared = 0;
    const shown = new Set<string>();
    for (const type of ['local-authority', 'government-agency', 'ngo'] as const) {
      const table = tables.find((found) => found.id === `referrals-by-first-responder-${type}`)!;
      for (const row of table.rows) {
        row.cells.forEach((value, c) => {
          const key = [table.id, row.key, table.columns[c]!.key].join('\n');
          shown.add(key);
          // A row or column the tables list only with zeros has no counts to show.
          expect(value, key).toBe(cells.get(key) ?? 0);
        });
      }
    }
    for (const [key, people] of cells) {
      if (shown.has(key)) compared += 1;
      else expect(people, `${key} is published but not shown`).toBe(0);
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('labels rows, columns and totals as the publication does', () => {
    const ngo = tables.find((found) => found.id === 'referrals-by-first-responder-ngo')!;
    expect(ngo.columns.at(-1)).toEqual({ key: 'total', label: 'Total' });
    expect(ngo.rows.at(-1)).toMatchObject({ key: 'NGO and third sector total|Total|Total|Total', total: true, cells: expect.arrayContaining([expect.any(Number)]) });
    expect(ngo.rows.some((row) => row.key === 'The Salvation Army|Labour|Adult (18 or over)|Male')).toBe(true);
    const localAuthority = tables.find((found) => found.id === 'referrals-by-first-responder-local-authority')!;
    expect(localAuthority.rows.at(-1)!.key).toBe('Local Authority total|Total|Total|Total');
  });
});
