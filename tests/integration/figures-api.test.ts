import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresAnswerSchema, trendAnswerSchema, type FigureTable } from '../../src/shared/figures/figures-contract.ts';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const START = new Date('2026-03-02T10:00:00.000Z');

describe.each([sqliteBackend(), postgresBackend()])('the figures API on $name', (backend) => {
  let server: CaseworkServer;
  let device: TestDevice;
  let analyst: Desk;
  let analystId = '';

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'West Yorkshire Police')));
    const account = await createAccount(server, 'analyst');
    analyst = deskFor(server.baseUrl, await signIn(server.baseUrl, account));
    analystId = (await server.storage.accounts.findUserByEmail(account.email))!.id;
    for (const example of ['adult-nrm', 'adult-nrm', 'child', 'dtn'] as const) await sendReferral(server.baseUrl, server.intakeKey, device, validReferral(example));
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  const table = (tables: FigureTable[], id: string) => tables.find((found) => found.id === id)!;

  it('counts the quarter’s referrals nationally as they are, and hides small counts by organisation and by place', async () => {
    const answer = await analyst.call('GET', '/api/v1/figures/tables?period=2026-Q1');
    expect(answer.status).toBe(200);
    const figures = figuresAnswerSchema.parse(answer.body);
    expect(figures.period).toEqual({ param: '2026-Q1', label: 'January to March 2026', from: '2026-01-01', to: '2026-03-31' });
    expect(figures.threshold).toBe(5);
    const national = table(figures.tables, 'referrals-by-age-and-location');
    expect(national.rows.map((row) => row.key)).toEqual(['2026-Q1', 'total']);
    const adultUk = national.columns.findIndex((column) => column.key === 'adult|uk');
    expect(national.rows[0]!.cells[adultUk]).toBe(2);
    expect(national.rows[0]!.cells.at(-1)).toBe(3);
    expect(table(figures.tables, 'duty-to-notify-by-quarter').rows.at(-1)!.cells).toEqual([1]);

    const police = table(figures.tables, 'referrals-by-first-responder-police');
    expect(police.rows.at(-1)!.key).toBe('Police total|Total|Total|Total');
    // Three people from one force: every count is fewer than 5, and the type's total would give the force's away.
    expect(police.rows.flatMap((row) => row.cells).filter((cell) => typeof cell === 'number' && cell > 0)).toEqual([]);
    expect(police.rows.flatMap((row) => row.cells)).toContain('suppressed');
    const places = table(figures.tables, 'where-by-police-force-area');
    expect(places.rows.map((row) => row.key)).toContain('West Yorkshire Police');
    const westYorkshire = places.rows.find((row) => row.key === 'West Yorkshire Police')!;
    expect(westYorkshire.cells.slice(0, 4).every((cell) => cell === 'suppressed' || cell === 0)).toBe(true);
    expect(westYorkshire.cells.at(3)).toBe('suppressed');
    expect(JSON.stringify(answer.body)).not.toMatch(/Arben|Hoxha|07700|car wash/i);
  });

  it('draws one figure quarter by quarter', async () => {
    const answer = await analyst.call('GET', '/api/v1/figures/trend?period=2025-10-01..2026-03-31&table=referrals-by-age-and-location&row=total&column=adult%7Cuk');
    expect(answer.status).toBe(200);
    const trend = trendAnswerSchema.parse(answer.body);
    expect(trend.points).toEqual([
      { quarter: '2025-Q4', label: 'Oct to Dec 2025', value: 0 },
      { quarter: '2026-Q1', label: 'Jan to Mar 2026', value: 2 },
    ]);
    expect(trend.series).toBe('Total, Adult (18 or over) - UK');
    // One quarter alone is no line: its trend runs over the seven quarters before it as well.
    const quarter = trendAnswerSchema.parse((await analyst.call('GET', '/api/v1/figures/trend?period=2026-Q1&table=referrals-by-age-and-location&row=total&column=adult%7Cuk')).body);
    expect(quarter.points.map((point) => point.quarter)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(quarter.points.map((point) => point.value)).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
    const unknown = await analyst.call('GET', '/api/v1/figures/trend?period=2026&table=no-such-table&row=total&column=total');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not-found']);
    const noRow = await analyst.call('GET', '/api/v1/figures/trend?period=2026&table=referrals-by-age-and-location&row=2031-Q1&column=total');
    expect([noRow.status, noRow.body.title]).toEqual([404, 'No such row or column in the figures']);
  });

  it('answers a period it cannot count for with a 400 that says which forms work', async () => {
    for (const period of ['last-year', '2026-Q5', '2026-06-30..2026-01-01', '2026-02-30..2026-03-01']) {
      const answer = await analyst.call('GET', `/api/v1/figures/tables?period=${encodeURIComponent(period)}`);
      expect([answer.status, answer.body.code], period).toEqual([400, 'bad-request']);
      expect(answer.body.detail).toContain('a quarter (2022-Q4), a year (2022) or two dates (2022-01-01..2022-06-30)');
    }
  });

  it('audits every figures request as the analyst’s', async () => {
    const entries = await server.storage.audit.entriesFor('figures:2026-Q1');
    expect(entries.some((entry) => entry.actor === analystId && entry.action === 'figures-read')).toBe(true);
    expect((await server.storage.audit.entriesFor('figures:2025-10-01..2026-03-31')).map((entry) => entry.action)).toEqual(['figures-trend-read']);
  });
});
