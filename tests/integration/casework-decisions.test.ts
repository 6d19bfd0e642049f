import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseAction } from '../../src/shared/casework/actions.ts';
import { caseActionResponseSchema, caseChangedSchema } from '../../src/shared/casework/protocol.ts';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { deskFor, receiptOf, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const START = new Date('2026-03-02T10:00:00.000Z');
// Free text that names people: it must come back to readers and be nowhere in the database in the clear.
const NEGATIVE_REASONS = 'Spoke with DC Okafor-Lindqvist; the account of Tuesday 3rd is inconsistent';
const NOTE = 'Phoned Ms Abernethy-Quist at the safe house about the interpreter';

const negativeRg = (on: string): CaseAction => ({ type: 'decide-rg', outcome: 'negative', reasonCodes: ['no-indicators'], reasonText: NEGATIVE_REASONS, decidedOn: on });
const positiveRg = (on: string): CaseAction => ({ type: 'decide-rg', outcome: 'positive', reasonCodes: ['credible-account', 'indicators'], reasonText: 'Consistent, with indicators seen.', decidedOn: on });
const negativeCg = (on: string): CaseAction => ({ type: 'decide-cg', outcome: 'negative', reasonCodes: ['other-explanation'], reasonText: 'Poor working conditions short of forced labour.', decidedOn: on });

describe.each([sqliteBackend(), postgresBackend()])('decisions on a case on $name', (backend) => {
  let server: CaseworkServer;
  let device: TestDevice;
  const desks = {} as Record<'caseworker' | 'reviewer' | 'second' | 'panel', { desk: Desk; cookie: string; id: string; email: string }>;
  let id = '';

  /** Acts and expects it done; returns the new version. */
  async function done(who: keyof typeof desks, version: number, action: CaseAction): Promise<number> {
    const answer = await desks[who].desk.act(id, version, action);
    expect(answer, `${who} ${action.type}`).toMatchObject({ status: 200 });
    return caseActionResponseSchema.parse(answer.body).state.version;
  }
  async function refused(who: keyof typeof desks, version: number, action: CaseAction): Promise<{ refusal?: string; detail?: string }> {
    const answer = await desks[who].desk.act(id, version, action);
    expect([answer.status, answer.body.code]).toEqual([422, 'action-refused']);
    return answer.body;
  }
  const progress = async () => (await receiptOf(server.baseUrl, device, id))?.progress;
  const moveClock = async (days: number) => (await desks.caseworker.desk.call('POST', '/api/v1/test-clock', { days })).body.today;

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START, independentReview: true });
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'West Yorkshire Police')));
    const roles = { caseworker: 'caseworker', reviewer: 'reviewer', second: 'reviewer', panel: 'panel' } as const;
    for (const [name, role] of Object.entries(roles) as [keyof typeof roles, (typeof roles)[keyof typeof roles]][]) {
      const account = await createAccount(server, role);
      const cookie = await signIn(server.baseUrl, account);
      desks[name] = { desk: deskFor(server.baseUrl, cookie), cookie, id: (await server.storage.accounts.findUserByEmail(account.email))!.id, email: account.email };
    }
    id = (await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm'))).id;
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('walks reasonable grounds: a negative proposal is never told, its author cannot review it, a second reviewer sends it back, then positive', async () => {
    expect(await progress()).toEqual({ stage: 'received', on: null, reconsiderUntil: null });
    let version = await done('reviewer', 1, { type: 'take' });
    version = await done('reviewer', version, negativeRg('2026-03-02'));
    expect(await progress()).toEqual({ stage: 'received', on: null, reconsiderUntil: null });

    expect(await refused('reviewer', version, { type: 'review', verdict: 'agree' })).toMatchObject({ refusal: 'own-decision', detail: expect.stringContaining('second person') });
    expect(await refused('caseworker', version, { type: 'review', verdict: 'agree' })).toMatchObject({ refusal: 'not-allowed' });
    version = await done('second', version, { type: 'review', verdict: 'disagree', comment: 'The indicators are there: read page 3 again.' });

    version = await done('caseworker', version, { type: 'take-over', reason: 'The reviewer is on leave.' });
    version = await done('caseworker', version, positiveRg('2026-03-02'));
    expect(version).toBe(6);
    expect(await progress()).toEqual({ stage: 'rg-positive', on: '2026-03-02', reconsiderUntil: null });
  });

  it('answers a stale version with 409 and what changed since, writing nothing', async () => {
    const stale = await desks.second.desk.act(id, 3, { type: 'take-over', reason: 'Mine now.' });
    expect([stale.status, stale.body.code]).toEqual([409, 'case-changed']);
    const changed = caseChangedSchema.parse(stale.body);
    expect(changed.current).toMatchObject({ version: 6, stage: 'cg-pending', heldBy: desks.caseworker.id });
    expect(changed.since.map((event) => [event.action, event.from, event.to])).toEqual([
      ['review', 'rg-negative-proposed', 'rg-pending'],
      ['take-over', 'rg-pending', 'rg-pending'],
      ['decide-rg', 'rg-pending', 'cg-pending'],
    ]);
    expect(changed.since[0]?.detail).toEqual({ verdict: 'disagree', comment: 'The indicators are there: read page 3 again.' });
    expect((await desks.caseworker.desk.read(id)).state.version).toBe(6);
  });

  it('refuses conclusive grounds before day 30 with the date, then a negative goes to the reviewer and the panel before it is served', async () => {
    expect(await refused('caseworker', 6, negativeCg('2026-03-02'))).toMatchObject({ refusal: 'too-early', detail: expect.stringContaining('1 April 2026') });
    expect(await moveClock(30)).toBe('2026-04-01');

    let version = await done('caseworker', 6, negativeCg('2026-04-01'));
    // The panel sees only cases awaiting it.
    expect((await desks.panel.desk.call('GET', `/api/v1/cases/${id}`)).status).toBe(403);
    version = await done('reviewer', version, { type: 'review', verdict: 'agree' });
    expect((await desks.caseworker.desk.read(id)).state.stage).toBe('cg-panel');
    expect(await progress()).toEqual({ stage: 'rg-positive', on: '2026-03-02', reconsiderUntil: null });

    const atPanel = await desks.panel.desk.read(id);
    expect(atPanel.actions).toEqual(['panel-review']);
    expect((await desks.panel.desk.queue()).rows.map((row) => row.id)).toEqual([id]);
    version = await done('panel', version, { type: 'panel-review', verdict: 'agree', reasons: 'The panel agrees with the decision.' });
    expect(version).toBe(9);
    expect(await progress()).toEqual({ stage: 'cg-negative', on: '2026-04-01', reconsiderUntil: '2026-05-01' });
    expect((await desks.panel.desk.call('GET', `/api/v1/cases/${id}`)).status).toBe(403);
  });

  it('records a reconsideration asked for on day 30, and one on day 31 only with an exceptional reason', async () => {
    const since = (await receiptOf(server.baseUrl, device, id))!.statusChangedAt;
    expect(await moveClock(30)).toBe('2026-05-01');
    const request = { type: 'record-reconsideration', requestedOn: '2026-05-01', grounds: 'new-evidence', detail: 'A medical report from the GP.' } as const;
    let version = await done('caseworker', 9, request);
    // The device polls with the time it last saw a change: the reconsideration moved it.
    expect((await receiptOf(server.baseUrl, device, id, since))?.progress).toEqual({ stage: 'reconsideration', on: null, reconsiderUntil: null });
    version = await done('caseworker', version, { type: 'decide-reconsideration', outcome: 'refused', reasons: 'The report adds nothing new.' });
    expect(await progress()).toEqual({ stage: 'cg-negative', on: '2026-04-01', reconsiderUntil: '2026-05-01' });

    expect(await moveClock(1)).toBe('2026-05-02');
    const late = { ...request, requestedOn: '2026-05-02' };
    expect(await refused('caseworker', version, late)).toMatchObject({ refusal: 'late-without-reason', detail: expect.stringContaining('1 May 2026') });
    await done('caseworker', version, { ...late, lateReason: 'The person was in hospital until yesterday.' });
    expect(await progress()).toEqual({ stage: 'reconsideration', on: null, reconsiderUntil: null });
  });

  it('audits every transition, and keeps a history with who moved the case from where to where', async () => {
    const entries = await server.storage.audit.entriesFor(id);
    const { caseworker, reviewer, second, panel } = desks;
    expect(entries.filter((entry) => entry.action !== 'case-read').map((entry) => [entry.action, entry.actor])).toEqual([
      ['case-take', reviewer.id],
      ['case-decide-rg', reviewer.id],
      ['case-review', second.id],
      ['case-take-over', caseworker.id],
      ['case-decide-rg', caseworker.id],
      ['case-decide-cg', caseworker.id],
      ['case-review', reviewer.id],
      ['case-panel-review', panel.id],
      ['case-record-reconsideration', caseworker.id],
      ['case-decide-reconsideration', caseworker.id],
      ['case-record-reconsideration', caseworker.id],
    ]);
    const detail = await caseworker.desk.read(id);
    expect(detail.events.map((event) => [event.action, event.from, event.to, event.actor.email])).toEqual([
      ['received', null, 'rg-pending', expect.stringMatching(/^responder-/)],
      ['take', 'rg-pending', 'rg-pending', reviewer.email],
      ['decide-rg', 'rg-pending', 'rg-negative-proposed', reviewer.email],
      ['review', 'rg-negative-proposed', 'rg-pending', second.email],
      ['take-over', 'rg-pending', 'rg-pending', caseworker.email],
      ['decide-rg', 'rg-pending', 'cg-pending', caseworker.email],
      ['decide-cg', 'cg-pending', 'cg-negative-proposed', caseworker.email],
      ['review', 'cg-negative-proposed', 'cg-panel', reviewer.email],
      ['panel-review', 'cg-panel', 'cg-negative', panel.email],
      ['record-reconsideration', 'cg-negative', 'reconsideration', caseworker.email],
      ['decide-reconsideration', 'reconsideration', 'cg-negative', caseworker.email],
      ['record-reconsideration', 'cg-negative', 'reconsideration', caseworker.email],
    ]);
    expect(detail.events[2]?.detail).toMatchObject({ outcome: 'negative', reasonText: NEGATIVE_REASONS });
    // Every opening of the case was audited too (the 409 above handed back history: a read).
    expect(entries.filter((entry) => entry.action === 'case-read').length).toBeGreaterThanOrEqual(4);
  });

  it('keeps notes and reasons sealed at rest: readers see them, the database holds no trace of them in the clear', async () => {
    const noted = await desks.reviewer.desk.note(id, NOTE);
    expect(noted).toMatchObject({ status: 201, body: { text: NOTE, author: { email: desks.reviewer.email } } });
    expect((await desks.caseworker.desk.read(id)).notes.map((note) => note.text)).toEqual([NOTE]);

    const stored = JSON.stringify([
      ...(await backend.rows('select * from case_events')),
      ...(await backend.rows('select * from case_notes')),
      ...(await backend.rows('select * from cases')),
      ...(await backend.rows('select * from person_features')),
      ...(await backend.rows('select * from person_keys')),
    ]);
    expect(stored).toContain(id);
    for (const secret of ['Okafor-Lindqvist', 'Abernethy-Quist', 'Arben', 'Hoxha', 'page 3']) expect(stored).not.toContain(secret);
    if (backend.file) {
      const file = backend.file();
      const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
      expect(bytes.includes(id)).toBe(true);
      for (const secret of ['Okafor-Lindqvist', 'Abernethy-Quist', 'medical report']) expect(bytes.includes(secret)).toBe(false);
    }
  });

  it('serves a negative conclusive grounds decision once the second person agrees when the panel is switched off', async () => {
    const withoutPanel = deskFor((await server.another({ independentReview: false })).baseUrl, desks.reviewer.cookie);
    const other = (await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('child'))).id;
    const { caseworker } = desks;
    const today = async () => (await caseworker.desk.queue()).today;
    expect((await caseworker.desk.act(other, 1, { type: 'take' })).status).toBe(200);
    expect((await caseworker.desk.act(other, 2, positiveRg(await today()))).status).toBe(200);
    await moveClock(30);
    const on = await today();
    expect((await caseworker.desk.act(other, 3, negativeCg(on))).status).toBe(200);
    const reviewed = await withoutPanel.act(other, 4, { type: 'review', verdict: 'agree' });
    expect(reviewed.status).toBe(200);
    expect(caseActionResponseSchema.parse(reviewed.body).state).toMatchObject({ stage: 'cg-negative', cg: { outcome: 'negative', on, by: caseworker.id } });
  });
});
