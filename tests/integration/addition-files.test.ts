import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAddition } from '../../src/app/outbox/seal.ts';
import { additionReceiptSchema, type AdditionSubmission } from '../../src/shared/additions.ts';
import type { CaseAction } from '../../src/shared/casework/actions.ts';
import { caseFilesResponseSchema } from '../../src/shared/casework/files.ts';
import { caseActionResponseSchema } from '../../src/shared/casework/protocol.ts';
import type { ResponderAction } from '../../src/shared/casework/responder-actions.ts';
import { signRequest } from '../../src/shared/device-signature.ts';
import { CHUNK_HASH_HEADER, additionEvidenceAad, evidencePaths, type EvidenceManifest, type UploadFile } from '../../src/shared/evidence.ts';
import { sealJson } from '../../src/shared/sealing.ts';
import { additionsOf } from '../../src/store/additions.ts';
import { queueAddition, reconsiderationFilesKey } from '../../src/store/queue-addition.ts';
import type { FieldDatabase } from '../../src/store/db.ts';
import { attachFile, evidenceForSending, readChunk } from '../../src/store/evidence.ts';
import { createOutboxAccess } from '../../src/store/outbox.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createAccount, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { deviceKey, freshDatabase, validReferral } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const START = new Date('2026-03-02T10:00:00.000Z');
/** A 1×1 PNG, as a phone's photo would be (only smaller). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** Two chunks' worth, so a file can be partly held. */
const LETTER = randomBytes(1_300_000);
const ASK: ResponderAction = { type: 'ask-reconsideration', grounds: 'new-evidence', detail: 'A GP letter about her injuries, and a photo of the room, have arrived.' };

interface Prepared {
  db: FieldDatabase;
  submission: AdditionSubmission;
  manifest: EvidenceManifest;
  uploads: UploadFile[];
}

describe.each([sqliteBackend(), postgresBackend()])('files a reconsideration request brings, on $name', (backend) => {
  let server: CaseworkServer;
  let device: TestDevice;
  let otherDevice: TestDevice;
  let caseworker: Desk;
  let caseworkerCookie = '';
  let id = '';
  let version = 1;
  let delivered: Prepared | undefined;

  const post = (who: TestDevice, body: unknown) => signedFetch(server.baseUrl, who, 'POST', `/api/v1/referrals/${id}/additions`, { body: JSON.stringify(body) });
  const codeOf = async (response: Response) => [response.status, ((await response.json()) as { code: string }).code];
  async function done(desk: Desk, action: CaseAction): Promise<void> {
    const answer = await desk.act(id, version, action);
    expect(answer, action.type).toMatchObject({ status: 200 });
    version = caseActionResponseSchema.parse(answer.body).state.version;
  }
  async function putChunk(who: TestDevice, fileId: string, index: number, sha256: string, body: Uint8Array<ArrayBuffer>): Promise<number> {
    const target = evidencePaths.chunk(id, fileId, index);
    const signature = await signRequest(who.privateKey, { deviceId: who.id, method: 'PUT', target, body }, new Date());
    const response = await fetch(`${server.baseUrl}${target}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: sha256, ...signature }, body });
    return response.status;
  }
  /** A photo and a two-chunk PDF attached on the device as the reconsideration page does, and the request sealed with them. */
  async function prepare(action: ResponderAction = ASK): Promise<Prepared> {
    const db = freshDatabase();
    const key = await deviceKey;
    const waiting = reconsiderationFilesKey(id);
    const photo = await attachFile(db, key, waiting, new Blob([new Uint8Array(PNG)]), 'room.png', 'image/png', new Date());
    const letter = await attachFile(db, key, waiting, new Blob([new Uint8Array(LETTER)]), 'GP letter.pdf', 'application/pdf', new Date());
    const evidence = (await evidenceForSending(db, key, [photo.id, letter.id]))!;
    const submission = await sealAddition(server.intakeKey, id, action, uuidv7(), new Date().toISOString(), evidence.manifest);
    await queueAddition(db, id, action.type, submission, new Date(), { uploads: evidence.uploads, from: waiting });
    return { db, submission, manifest: evidence.manifest, uploads: evidence.uploads };
  }
  async function uploadAs(who: TestDevice, prepared: Prepared): Promise<void> {
    for (const file of prepared.uploads) {
      for (const [index, sha256] of file.chunks.entries()) expect(await putChunk(who, file.fileId, index, sha256, (await readChunk(prepared.db, file.fileId, index))!)).toBe(201);
    }
  }

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'Kirklees Council')));
    otherDevice = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'Leeds City Council')));
    caseworkerCookie = await signIn(server.baseUrl, await createAccount(server, 'caseworker'));
    caseworker = deskFor(server.baseUrl, caseworkerCookie);
    const reviewer = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'reviewer')));
    id = (await sendReferral(server.baseUrl, server.intakeKey, device, validReferral('adult-nrm'))).id;
    await done(caseworker, { type: 'take' });
    await done(caseworker, { type: 'decide-rg', outcome: 'negative', reasonCodes: ['no-indicators'], reasonText: 'No indicators were described.', decidedOn: '2026-03-02' });
    await done(reviewer, { type: 'review', verdict: 'agree' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('refuses a request whose files are missing, or were uploaded by another device, and changes nothing', async () => {
    const prepared = await prepare();
    expect(await codeOf(await post(device, prepared.submission))).toEqual([409, 'files-incomplete']);
    // Every chunk, byte for byte, but sent by another device: not the sender's, so not usable.
    await uploadAs(otherDevice, prepared);
    expect(await codeOf(await post(device, prepared.submission))).toEqual([409, 'files-incomplete']);
    expect((await caseworker.read(id)).state.stage).toBe('rg-negative');
    expect(await server.storage.evidence.countFiles(id)).toBe(0);
  });

  it('refuses a manifest sealed for another addition', async () => {
    const prepared = await prepare();
    const moved = await sealJson(server.intakeKey, prepared.manifest, additionEvidenceAad(id, uuidv7()));
    const forged = { ...prepared.submission, envelope: { ...prepared.submission.envelope, evidence: { enc: moved.enc, ct: moved.ct } } };
    expect(await codeOf(await post(device, forged))).toEqual([422, 'unreadable-envelope']);
  });

  it('sends the files through the outbox before the request, which is then taken once, and wipes them from the device', async () => {
    const prepared = await prepare();
    const clock = { now: () => new Date() };
    const engine = createSyncEngine({
      outbox: createOutboxAccess(prepared.db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock, sign: (request) => signRequest(device.privateKey, { deviceId: device.id, ...request }, clock.now()) }),
      clock,
      random: () => 0.5,
      exclusive: (task) => task(), uploadFiles,
    });
    await engine.drain({ now: true });
    const [row] = await additionsOf(prepared.db, id);
    expect(row).toMatchObject({ id: prepared.submission.id, state: 'delivered', receipt: { id: prepared.submission.id, referralId: id } });
    expect([await prepared.db.files.count(), await prepared.db.fileChunks.count()]).toEqual([0, 0]);
    // The receipt lost on the way: the same request again gets the same receipt.
    const again = await post(device, prepared.submission);
    expect(again.status).toBe(200);
    expect(additionReceiptSchema.parse(await again.json())).toEqual(row?.receipt);
    expect((await caseworker.read(id)).state.stage).toBe('reconsideration');
    expect(await server.storage.evidence.countFiles(id)).toBe(2);
    delivered = prepared;
  });

  it('shows the caseworker which request brought each file, and streams each byte-identical, every read audited', async () => {
    const sent = delivered!;
    const before = (await server.storage.audit.entriesFor(id)).length;
    const listed = await caseworker.call('GET', `/api/v1/cases/${id}/files`);
    expect(listed.status).toBe(200);
    const { files } = caseFilesResponseSchema.parse(listed.body);
    expect(files.map(({ name, type, size }) => ({ name, type, size }))).toEqual([
      { name: 'room.png', type: 'image/png', size: PNG.length },
      { name: 'GP letter.pdf', type: 'application/pdf', size: LETTER.length },
    ]);
    const received = (await server.storage.cases.events(id)).find((event) => event.action === 'ask-reconsideration')?.at;
    for (const file of files) expect(file.addedWith).toEqual({ kind: 'ask-reconsideration', receivedAt: received });
    expect(files.map((file) => file.fileId)).toEqual(sent.manifest.files.map((file) => file.fileId));

    for (const [file, bytes, disposition] of [
      [files[0]!, PNG, 'inline'],
      [files[1]!, LETTER, 'attachment'],
    ] as const) {
      const read = await fetch(`${server.baseUrl}/api/v1/cases/${id}/files/${file.fileId}`, { headers: { cookie: caseworkerCookie } });
      expect(read.status).toBe(200);
      expect(read.headers.get('content-disposition')).toMatch(new RegExp(`^${disposition};`));
      expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const entries = (await server.storage.audit.entriesFor(id)).slice(before);
    expect(entries.map((entry) => [entry.action, entry.subject])).toEqual([
      ['case-files-listed', id],
      ['case-file-read', id],
      ['case-file-read', id],
    ]);
  });

  it('counts an addition’s chunks against its device’s quota until it is taken, and forgets those no addition claimed', async () => {
    const since = '2000-01-01T00:00:00.000Z';
    const unclaimed = () => server.storage.quotas.unclaimedEvidenceBytesOf(device.id, since);
    const answer: ResponderAction = { type: 'answer-information', answer: 'Two more documents from the GP.' };
    const taken = await prepare(answer);
    await uploadAs(device, taken);
    expect(await unclaimed()).toBe(taken.uploads.reduce((sum, file) => sum + file.bytes, 0));
    // Past its stage an answer is kept as a note; its files are claimed all the same.
    expect((await post(device, taken.submission)).status).toBe(201);
    expect(await unclaimed()).toBe(0);

    const abandoned = await prepare();
    await uploadAs(device, abandoned);
    expect(await unclaimed()).toBeGreaterThan(0);
    await server.storage.evidence.deleteUnclaimed('2999-01-01T00:00:00.000Z');
    expect(await unclaimed()).toBe(0);
    // What the referral's additions claimed stays: three chunks each (a photo, a two-chunk letter).
    expect(await server.storage.evidence.countChunks(id)).toBe(6);
    const { files } = caseFilesResponseSchema.parse((await caseworker.call('GET', `/api/v1/cases/${id}/files`)).body);
    expect(files.map((file) => file.addedWith?.kind)).toEqual(['ask-reconsideration', 'ask-reconsideration', 'answer-information', 'answer-information']);
  });

  it('refuses a later addition that names a file already sent', async () => {
    const sent = delivered!;
    const answer: ResponderAction = { type: 'answer-information', answer: 'The same photo again.' };
    const submission = await sealAddition(server.intakeKey, id, answer, uuidv7(), new Date().toISOString(), sent.manifest);
    const refused = await post(device, submission);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'invalid-referral', errors: [{ path: 'envelope.evidence' }] });
  });
});
