import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseAction } from '../../src/shared/casework/actions.ts';
import { caseActionResponseSchema } from '../../src/shared/casework/protocol.ts';
import { figuresAnswerSchema } from '../../src/shared/figures/figures-contract.ts';
import { createAccount, enrolDevice, signIn } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const START = new Date('2026-03-02T10:00:00.000Z');
const mark = (countyLines: 'yes' | 'no'): CaseAction => ({ type: 'flag-county-lines', countyLines, note: 'Ran drugs from London to Margate on a deal line.' });

describe.each([sqliteBackend(), postgresBackend()])('the county-lines mark on $name', (backend) => {
  let server: CaseworkServer;
  let caseworker: Desk;
  let analyst: Desk;
  const ids: string[] = [];

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'West Yorkshire Police')));
    caseworker = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'caseworker')));
    analyst = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'analyst')));
    for (const example of ['adult-nrm', 'child', 'adult-nrm', 'dtn'] as const) ids.push((await sendReferral(server.baseUrl, server.intakeKey, device, validReferral(example))).id);
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  async function act(desk: Desk, id: string, action: CaseAction) {
    const { state } = await desk.read(id);
    return desk.act(id, state.version, action);
  }
  const countyLinesTable = async () => {
    const answer = await analyst.call('GET', '/api/v1/figures/tables?period=2026-Q1');
    expect(answer.status).toBe(200);
    const table = figuresAnswerSchema.parse(answer.body).tables.find((found) => found.id === 'county-lines-referrals')!;
    return Object.fromEntries(table.rows.map((row) => [row.key, Object.fromEntries(table.columns.map((column, c) => [column.key, row.cells[c]]))]));
  };
  const flags = async () => (await backend.rows('select referral_id, county_lines from referral_statistics order by referral_id')).map((row) => [row['referral_id'], Number(row['county_lines'])]);

  it('counts no referral as county lines until a decision maker marks one', async () => {
    expect(await countyLinesTable()).toEqual({
      '2026-Q1': { adult: 0, child: 0, 'not-specified': 0, total: 0, 'all-referrals': 3 },
      total: { adult: 0, child: 0, 'not-specified': 0, total: 0, 'all-referrals': 3 },
    });
    expect((await flags()).map(([, flag]) => flag)).toEqual([0, 0, 0, 0]);
  });

  it('lets the caseworker who holds the case mark it, moves its statistical record in the same step, and counts it by age', async () => {
    const [adult, child] = ids as [string, string];
    const notHeld = await act(caseworker, adult, mark('yes'));
    expect([notHeld.status, notHeld.body.code]).toEqual([422, 'action-refused']);
    expect((await act(caseworker, adult, { type: 'take' })).status).toBe(200);
    const marked = await act(caseworker, adult, mark('yes'));
    expect(marked.status).toBe(200);
    const after = caseActionResponseSchema.parse(marked.body).state;
    expect([after.countyLines, after.stage]).toEqual([true, 'rg-pending']);
    expect((await caseworker.read(adult)).events.at(-1)).toMatchObject({ action: 'flag-county-lines', from: 'rg-pending', to: 'rg-pending' });
    expect(await flags()).toContainEqual([adult, 1]);

    expect((await act(caseworker, child, { type: 'take' })).status).toBe(200);
    expect((await act(caseworker, child, mark('yes'))).status).toBe(200);
    expect((await countyLinesTable())['2026-Q1']).toEqual({ adult: 1, child: 1, 'not-specified': 0, total: 2, 'all-referrals': 3 });
  });

  it('takes the mark off again, and refuses it to an analyst', async () => {
    const [adult] = ids as [string];
    expect((await act(caseworker, adult, mark('no'))).status).toBe(200);
    expect(await flags()).toContainEqual([adult, 0]);
    expect((await countyLinesTable())['2026-Q1']).toEqual({ adult: 0, child: 1, 'not-specified': 0, total: 1, 'all-referrals': 3 });
    const byAnalyst = await analyst.act(adult, 1, mark('yes'));
    expect(byAnalyst.status).toBe(403);
  });
});
