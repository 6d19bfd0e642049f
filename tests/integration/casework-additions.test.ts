import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { additionAad, additionReceiptSchema, type AdditionSubmission } from '../../src/shared/additions.ts';
import type { CaseAction } from '../../src/shared/casework/actions.ts';
import type { ResponderAction } from '../../src/shared/casework/responder-actions.ts';
import { caseActionResponseSchema } from '../../src/shared/casework/protocol.ts';
import { sealJson, type IntakePublicKey } from '../../src/shared/sealing.ts';
import { createAccount, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { deskFor, receiptOf, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const START = new Date('2026-03-02T10:00:00.000Z');
// Free text that names people: it must reach the desk and be nowhere in the database in the clear.
const QUESTION = 'Which agency placed her at the car wash, and when did she leave?';
const ANSWER = 'Placed by Kestrel Staffing (Mr Vantongeren) on 3 January; she left on 9 February';

async function sealAddition(key: IntakePublicKey, referralId: string, action: ResponderAction, id = uuidv7()): Promise<AdditionSubmission> {
  const sealed = await sealJson(key, action, additionAad(referralId, id));
  return { id, submittedAt: new Date().toISOString(), envelope: { format: 'hpke', ...sealed } };
}

describe.each([sqliteBackend(), postgresBackend()])('what the responder adds to a referral on $name', (backend) => {
  let server: CaseworkServer;
  let device: TestDevice;
  let otherDevice: TestDevice;
  let caseworker: Desk;
  let reviewer: Desk;
  let id = '';
  let version = 1;
  let firstAdditionId = '';

  const post = (who: TestDevice, referralId: string, body: unknown) => signedFetch(server.baseUrl, who, 'POST', `/api/v1/referrals/${referralId}/additions`, { body: JSON.stringify(body) });
  async function done(desk: Desk, action: CaseAction): Promise<void> {
    const answer = await desk.act(id, version, action);
    expect(answer, action.type).toMatchObject({ status: 200 });
    version = caseActionResponseSchema.parse(answer.body).state.version;
  }

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'Kirklees Council')));
    otherDevice = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'Leeds City Council')));
    caseworker = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'caseworker')));
    reviewer = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'reviewer')));
    id = (await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm'))).id;
    await done(caseworker, { type: 'take' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('tells only the sending device the question, and takes its sealed answer once: the clock starts again and the desk reads it', async () => {
    await done(caseworker, { type: 'ask-information', question: QUESTION });
    expect(await receiptOf(server.baseUrl, device, id)).toMatchObject({ progress: { stage: 'more-information', on: '2026-03-02' }, question: QUESTION });
    expect(await receiptOf(server.baseUrl, otherDevice, id)).toBeUndefined();

    const addition = await sealAddition(server.intakeKey, id, { type: 'answer-information', answer: ANSWER });
    // Another device cannot add to this referral, and learns nothing about it.
    expect((await post(otherDevice, id, addition)).status).toBe(404);
    firstAdditionId = addition.id;
    const first = await post(device, id, addition);
    expect(first.status).toBe(201);
    const receipt = additionReceiptSchema.parse(await first.json());
    expect(receipt).toMatchObject({ id: addition.id, referralId: id });
    // The same addition again (the receipt was lost on the way): the same receipt, nothing taken twice.
    const again = await post(device, id, addition);
    expect(again.status).toBe(200);
    expect(additionReceiptSchema.parse(await again.json())).toEqual(receipt);

    const detail = await caseworker.read(id);
    expect(detail.state.stage).toBe('rg-pending');
    const answered = detail.events.filter((event) => event.action === 'answer-information');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ from: 'more-information', to: 'rg-pending', detail: { answer: ANSWER } });
    const progress = await receiptOf(server.baseUrl, device, id);
    expect(progress?.progress?.stage).toBe('received');
    expect(progress?.question).toBeUndefined();
    version = detail.state.version;
  });

  it('refuses a changed body under an id already taken, and a body sealed for another referral', async () => {
    const changed = await post(device, id, await sealAddition(server.intakeKey, id, { type: 'answer-information', answer: 'Something else' }, firstAdditionId));
    expect([changed.status, ((await changed.json()) as { code: string }).code]).toEqual([409, 'id-conflict']);
    const addition = await sealAddition(server.intakeKey, id, { type: 'answer-information', answer: 'Something else' });
    const replayed = { ...addition, envelope: (await sealAddition(server.intakeKey, uuidv7(), { type: 'answer-information', answer: 'x' }, addition.id)).envelope };
    const unreadable = await post(device, id, replayed);
    expect([unreadable.status, ((await unreadable.json()) as { code: string }).code]).toEqual([422, 'unreadable-envelope']);
    const unsigned = await fetch(`${server.baseUrl}/api/v1/referrals/${id}/additions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(addition) });
    expect(unsigned.status).toBe(401);
  });

  it('keeps an answer that arrives after the case moved on as a note, so nothing the responder wrote is lost', async () => {
    const late = await sealAddition(server.intakeKey, id, { type: 'answer-information', answer: 'One more thing: her passport is with the agency.' });
    expect((await post(device, id, late)).status).toBe(201);
    const detail = await caseworker.read(id);
    expect(detail.state.stage).toBe('rg-pending');
    expect(detail.notes.map((note) => note.text)).toContain('One more thing: her passport is with the agency.');
  });

  it('takes a reconsideration request from the device only while a served negative decision can be reconsidered', async () => {
    const ask: ResponderAction = { type: 'ask-reconsideration', grounds: 'new-evidence', detail: 'A GP letter about her injuries has arrived.' };
    const tooSoon = await post(device, id, await sealAddition(server.intakeKey, id, ask));
    expect([tooSoon.status, ((await tooSoon.json()) as { code: string }).code]).toEqual([409, 'action-refused']);

    await done(caseworker, { type: 'decide-rg', outcome: 'negative', reasonCodes: ['no-indicators'], reasonText: 'No indicators were described.', decidedOn: '2026-03-02' });
    await done(reviewer, { type: 'review', verdict: 'agree' });
    expect((await receiptOf(server.baseUrl, device, id))?.progress).toEqual({ stage: 'rg-negative', on: '2026-03-02', reconsiderUntil: '2026-04-01' });

    expect((await post(device, id, await sealAddition(server.intakeKey, id, ask))).status).toBe(201);
    const detail = await caseworker.read(id);
    expect(detail.state.stage).toBe('reconsideration');
    expect(detail.events.at(-1)).toMatchObject({ action: 'ask-reconsideration', detail: { grounds: 'new-evidence', detail: ask.detail } });
    expect((await receiptOf(server.baseUrl, device, id))?.progress?.stage).toBe('reconsideration');
  });

  it('keeps what the responder wrote sealed at rest', async () => {
    const dump = JSON.stringify(await server.storage.cases.events(id)) + JSON.stringify(await server.storage.cases.notes(id));
    expect(dump).not.toContain('Vantongeren');
    expect(dump).not.toContain('passport');
    expect(dump).not.toContain('GP letter');
  });
});
