import { sealedChunkBytes } from '../shared/evidence-limits.ts';
import { PART_BYTES, type HeldChunks, type UploadFile } from '../shared/evidence-protocol.ts';
import type { NotDelivered, OutboxPort, TransportPort } from './ports.ts';

export interface UploadPolicy {
  /**
   * Chunks in flight at once: enough to keep a slow link busy across round trips and server work,
   * few enough that a dropped connection cuts little (each in-flight request loses at most a part).
   */
  window: number;
  /**
   * Pauses before asking again what the server holds after a dropped connection. The upload goes on
   * after the first while the server's holding grows; after as many tries in a row as there are
   * pauses with nothing more held, it ends and the engine's backoff takes over (a longer outage).
   */
  resumeDelaysMs: readonly number[];
}

export const DEFAULT_UPLOAD_POLICY: UploadPolicy = { window: 3, resumeDelaysMs: [100, 1_000, 2_000, 4_000] };

const FILE_GONE: NotDelivered = {
  kind: 'refused',
  problem: { type: 'about:blank', title: 'A file of this referral is no longer on this device', status: 0, code: 'files-incomplete' },
};

/** Sealed bytes of chunk `index` of a file, from its total (every chunk but the last is full). */
function chunkBytes(file: UploadFile, index: number): number {
  const full = sealedChunkBytes(Number.POSITIVE_INFINITY, 0);
  return index < file.chunks.length - 1 ? full : file.bytes - full * (file.chunks.length - 1);
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A chunk the server lacks: from `offset` on, in parts when the server takes them. */
interface ChunkTask {
  file: UploadFile;
  index: number;
  sha256: string;
  offset: number;
  inParts: boolean;
}

export interface UploadRequest {
  referralId: string;
  files: readonly UploadFile[];
  outbox: Pick<OutboxPort, 'readChunk'>;
  transport: Pick<TransportPort, 'heldChunks' | 'putChunk'>;
  /** Bytes of these files on the server (held before, or sent now), of all. */
  onProgress: (done: number, total: number) => void;
  policy?: UploadPolicy;
  sleep?: (ms: number) => Promise<void>;
}

/** uploadFiles, as the engine is given it: the page loads it when a referral first has files to send; the service worker has it built in. */
export type UploadFiles = (request: UploadRequest) => Promise<NotDelivered | undefined>;

/**
 * Uploads every chunk of these files that the server does not hold yet, a few at a time (a chunk is
 * read from the device only when its turn comes). The server says what it holds, by index and
 * SHA-256 and, for a chunk begun in parts, by bytes: only the rest is sent, so a chunk or part the
 * server holds is never sent again. A dropped connection is resumed here, without restarting a file.
 * Undefined when the server holds them all; otherwise how the upload ended, for the engine to act on.
 */
export const uploadFiles: UploadFiles = async (request) => {
  const { referralId, files, outbox, transport, onProgress } = request;
  const policy = request.policy ?? DEFAULT_UPLOAD_POLICY;
  const sleep = request.sleep ?? sleepFor;
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  /** Chunks the server would not take in parts (an instance that lost them): sent whole from now on. */
  const whole = new Set<string>();
  let pending = [...files];
  let finishedBytes = 0;
  let lastHeld = -1;
  let stalls = 0;

  /** One pass: ask, then send what is missing. Undefined when all is held. */
  async function pass(): Promise<{ failed: NotDelivered; held: number } | undefined> {
    const tasks: ChunkTask[] = [];
    let done = finishedBytes;
    const stillPending: UploadFile[] = [];
    // Asked a window at a time: after a drop, each costs a new connection's round trip.
    const answers = await inWindows(pending, policy.window, (file) => transport.heldChunks(referralId, file.fileId));
    for (const [i, file] of pending.entries()) {
      const asked = answers[i];
      if (!asked) continue;
      if (asked.kind !== 'held') return { failed: asked, held: -1 };
      const missing = missingOf(file, asked.held, whole);
      done += file.bytes - missing.reduce((sum, task) => sum + chunkBytes(file, task.index) - task.offset, 0);
      if (missing.length === 0) finishedBytes += file.bytes;
      else stillPending.push(file);
      tasks.push(...missing);
    }
    pending = stillPending;
    const held = done;
    onProgress(done, total);
    let failed: NotDelivered | undefined;

    const sent = (bytes: number) => {
      done += bytes;
      onProgress(done, total);
    };

    async function send(task: ChunkTask): Promise<NotDelivered | undefined> {
      const body = await outbox.readChunk(task.file.fileId, task.index);
      if (!body) return FILE_GONE;
      const chunk = { referralId, fileId: task.file.fileId, index: task.index, sha256: task.sha256 };
      if (!task.inParts || (task.offset === 0 && body.length <= PART_BYTES)) {
        const stored = await transport.putChunk({ ...chunk, body });
        if (stored.kind !== 'stored') return stored.kind === 'out-of-order' ? { kind: 'retry', reason: 'The server lost part of a file' } : stored;
        sent(chunkBytes(task.file, task.index));
        return undefined;
      }
      for (let offset = task.offset; offset < body.length; offset += PART_BYTES) {
        // Another request of this pass failed: stop at a part boundary, and ask again what is held.
        if (failed) return undefined;
        const part = body.slice(offset, Math.min(offset + PART_BYTES, body.length));
        const stored = await transport.putChunk({ ...chunk, body: part, part: { offset, length: body.length } });
        if (stored.kind === 'out-of-order') {
          whole.add(`${task.file.fileId}:${task.index}`);
          return { kind: 'retry', reason: 'The server lost part of a file' };
        }
        if (stored.kind !== 'stored') return stored;
        sent(part.length);
      }
      return undefined;
    }

    let next = 0;
    async function worker() {
      while (!failed && next < tasks.length) {
        const task = tasks[next];
        next += 1;
        const outcome = task ? await send(task) : undefined;
        // The first failure is the one that ended the pass; later ones follow from it.
        if (outcome && !failed) failed = outcome;
      }
    }
    await Promise.all(Array.from({ length: Math.min(policy.window, tasks.length) }, worker));
    return failed ? { failed, held } : undefined;
  }

  onProgress(0, total);
  for (;;) {
    const outcome = await pass();
    if (!outcome) return undefined;
    const { failed, held } = outcome;
    // Only a dropped connection or a struggling server is resumed here; a Retry-After is the engine's to honour.
    if (failed.kind !== 'retry' || failed.retryAfterMs !== undefined) return failed;
    // Not even asking what is held got through (no signal): the item waits, queued, for the engine's next try.
    if (held < 0) return failed;
    // Progress is what the server says it holds, so a server that takes parts and then loses them cannot keep this loop going.
    stalls = held > lastHeld ? 0 : stalls + 1;
    lastHeld = Math.max(lastHeld, held);
    const delay = policy.resumeDelaysMs[stalls];
    if (delay === undefined) return failed;
    await sleep(delay);
  }
};

/** `ask` for each item, at most `window` at a time, answers in the items' order. */
async function inWindows<T, R>(items: readonly T[], window: number, ask: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  for (let start = 0; start < items.length; start += window) answers.push(...(await Promise.all(items.slice(start, start + window).map(ask))));
  return answers;
}

/** The chunks of a file the server lacks, each from where its held bytes end. */
function missingOf(file: UploadFile, held: HeldChunks, whole: ReadonlySet<string>): ChunkTask[] {
  const complete = new Set(held.chunks.map((chunk) => `${chunk.index}:${chunk.sha256}`));
  // A server that lists unfinished chunks (even none) takes parts; an older one does not.
  const inParts = held.partial !== undefined;
  const begun = new Map((held.partial ?? []).map((chunk) => [`${chunk.index}:${chunk.sha256}`, chunk.bytes]));
  const tasks: ChunkTask[] = [];
  for (const [index, sha256] of file.chunks.entries()) {
    const key = `${index}:${sha256}`;
    if (complete.has(key)) continue;
    const partsHere = inParts && !whole.has(`${file.fileId}:${index}`);
    const offset = partsHere ? Math.min(begun.get(key) ?? 0, chunkBytes(file, index)) : 0;
    tasks.push({ file, index, sha256, offset: offset >= chunkBytes(file, index) ? 0 : offset, inParts: partsHere });
  }
  return tasks;
}
