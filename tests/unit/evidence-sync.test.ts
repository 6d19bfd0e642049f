import { describe, expect, it } from 'vitest';
import type { UploadFile } from '../../src/shared/evidence.ts';
import type { Receipt, Submission } from '../../src/shared/protocol.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import type { ChunkUpload, DueItem, NotDelivered, OutboxPort, SendOutcome, TransportPort } from '../../src/sync/ports.ts';
import { fakeClock, submissionFor } from '../support/fixtures.ts';

const receiptFor = (id: string): Receipt => ({ id, reference: 'NRM-7K3F-9Q', receivedAt: '2026-11-29T09:31:00.000Z', digest: 'a'.repeat(64) });
const hash = (n: number) => n.toString(16).padStart(64, '0');
const FULL = 1024 * 1024 + 28;

function oneItem(submission: Submission, files: UploadFile[]) {
  const row: DueItem & { state: string; problem?: unknown } = { id: submission.id, attempts: 0, submission, files, state: 'queued' };
  const port: OutboxPort = {
    countDue: async () => (row.state === 'queued' ? 1 : 0),
    due: async () => (row.state === 'queued' || row.state === 'sending' ? [row] : []),
    markSending: async () => void (row.state = 'sending'),
    readChunk: async (_fileId, index) => new Uint8Array(index),
    markDelivered: async () => void (row.state = 'delivered'),
    markRetry: async (_id, attempts) => void Object.assign(row, { state: 'queued', attempts }),
    markNeedsAttention: async (_id, problem) => void Object.assign(row, { state: 'needs-attention', problem }),
    markPaused: async () => void (row.state = 'paused'),
    delivered: async () => ({ ids: [], since: '1970-01-01T00:00:00.000Z' }),
    applyStatuses: async () => undefined,
  };
  return { row, port };
}

/** A server that remembers chunks, and fails the uploads it is told to. */
function fakeServer(failPuts: Set<number> = new Set()) {
  const held = new Map<string, string>();
  const log: string[] = [];
  let puts = 0;
  const transport: TransportPort = {
    reachable: async () => true,
    statuses: async () => [],
    sendAddition: async () => ({ kind: 'retry', reason: 'No additions in these tests' }),
    async heldChunks(_referralId, fileId) {
      log.push(`held ${fileId}`);
      const chunks = [...held].filter(([k]) => k.startsWith(`${fileId}:`)).map(([k, sha256]) => ({ index: Number(k.split(':')[1]), sha256 }));
      return { kind: 'held', held: { fileId, chunks } };
    },
    async putChunk(chunk: ChunkUpload): Promise<{ kind: 'stored' } | NotDelivered> {
      puts += 1;
      if (failPuts.has(puts)) {
        log.push(`drop ${chunk.fileId}/${chunk.index}`);
        return { kind: 'retry', reason: 'No connection to the server' };
      }
      log.push(`put ${chunk.fileId}/${chunk.index}`);
      held.set(`${chunk.fileId}:${chunk.index}`, chunk.sha256);
      return { kind: 'stored' };
    },
    async send(submission): Promise<SendOutcome> {
      log.push('post');
      return { kind: 'delivered', receipt: receiptFor(submission.id) };
    },
  };
  return { transport, log, held };
}

const files: UploadFile[] = [
  { fileId: 'f1', chunks: [hash(1), hash(2), hash(3)], bytes: 2 * FULL + 100 },
  { fileId: 'f2', chunks: [hash(4)], bytes: 500 },
];
// One chunk at a time, so the order of requests is fixed; the window has its own tests (evidence-resume.test.ts).
const engineOf = (port: OutboxPort, transport: TransportPort, resumeDelaysMs: number[] = [0]) =>
  createSyncEngine({ outbox: port, transport, clock: fakeClock(), random: () => 0.5, exclusive: (task) => task(), uploadFiles, backoff: { baseMs: 1, capMs: 1 }, upload: { window: 1, resumeDelaysMs } });

describe('sending a referral with files', () => {
  it('uploads every chunk of every file before the referral itself', async () => {
    const { row, port } = oneItem(submissionFor(), files);
    const { transport, log } = fakeServer();
    const seen: { done: number; total: number }[] = [];
    const engine = engineOf(port, transport);
    engine.subscribe((progress) => progress.upload && seen.push({ done: progress.upload.done, total: progress.upload.total }));
    await engine.drain();
    expect(log).toEqual(['held f1', 'held f2', 'put f1/0', 'put f1/1', 'put f1/2', 'put f2/0', 'post']);
    expect(row.state).toBe('delivered');
    expect(seen.at(-1)).toEqual({ done: 2 * FULL + 600, total: 2 * FULL + 600 });
    expect(engine.progress().upload).toBeUndefined();
  });

  it('after a dropped upload sends nothing else, asks what the server holds and sends only what it lacks, in the same attempt', async () => {
    const { row, port } = oneItem(submissionFor(), files);
    const { transport, log } = fakeServer(new Set([2]));
    await engineOf(port, transport).drain({ now: true });
    expect(log).toEqual(['held f1', 'held f2', 'put f1/0', 'drop f1/1', 'held f1', 'held f2', 'put f1/1', 'put f1/2', 'put f2/0', 'post']);
    expect(row.state).toBe('delivered');
  });

  it('leaves a longer outage to the engine’s backoff once asking again gets no further, then resumes', async () => {
    const { row, port } = oneItem(submissionFor(), files);
    const { transport, log } = fakeServer(new Set([2, 3, 4, 5]));
    const engine = engineOf(port, transport, [0, 0]);
    await engine.drain({ now: true });
    expect(row.state).toBe('queued');
    const again = ['held f1', 'held f2', 'drop f1/1'];
    // The second ask finds f1/0 newly held (progress); the next two find nothing more, and the attempt ends.
    expect(log).toEqual(['held f1', 'held f2', 'put f1/0', 'drop f1/1', ...again, ...again, ...again]);
    log.length = 0;
    await engine.drain({ now: true });
    expect(log).toEqual(['held f1', 'held f2', 'put f1/1', 'put f1/2', 'put f2/0', 'post']);
    expect(row.state).toBe('delivered');
  });

  it('asks the user when a file is gone from the device, rather than sending the referral without it', async () => {
    const { row, port } = oneItem(submissionFor(), files);
    port.readChunk = async () => undefined;
    const { transport, log } = fakeServer();
    await engineOf(port, transport).drain();
    expect(log).toEqual(['held f1', 'held f2']);
    expect(row.state).toBe('needs-attention');
  });

  it('treats the server’s "files incomplete" as a reason to upload again, not a refusal', async () => {
    const submission = submissionFor();
    const problem = { type: 'x', title: 'Some files of this referral have not reached the server', status: 409, code: 'files-incomplete' };
    const answering = (body: unknown) => createHttpTransport({ fetch: async () => new Response(JSON.stringify(body), { status: 409 }), clock: fakeClock(), submitAddition });
    expect((await answering(problem).send(submission)).kind).toBe('retry');
    expect((await answering({ ...problem, code: 'id-conflict' }).send(submission)).kind).toBe('refused');
  });
});
