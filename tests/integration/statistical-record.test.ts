import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticalColumns } from '../../src/shared/figures/statistical-record.ts';
import { listLookupOf } from '../../src/server/services/reference-lists.ts';
import { backfillStatistics } from '../../src/server/services/statistics-backfill.ts';
import type { CaseAction } from '../../src/shared/casework/actions.ts';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { validReferral } from '../support/fixtures.ts';
import { examples } from '../support/referral-examples.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const START = new Date('2026-03-02T10:00:00.000Z');
/** One raid: the adult, the co-operating adult and the anonymous report were all met at it. */
const ENCOUNTER = '0b7c7f5e-3c1a-4f7e-9a51-2d7c1f9b6a10';

/** Every answer that identifies a person or is written freely, from every example: none may reach the record. */
const IDENTIFYING = ['firstName', 'lastName', 'nickname', 'dateOfBirth', 'phone', 'alternativePhone', 'contactEmail', 'contactStreet', 'contactTown', 'contactPostcode', 'birthplace', 'crimeReference', 'caseLabel'];
function forbiddenTexts(): string[] {
  const texts = new Set<string>();
  for (const answers of Object.values(examples) as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(answers)) {
      // Free text is any answer longer than a list entry could be, and every identifying one.
      if (typeof value === 'string' && (IDENTIFYING.includes(name) || value.length > 40)) texts.add(value);
    }
  }
  return [...texts];
}

const positiveRg = (on: string): CaseAction => ({ type: 'decide-rg', outcome: 'positive', reasonCodes: ['credible-account', 'indicators'], reasonText: 'Consistent, with indicators seen.', decidedOn: on });

describe.each([sqliteBackend(), postgresBackend()])('the statistical record on $name', (backend) => {
  let server: CaseworkServer;
  let device: TestDevice;
  let caseworker: Desk;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'West Yorkshire Police')));
    caseworker = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'caseworker')));
    for (const example of ['child', 'adult-nrm', 'dtn', 'dtn-cooperating'] as const) {
      const links = example === 'child' ? {} : { links: { encounterId: ENCOUNTER } };
      ids[example] = (await sendReferral(server.baseUrl, server.intakeKey, device, validReferral(example, links))).id;
    }
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  const records = () => backend.rows('select * from referral_statistics order by referral_id');
  const towns = () => backend.rows('select referral_id, place, received_on from referral_statistics_towns order by referral_id, place');

  it('is written with each referral, in closed-list values only, and never holds a name, date of birth, phone, email, address or free text', async () => {
    const rows = await records();
    expect(rows).toHaveLength(4);
    const forbidden = forbiddenTexts();
    expect(forbidden.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([...statisticalColumns].sort());
      for (const [column, value] of Object.entries(row)) {
        if (value === null || typeof value === 'number') continue;
        const text = String(value);
        expect(text.length, column).toBeLessThanOrEqual(120);
        for (const secret of forbidden) expect(text.includes(secret), `${column} holds "${secret}"`).toBe(false);
        // Digits only where a day, a quarter or a count belongs: no phone number, no date of birth, no reference.
        if (!['received_on', 'quarter', 'rg_on', 'cg_on', 'rg_quarter', 'cg_quarter', 'rg_days', 'cg_days', 'reconsiderations', 'withdrawn', 'referral_id', 'encounter_id'].includes(column)) expect(text, column).not.toMatch(/\d/);
      }
    }
    const adult = rows.find((row) => row['referral_id'] === ids['adult-nrm'])!;
    expect(adult).toMatchObject({ scheme: 'nrm', received_on: '2026-03-02', quarter: '2026-Q1', age_at_exploitation: 'adult', responder_organisation: 'Metropolitan Police Service', responder_type: 'police' });
    expect(rows.find((row) => row['referral_id'] === ids['dtn'])).toMatchObject({ scheme: 'dtn', gender: 'male', nationality: 'Albanian' });
  });

  it('keeps the encounter and how many were referred at it, none for the anonymous report, and the towns from the list alone', async () => {
    const rows = await records();
    const of = (example: string) => rows.find((row) => row['referral_id'] === ids[example])!;
    expect([of('adult-nrm'), of('dtn-cooperating')].map((row) => [row['encounter_id'], Number(row['encounter_size'])])).toEqual([
      [ENCOUNTER, 2],
      [ENCOUNTER, 2],
    ]);
    expect([of('dtn')['encounter_id'], of('dtn')['encounter_size'], of('child')['encounter_id']]).toEqual([null, null, null]);
    const named = await towns();
    expect(named).toHaveLength(8);
    expect(new Set(named.map((row) => row['place']))).toEqual(new Set(['Bradford', 'Leeds']));
  });

  it('takes the reasonable grounds decision in the transaction that serves it', async () => {
    const id = ids['adult-nrm']!;
    expect((await caseworker.act(id, 1, { type: 'take' })).status).toBe(200);
    const answer = await caseworker.act(id, 2, positiveRg('2026-03-02'));
    expect(answer.status).toBe(200);
    const row = (await records()).find((found) => found['referral_id'] === id)!;
    expect([row['rg_outcome'], row['rg_on'], Number(row['rg_days'])]).toEqual(['positive', '2026-03-02', 0]);
  });

  it('backfills referrals stored without a record, decisions included, and again writes nothing', async () => {
    const before = await records();
    await backend.sql('delete from referral_statistics');
    const deps = { statistics: server.storage.statistics, keyring: server.services.keyring, lists: listLookupOf(server.services.referenceLists) };
    expect(await backfillStatistics(deps)).toBe(4);
    expect(await records()).toEqual(before);
    expect(await backfillStatistics(deps)).toBe(0);
  });

  it('derives again, with the backfill, what an older derivation did not keep (encounters and towns), keeping the decisions', async () => {
    const before = await records();
    const townsBefore = await towns();
    await backend.sql('update referral_statistics set derivation = 1, encounter_id = null, encounter_size = null');
    await backend.sql('delete from referral_statistics_towns');
    const deps = { statistics: server.storage.statistics, keyring: server.services.keyring, lists: listLookupOf(server.services.referenceLists) };
    expect(await backfillStatistics(deps)).toBe(4);
    expect(await records()).toEqual(before);
    expect(await towns()).toEqual(townsBefore);
    expect(await backfillStatistics(deps)).toBe(0);
  });
});
