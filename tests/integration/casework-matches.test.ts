import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { possibleMatchSchema } from '../../src/shared/casework/protocol.ts';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

describe.each([sqliteBackend(), postgresBackend()])('possible same people, and what the desk may send, on $name', (backend) => {
  let server: CaseworkServer;
  let device: TestDevice;
  let caseworker: Desk;
  let reviewer: Desk;
  let analystEmail = '';

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: new Date('2026-03-02T10:00:00.000Z') });
    // A police officer's phone: a Duty to Notify report is taken only from an authority with the Duty.
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'West Yorkshire Police')));
    caseworker = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'caseworker')));
    reviewer = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'reviewer')));
    analystEmail = (await createAccount(server, 'analyst')).email;
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  const person = { firstName: 'Oleksandr', lastName: 'Bondarenko', dateOfBirth: '1990-4-12', nationality: 'Ukrainian' };

  it('finds a referral of the same person sent again with the name spelt otherwise, and records the verdict both ways', async () => {
    const earlier = await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm', person));
    const stranger = await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm', { ...person, firstName: 'Maria', lastName: 'Kowalska', dateOfBirth: '1971-11-2', gender: 'female' }));
    // A Duty to Notify report is never compared: it must not point at a named person.
    await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('dtn-cooperating', { firstName: 'Oleksandr', lastName: 'Bondarenko' }));
    const later = await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm', { ...person, firstName: 'Olexandr', lastName: 'Bondarenco' }));

    const read = await caseworker.read(later.id);
    expect(read.possibleMatches.map((match) => [match.otherId, match.otherReference, match.verdict])).toEqual([[earlier.id, earlier.reference, null]]);
    expect(read.possibleMatches[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(read.possibleMatches[0]?.reasons.map((reason) => reason.feature)).toContain('date-of-birth');
    expect(read.possibleMatches[0]?.reasons.find((reason) => reason.feature === 'name')?.detail).toContain('Olexandr Bondarenco / Oleksandr Bondarenko');
    expect((await caseworker.read(earlier.id)).possibleMatches.map((match) => match.otherId)).toEqual([later.id]);
    expect((await caseworker.read(stranger.id)).possibleMatches).toEqual([]);

    const marked = await caseworker.call('PUT', `/api/v1/cases/${earlier.id}/possible-matches/${later.id}`, { verdict: 'same-person' });
    expect(marked.status).toBe(200);
    expect(possibleMatchSchema.parse(marked.body)).toMatchObject({ otherId: later.id, verdict: 'same-person', decidedBy: { email: expect.stringMatching(/^caseworker-/) } });
    const both = await reviewer.read(later.id);
    expect(both.possibleMatches[0]?.verdict).toBe('same-person');
    expect(both.linked).toEqual([{ id: earlier.id, reference: earlier.reference, relation: 'same-person' }]);
    expect((await server.storage.audit.entriesFor(earlier.id)).map((entry) => entry.action)).toContain('case-sameness');

    const none = await caseworker.call('PUT', `/api/v1/cases/${earlier.id}/possible-matches/${stranger.id}`, { verdict: 'not-same' });
    expect([none.status, none.body.code]).toEqual([404, 'not-found']);
    const bad = await caseworker.call('PUT', `/api/v1/cases/${earlier.id}/possible-matches/${later.id}`, { verdict: 'maybe' });
    expect([bad.status, bad.body.code]).toEqual([422, 'bad-request']);
  });

  it('never fails an intake because the finder failed, and says so without personal data', async () => {
    await backend.sql(`update person_features set sealed = 'm1.AAAA.AAAA'`);
    const sent = await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm', { ...person, firstName: 'Oleksandr' }));
    expect((await caseworker.read(sent.id)).state.stage).toBe('rg-pending');
    expect(server.warnings.at(-1)).toContain(sent.id);
    expect(server.warnings.join('\n')).not.toMatch(/Oleksandr|Bondarenko|1990/);
  });

  it('answers an incomplete action with its fields at fault, and assigns a case only to a caseworker or reviewer', async () => {
    const { id } = await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('child'));
    const incomplete = await caseworker.act(id, 1, { type: 'decide-rg', outcome: 'negative', reasonCodes: ['credible-account'], reasonText: '', decidedOn: '2026-02-30' });
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'bad-request']);
    expect((incomplete.body.errors as { path: string }[]).map((error) => error.path).sort()).toEqual(['action.decidedOn', 'action.reasonCodes', 'action.reasonText']);
    expect((await caseworker.call('POST', `/api/v1/cases/${id}/actions`, { action: { type: 'take' } })).status).toBe(422);

    const analyst = await server.storage.accounts.findUserByEmail(analystEmail);
    const wrong = await reviewer.act(id, 1, { type: 'assign', to: analyst!.id });
    expect([wrong.status, wrong.body.errors]).toEqual([422, [{ path: 'action.to', message: 'Choose a caseworker or reviewer to hold the case' }]]);
    const people = (await reviewer.call('GET', '/api/v1/caseworkers')).body as { people: { id: string; email: string; role: string }[] };
    const holder = people.people.find((each) => each.role === 'caseworker')!;
    expect((await reviewer.act(id, 1, { type: 'assign', to: holder.id })).status).toBe(200);
    expect((await caseworker.read(id)).heldBy).toEqual({ id: holder.id, email: holder.email });

    expect((await caseworker.note(id, '')).status).toBe(422);
    expect((await caseworker.note('01900000-0000-7000-8000-000000000000', 'A note.')).status).toBe(404);
    expect((await caseworker.act('01900000-0000-7000-8000-000000000000', 1, { type: 'take' })).status).toBe(404);
  });
});
