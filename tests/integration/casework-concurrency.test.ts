import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChangedSchema } from '../../src/shared/casework/protocol.ts';
import { createAccount, enrolDevice, signIn } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const ROUNDS = 4;

describe.each([sqliteBackend(), postgresBackend()])('two server instances deciding one case at once on $name', (backend) => {
  let server: CaseworkServer;
  let ids: string[] = [];
  let one: Desk;
  let other: Desk;
  let oneId = '';
  let otherId = '';

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: new Date('2026-03-02T10:00:00.000Z') });
    // The second instance has its own connection (pool) to the same database, as behind a load balancer.
    const second = await server.another();
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
    ids = [];
    for (let i = 0; i < ROUNDS; i += 1) ids.push((await sendReferral(server.baseUrl, server.intakeKey, device)).id);
    const [a, b] = [await createAccount(server, 'caseworker'), await createAccount(server, 'caseworker')];
    one = deskFor(server.baseUrl, await signIn(server.baseUrl, a));
    other = deskFor(second.baseUrl, await signIn(second.baseUrl, b));
    oneId = (await server.storage.accounts.findUserByEmail(a.email))!.id;
    otherId = (await server.storage.accounts.findUserByEmail(b.email))!.id;
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('lets exactly one of two people taking the same version win; the other gets 409 with the case as it stands', async () => {
    for (const id of ids) {
      const answers = await Promise.all([one.act(id, 1, { type: 'take' }), other.act(id, 1, { type: 'take' })]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers[0]!.status === 200 ? oneId : otherId;
      const loser = answers.find((answer) => answer.status === 409)!;
      const changed = caseChangedSchema.parse(loser.body);
      expect(changed.current).toMatchObject({ version: 2, heldBy: winner });
      expect(changed.since.map((event) => [event.action, event.actor.id])).toEqual([['take', winner]]);
      // Nothing of the loser was written: one transition, one audit entry.
      const audit = (await server.storage.audit.entriesFor(id)).filter((entry) => entry.action === 'case-take');
      expect(audit.map((entry) => entry.actor)).toEqual([winner]);
      expect((await server.storage.cases.events(id)).map((event) => event.action)).toEqual(['received', 'take']);
    }
  });
});
