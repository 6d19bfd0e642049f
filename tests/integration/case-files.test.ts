import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSubmission } from '../../src/app/outbox/seal.ts';
import { buildApp } from '../../src/server/app.ts';
import { createServices } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { createAccountService } from '../../src/server/services/accounts.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import type { Role } from '../../src/shared/accounts.ts';
import { apiPath } from '../../src/shared/api-path.ts';
import { caseFilesResponseSchema } from '../../src/shared/casework/files.ts';
import { CHUNK_BYTES, type EvidenceManifest, type EvidenceType } from '../../src/shared/evidence.ts';
import { API_PATHS } from '../../src/shared/protocol.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { attachFile, evidenceForSending } from '../../src/store/evidence.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { signIn } from '../support/accounts.ts';
import { deviceKey, freshDatabase, sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { TEST_SCRYPT_COST } from '../support/in-process-server.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../support/storage-backends.ts';

/** A 1×1 PNG, as a phone's photo would be (only smaller). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** A name that would break a naive header: quotes, `;`, brackets, a non-ASCII letter. */
const PHOTO_NAME = 'Rota "kitchen"; café (1).png';
const STATEMENT_NAME = 'witness statement.pdf';
const CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

interface Running {
  baseUrl: string;
  intakeKey: IntakePublicKey;
  storage: Storage;
  backend: Backend;
  logLines: string[];
  close(): Promise<void>;
}

/** The real app over a backend (SQLite file or a fresh PostgreSQL schema), listening on loopback, its log kept. */
async function startOn(backend: Backend): Promise<Running> {
  await backend.setUp();
  const storage = await backend.open();
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-case-files-'));
  const keyring = await loadIntakeKeyring(join(dir, 'intake-keys.json'), new Date());
  const logLines: string[] = [];
  const services = createServices(storage, { keyring, now: () => new Date(), randomInt: (n) => randomInt(n), scryptCost: TEST_SCRYPT_COST });
  const logger = { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } };
  const app = await buildApp(services, { allowUnsignedFromLoopback: true, logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    intakeKey: keyring.current,
    storage,
    backend,
    logLines,
    async close() {
      await app.close();
      await storage.close();
      await backend.tearDown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Attachment {
  bytes: Buffer;
  name: string;
  type: EvidenceType;
}

/**
 * A referral with files, attached, sealed and queued as the field app does it, then sent by the sync
 * engine through the real endpoints (chunk PUTs, then the referral). `alter` may change the manifest
 * before it is sealed, as a faulty device might.
 */
async function sendWithFiles(server: Running, attachments: Attachment[], alter: (manifest: EvidenceManifest) => EvidenceManifest = (m) => m) {
  const db = freshDatabase();
  const key = await deviceKey;
  const id = uuidv7();
  const now = new Date();
  const ids: string[] = [];
  for (const file of attachments) ids.push((await attachFile(db, key, id, new Blob([new Uint8Array(file.bytes)]), file.name, file.type, now)).id);
  const evidence = await evidenceForSending(db, key, ids);
  if (!evidence) throw new Error('no evidence');
  const referral = validReferral('adult-nrm', { evidenceFiles: ids, evidenceDescription: 'A photo of the rota and a scanned statement.' });
  const submission = await sealSubmission(server.intakeKey, referral, id, now.toISOString(), alter(evidence.manifest));
  await queueSubmission(db, key, submission, `FILES-${ids.length}`, now, evidence.uploads);

  const clock = { now: () => new Date() };
  const outbox = createOutboxAccess(db);
  const engine = createSyncEngine({
    outbox,
    transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock, timeoutMs: 10_000 }),
    clock,
    random: seededRandom(7),
    exclusive: (task) => task(), uploadFiles,
    backoff: { baseMs: 1, capMs: 5 },
  });
  for (let runs = 0; (await outbox.due(Number.POSITIVE_INFINITY)).length > 0; runs += 1) {
    if (runs > 10) throw new Error('the referral was not delivered');
    await engine.drain({ now: true });
  }
  expect((await listOutbox(db, key))[0]?.state).toBe('delivered');
  db.close();
  return { id, fileIds: ids };
}

async function accountFor(server: Running, role: Role): Promise<string> {
  const service = createAccountService({ ...server.storage, now: () => new Date(), scryptCost: TEST_SCRYPT_COST });
  const organisation = 'Test Constabulary';
  if (!(await server.storage.accounts.findOrganisationByName(organisation))) await service.createOrganisation(organisation, 'test');
  const email = `${role}-${uuidv7()}@example.org`;
  const password = `correct horse ${uuidv7()}`;
  const { code } = await service.createUser({ email, role, organisation }, 'test');
  await service.setPassword(code.token, password);
  return signIn(server.baseUrl, { email, password });
}

interface Download {
  status: number;
  headers: Headers;
  /** Every byte that arrived, complete or not. */
  bytes: Buffer;
  /** Whether the body ended cleanly (false: the connection was cut mid-body). */
  completed: boolean;
}

/** Reads a download as a browser would, keeping what arrived before any failure. */
async function download(baseUrl: string, target: string, cookie: string): Promise<Download> {
  const response = await fetch(`${baseUrl}${target}`, { headers: { cookie } });
  const parts: Uint8Array[] = [];
  let completed = true;
  const reader = response.body!.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  } catch {
    completed = false;
  }
  return { status: response.status, headers: response.headers, bytes: Buffer.concat(parts), completed };
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('case files on %s', (_name, makeBackend) => {
  let server: Running;
  let caseworker = '';
  let statement: Buffer;
  let sent: { id: string; fileIds: string[] };
  const filesOf = (id: string) => apiPath(API_PATHS.caseFiles, { id });
  const fileOf = (id: string, fileId: string) => apiPath(API_PATHS.caseFile, { id, fileId });

  beforeAll(async () => {
    server = await startOn(makeBackend());
    statement = randomBytes(Math.floor(2.5 * CHUNK_BYTES));
    sent = await sendWithFiles(server, [
      { bytes: statement, name: STATEMENT_NAME, type: 'application/pdf' },
      { bytes: PNG, name: PHOTO_NAME, type: 'image/png' },
    ]);
    caseworker = await accountFor(server, 'caseworker');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('lists a case’s files and downloads each, byte-identical, with safe headers; every read audited', async () => {
    const [statementId, photoId] = sent.fileIds as [string, string];
    const listing = await fetch(`${server.baseUrl}${filesOf(sent.id)}`, { headers: { cookie: caseworker } });
    expect(listing.status).toBe(200);
    const body: unknown = await listing.json();
    // Names, types and sizes only: no key, no hash.
    expect(caseFilesResponseSchema.parse(body)).toEqual({
      files: [
        { fileId: statementId, name: STATEMENT_NAME, type: 'application/pdf', size: statement.length },
        { fileId: photoId, name: PHOTO_NAME, type: 'image/png', size: PNG.length },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/key|sha256|chunks/);

    const pdf = await download(server.baseUrl, fileOf(sent.id, statementId), caseworker);
    expect(pdf.status).toBe(200);
    expect(pdf.completed).toBe(true);
    expect(pdf.bytes.equals(statement)).toBe(true);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-length')).toBe(String(statement.length));
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect(pdf.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''witness%20statement.pdf");

    const photo = await download(server.baseUrl, fileOf(sent.id, photoId), caseworker);
    expect(photo.status).toBe(200);
    expect(photo.completed).toBe(true);
    expect(photo.bytes.equals(PNG)).toBe(true);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('content-length')).toBe(String(PNG.length));
    const disposition = photo.headers.get('content-disposition') ?? '';
    expect(disposition).toBe("inline; filename*=UTF-8''Rota%20%22kitchen%22%3B%20caf%C3%A9%20%281%29.png");
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe(PHOTO_NAME);
    for (const { headers } of [pdf, photo]) {
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toBe(CSP);
    }

    const entries = await server.storage.audit.entriesFor(sent.id);
    expect(entries.map((entry) => entry.action)).toEqual(['case-files-listed', 'case-file-read', 'case-file-read']);
    expect(new Set(entries.map((entry) => entry.actor)).size).toBe(1);
    const logged = JSON.stringify(entries) + server.logLines.join('\n');
    for (const name of [PHOTO_NAME, STATEMENT_NAME, 'witness', 'kitchen']) expect(logged).not.toContain(name);
  });

  it('lets reviewers in too, refuses other roles (403) and strangers (401), and audits no refusal', async () => {
    const [statementId] = sent.fileIds as [string];
    const before = (await server.storage.audit.entriesFor(sent.id)).length;
    for (const role of ['analyst', 'admin', 'responder'] as const) {
      const cookie = await accountFor(server, role);
      expect((await fetch(`${server.baseUrl}${filesOf(sent.id)}`, { headers: { cookie } })).status).toBe(403);
      const refused = await fetch(`${server.baseUrl}${fileOf(sent.id, statementId)}`, { headers: { cookie } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-disposition')).toBeNull();
    }
    expect((await fetch(`${server.baseUrl}${fileOf(sent.id, statementId)}`)).status).toBe(401);
    expect((await server.storage.audit.entriesFor(sent.id)).length).toBe(before);
    for (const role of ['reviewer'] as const) {
      const cookie = await accountFor(server, role);
      expect((await fetch(`${server.baseUrl}${filesOf(sent.id)}`, { headers: { cookie } })).status).toBe(200);
    }
    // A panel member reads files only of a case awaiting the panel, as with the case itself.
    const panel = await accountFor(server, 'panel');
    expect((await fetch(`${server.baseUrl}${filesOf(sent.id)}`, { headers: { cookie: panel } })).status).toBe(404);
    expect((await fetch(`${server.baseUrl}${fileOf(sent.id, statementId)}`, { headers: { cookie: panel } })).status).toBe(404);
  });

  it('answers 404 for an unknown case or file and for a Duty to Notify report', async () => {
    const [statementId] = sent.fileIds as [string];
    const dtn = await sealedSubmissionFor(server.intakeKey, validReferral('dtn'));
    const stored = await fetch(`${server.baseUrl}${API_PATHS.referrals}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(dtn) });
    expect(stored.status).toBe(201);
    const notFound = [
      filesOf(uuidv7()),
      filesOf('not-a-uuid'),
      filesOf(dtn.id),
      fileOf(uuidv7(), statementId),
      fileOf(sent.id, crypto.randomUUID()),
      fileOf(sent.id, 'not-a-uuid'),
      fileOf(dtn.id, statementId),
    ];
    for (const target of notFound) {
      const response = await fetch(`${server.baseUrl}${target}`, { headers: { cookie: caseworker } });
      expect(response.status, target).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { code: string }).code).toBe('not-found');
    }
    expect(await server.storage.audit.entriesFor(dtn.id)).toEqual([]);
  });

  it('never completes a download whose chunk was tampered with, or whose plaintext is not the one the device hashed', async () => {
    const swapped = randomBytes(Math.floor(2.5 * CHUNK_BYTES));
    const misHashed = randomBytes(Math.floor(1.5 * CHUNK_BYTES));
    const { id, fileIds } = await sendWithFiles(
      server,
      [
        { bytes: swapped, name: 'swapped.pdf', type: 'application/pdf' },
        { bytes: misHashed, name: 'mis-hashed.pdf', type: 'application/pdf' },
        { bytes: PNG, name: 'replaced.png', type: 'image/png' },
      ],
      // A faulty device: every chunk seals and authenticates, but the whole is not what it claims.
      (manifest) => ({ ...manifest, files: manifest.files.map((file, i) => (i === 1 ? { ...file, sha256: '0'.repeat(64) } : file)) }),
    );
    const [swappedId, misHashedId, replacedId] = fileIds as [string, string, string];
    // Chunk 1 of a file overwritten in the database with chunk 0 (same key and length: only the bound index tells),
    // and the photo's only chunk with another file's.
    const copy = (toFile: string, toIndex: number, fromFile: string, fromIndex: number) =>
      server.backend.sql(
        `update evidence_chunks set bytes = (select c.bytes from evidence_chunks c where c.referral_id = '${id}' and c.file_id = '${fromFile}' and c.idx = ${fromIndex}) ` +
          `where referral_id = '${id}' and file_id = '${toFile}' and idx = ${toIndex}`,
      );
    await copy(swappedId, 1, swappedId, 0);
    await copy(replacedId, 0, swappedId, 2);

    // Failing after the first chunk went out: the connection is cut, short of Content-Length, and nothing wrong was sent.
    for (const [fileId, original, held] of [
      [swappedId, swapped, CHUNK_BYTES],
      [misHashedId, misHashed, CHUNK_BYTES],
    ] as const) {
      const cut = await download(server.baseUrl, fileOf(id, fileId), caseworker);
      expect(cut.status).toBe(200);
      expect(cut.headers.get('content-length')).toBe(String(original.length));
      expect(cut.completed).toBe(false);
      expect(cut.bytes.length).toBeLessThanOrEqual(held);
      expect(cut.bytes.equals(original.subarray(0, cut.bytes.length))).toBe(true);
    }

    // Failing on the first chunk: refused before a header of the file is set, and nothing of it sent.
    const refused = await download(server.baseUrl, fileOf(id, replacedId), caseworker);
    expect(refused.status).toBe(500);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('content-disposition')).toBeNull();
    expect((JSON.parse(refused.bytes.toString()) as { code: string }).code).toBe('internal');

    // Each read was audited even so; the log names no file.
    expect((await server.storage.audit.entriesFor(id)).map((entry) => entry.action)).toEqual(['case-file-read', 'case-file-read', 'case-file-read']);
    for (const name of ['swapped', 'mis-hashed', 'replaced']) expect(server.logLines.join('\n')).not.toContain(name);
  });
});
