import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_PAGE_SIZE } from '../../src/shared/casework/protocol.ts';
import { dtnReportsResponseSchema } from '../../src/shared/casework/protocol.ts';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

// A Monday in GMT: reasonable grounds are due 5 working days later, Monday 9 March.
const START = new Date('2026-03-02T10:00:00.000Z');
const RG_DUE = '2026-03-09';
const POLICE = 'Leeds City Council';
const CHARITY = 'Medaille Trust';

describe.each([sqliteBackend(), postgresBackend()])('the casework queue on $name', (backend) => {
  let server: CaseworkServer;
  let police: TestDevice;
  let charity: TestDevice;
  let caseworker: Desk;
  let caseworkerId: string;
  let reviewer: Desk;
  let panel: Desk;
  let first: { id: string; reference: string };

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    const deviceOf = async (organisation: string) => {
      const responder = await createAccount(server, 'responder', organisation);
      return enrolDevice(server.baseUrl, await signIn(server.baseUrl, responder));
    };
    police = await deviceOf(POLICE);
    charity = await deviceOf(CHARITY);
    const deskOf = async (role: 'caseworker' | 'reviewer' | 'panel') => {
      const account = await createAccount(server, role);
      return { desk: deskFor(server.baseUrl, await signIn(server.baseUrl, account)), email: account.email };
    };
    const worker = await deskOf('caseworker');
    caseworker = worker.desk;
    caseworkerId = (await server.storage.accounts.findUserByEmail(worker.email))!.id;
    reviewer = (await deskOf('reviewer')).desk;
    panel = (await deskOf('panel')).desk;
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('shows a referral sent by a device with its reasonable grounds clock, organisation and age group; a Duty to Notify report only in its own list', async () => {
    first = await sendReferral(server.baseUrl, server.intakeKey, police, validReferral('child'));
    const unsure = await sendReferral(server.baseUrl, server.intakeKey, charity, validReferral('child', { underAge: 'not-sure' }));
    const adult = await sendReferral(server.baseUrl, server.intakeKey, charity, validReferral('adult-nrm'));
    const dtn = await sendReferral(server.baseUrl, server.intakeKey, police, validReferral('dtn'));

    // Typed as it is read out over a phone: lower case, no dashes.
    const found = await caseworker.queue({ reference: first.reference.toLowerCase().replace(/-/g, ' ') });
    expect(found).toMatchObject({ total: 1, page: 1, pageSize: QUEUE_PAGE_SIZE, today: '2026-03-02' });
    expect(found.rows).toEqual([
      {
        id: first.id,
        reference: first.reference,
        receivedAt: expect.stringMatching(/^2026-03-02T10:/),
        path: 'child',
        ageGroup: 'under-18',
        organisation: POLICE,
        stage: 'rg-pending',
        heldBy: null,
        dueOn: RG_DUE,
        dueKind: 'rg-due',
      },
    ]);
    expect((await caseworker.queue({ reference: unsure.reference.slice(4) })).rows.map((row) => row.ageGroup)).toEqual(['not-known']);
    expect((await caseworker.queue({ reference: adult.reference })).rows.map((row) => [row.ageGroup, row.organisation])).toEqual([['18-or-over', CHARITY]]);
    expect(found.organisations).toEqual([POLICE, CHARITY]);

    expect((await caseworker.queue({ reference: dtn.reference })).total).toBe(0);
    expect((await caseworker.call('GET', `/api/v1/cases/${dtn.id}`)).status).toBe(404);
    const reports = dtnReportsResponseSchema.parse((await reviewer.call('GET', '/api/v1/dtn-reports')).body);
    expect(reports).toEqual({
      rows: [{ id: dtn.id, reference: dtn.reference, receivedAt: expect.any(String), policeForceArea: 'West Yorkshire Police', nation: 'england' }],
      total: 1,
      page: 1,
      pageSize: QUEUE_PAGE_SIZE,
    });
  });

  it('pages 25 at a time, and filters by who holds it, path, organisation and stage', async () => {
    // Referrals arrive in bursts after a raid: these come in through the same intake the route uses.
    for (let i = 0; i < 27; i += 1) {
      const referral = validReferral(i % 3 === 0 ? 'adult-nrm' : 'child', { lastName: `Family${String.fromCharCode(65 + i)}` });
      const outcome = await server.services.intake(await sealedSubmissionFor(server.intakeKey, referral), (i % 2 === 0 ? police : charity).id);
      expect(outcome.kind).toBe('created');
    }
    const total = 30;
    const pageOne = await caseworker.queue({ sort: 'received' });
    const pageTwo = await caseworker.queue({ sort: 'received', page: 2 });
    expect([pageOne.total, pageOne.rows.length, pageTwo.rows.length]).toEqual([total, QUEUE_PAGE_SIZE, total - QUEUE_PAGE_SIZE]);
    expect(new Set([...pageOne.rows, ...pageTwo.rows].map((row) => row.id)).size).toBe(total);
    expect(pageOne.rows[0]?.id).toBe(first.id);
    expect((await caseworker.queue({ page: 3 })).rows).toEqual([]);

    const taken = await caseworker.act(first.id, 1, { type: 'take' });
    expect(taken.status).toBe(200);
    expect((await caseworker.queue({ held: 'me' })).rows.map((row) => [row.id, row.heldBy])).toEqual([[first.id, { id: caseworkerId, email: expect.any(String) }]]);
    expect((await caseworker.queue({ held: 'nobody' })).total).toBe(total - 1);
    expect((await reviewer.queue({ held: 'me' })).total).toBe(0);

    const adults = await caseworker.queue({ path: 'adult-nrm' });
    expect(adults.total).toBe(1 + 9);
    expect(adults.rows.every((row) => row.path === 'adult-nrm')).toBe(true);
    expect((await caseworker.queue({ organisation: CHARITY })).total).toBe(2 + 13);
    expect((await caseworker.queue({ organisation: 'Nobody at all' })).total).toBe(0);

    const decided = await caseworker.act(first.id, 2, { type: 'decide-rg', outcome: 'positive', reasonCodes: ['credible-account'], reasonText: 'A consistent account.', decidedOn: '2026-03-02' });
    expect(decided.status).toBe(200);
    const recovering = await caseworker.queue({ stage: 'cg-pending' });
    expect(recovering.rows.map((row) => [row.id, row.dueOn, row.dueKind])).toEqual([[first.id, '2026-04-01', 'cg-not-before']]);
    // Sorted by due date: the case waiting for its conclusive grounds (due later) comes last.
    const byDue = [...(await caseworker.queue({})).rows, ...(await caseworker.queue({ page: 2 })).rows];
    expect(byDue.at(-1)?.id).toBe(first.id);
  });

  it('shows the panel only the cases awaiting it, and refuses filters it cannot read', async () => {
    expect((await panel.queue({})).total).toBe(0);
    expect((await panel.queue({ stage: 'rg-pending' })).total).toBe(0);
    expect((await caseworker.queue({ reference: 'not a reference' })).total).toBe(0);
    const bad = await caseworker.call('GET', '/api/v1/cases?due=yesterday&colour=red');
    expect([bad.status, bad.body.code]).toEqual([400, 'bad-request']);
  });

  it('counts cases due today and overdue against the server’s day, which the test clock moves', async () => {
    expect((await caseworker.queue({ due: 'overdue' })).total).toBe(0);
    const moved = await caseworker.call('POST', '/api/v1/test-clock', { days: 7 });
    expect(moved.body).toMatchObject({ today: RG_DUE });
    const dueToday = await caseworker.queue({ due: 'due-today' });
    expect([dueToday.today, dueToday.total]).toEqual([RG_DUE, 29]);
    await caseworker.call('POST', '/api/v1/test-clock', { days: 1 });
    expect((await caseworker.queue({ due: 'overdue' })).total).toBe(29);
    expect((await caseworker.queue({ due: 'due-today' })).total).toBe(0);
  });

  it('sorts cases with no due date (withdrawn, served) after every dated one, across pages', async () => {
    const oldest = (await caseworker.queue({ sort: 'received' })).rows.filter((row) => row.stage === 'rg-pending').slice(0, 2);
    for (const row of oldest) {
      expect((await caseworker.act(row.id, 1, { type: 'take' })).status).toBe(200);
      expect((await caseworker.act(row.id, 2, { type: 'withdraw', reason: 'Consent withdrawn.' })).status).toBe(200);
    }
    const [one, two] = [await caseworker.queue({}), await caseworker.queue({ page: 2 })];
    const order = [...one.rows, ...two.rows];
    expect(order).toHaveLength(30);
    expect(order.slice(-2).map((row) => [row.id, row.dueOn])).toEqual(oldest.map((row) => [row.id, null]));
    expect(order.slice(0, -2).every((row) => row.dueOn !== null)).toBe(true);
    expect(order.slice(0, -2).map((row) => row.dueOn)).toEqual(order.slice(0, -2).map((row) => row.dueOn).sort());
  });

  it('lists the people a reviewer may assign a case to', async () => {
    const people = (await reviewer.call('GET', '/api/v1/caseworkers')).body as { people: { role: string }[] };
    expect(people.people.map((person) => person.role).sort()).toEqual(['caseworker', 'reviewer']);
  });
});
