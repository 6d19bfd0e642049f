import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetailSchema } from '../../src/shared/casework/protocol.ts';
import type { Referral } from '../../src/shared/referral.ts';
import { createAccount, signIn } from '../support/accounts.ts';
import { sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('referrals linked by encounter and family', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
  });
  afterAll(async () => {
    await server.close();
  });

  const send = async (referral: Referral, id = uuidv7()) => {
    const response = await fetch(`${server.baseUrl}/api/v1/referrals`, json(await sealedSubmissionFor(server.intakeKey, referral, id)));
    return { id, status: response.status, body: (await response.json()) as { code?: string; errors?: { path: string }[] } };
  };

  it('stores the encounter and family links in the index, and a case lists the people met with it', async () => {
    const encounterId = uuidv7();
    const [mother, child, stranger, refused] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    // The mother was sent before the family link was made: only the child's referral carries it.
    expect((await send(validReferral('adult-nrm', { links: { encounterId } }), mother)).status).toBe(201);
    expect((await send(validReferral('child', { links: { encounterId, family: [mother] } }), child)).status).toBe(201);
    expect((await send(validReferral('adult-nrm', { links: { encounterId } }), stranger)).status).toBe(201);
    expect((await send(validReferral('dtn', { links: { encounterId } }), refused)).status).toBe(201);
    expect((await send(validReferral('adult-nrm'))).status).toBe(201);

    // An app of before still names the encounter on an anonymous report: the server keeps no link from it.
    const stored = await server.referrals.findByEncounter(encounterId);
    expect(stored.map((row) => row.id)).toEqual([mother, child, stranger]);
    expect(stored.map((row) => row.family)).toEqual([null, [mother], null]);

    const cookie = await signIn(server.baseUrl, await createAccount(server, 'caseworker'));
    const read = async (id: string) =>
      caseDetailSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/cases/${id}`, { headers: { cookie } })).json()).linked.map(({ id: other, relation }) => [other, relation]);
    // The Duty to Notify report met at the same encounter is never listed: it would point at the person who refused.
    expect(await read(mother)).toEqual([
      [child, 'family'],
      [stranger, 'same-encounter'],
    ]);
    expect(await read(child)).toEqual([
      [mother, 'family'],
      [stranger, 'same-encounter'],
    ]);
    expect(await read(stranger)).toEqual([
      [mother, 'same-encounter'],
      [child, 'same-encounter'],
    ]);
    const references = new Map(stored.map((row) => [row.id, row.reference]));
    const linked = caseDetailSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/cases/${mother}`, { headers: { cookie } })).json()).linked;
    expect(linked.map((entry) => entry.reference)).toEqual([references.get(child), references.get(stranger)]);
    // Every read is audited, as before.
    expect((await server.storage.audit.entriesFor(mother)).map((entry) => entry.action)).toEqual(['case-read', 'case-read']);
  });

  it('gives a referral sent outside an encounter no links', async () => {
    const { id } = await send(validReferral('child'));
    const cookie = await signIn(server.baseUrl, await createAccount(server, 'reviewer'));
    const body = caseDetailSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/cases/${id}`, { headers: { cookie } })).json());
    expect(body.linked).toEqual([]);
  });

  it('refuses family links on a Duty to Notify report without co-operation, and links that are not ids', async () => {
    const anonymous = await send(validReferral('dtn', { links: { encounterId: uuidv7(), family: [uuidv7()] } }));
    expect(anonymous.status).toBe(422);
    expect(anonymous.body.errors?.map((error) => error.path)).toEqual(['envelope.referral.links']);
    const cooperating = await send(validReferral('dtn-cooperating', { links: { encounterId: uuidv7(), family: [uuidv7()] } }));
    expect(cooperating.status).toBe(201);
    const notIds = await send(validReferral('adult-nrm', { links: { encounterId: 'operation harbour' } }));
    expect(notIds.status).toBe(422);
    const tooMany = await send(validReferral('adult-nrm', { links: { encounterId: uuidv7(), family: Array.from({ length: 21 }, () => uuidv7()) } }));
    expect(tooMany.status).toBe(422);
  });
});
