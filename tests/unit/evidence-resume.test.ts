import { describe, expect, it } from 'vitest';
import { PART_BYTES, type HeldChunks, type UploadFile } from '../../src/shared/evidence-protocol.ts';
import type { ChunkUpload, OutboxPort, TransportPort } from '../../src/sync/ports.ts';
import { uploadFiles } from '../../src/sync/upload.ts';

const FULL = 1024 * 1024 + 28;
const hash = (n: number) => n.toString(16).padStart(64, '0');

/** Two files: three full chunks and a short one, then one short chunk. */
const files: UploadFile[] = [
  { fileId: 'f1', chunks: [hash(1), hash(2), hash(3), hash(4)], bytes: 3 * FULL + 5_000 },
  { fileId: 'f2', chunks: [hash(5)], bytes: 700 },
];
const lengthOf = (fileId: string, index: number) => (fileId === 'f2' ? 700 : index < 3 ? FULL : 5_000);
const pattern = Uint8Array.from({ length: FULL + 256 }, (_, i) => (i * 7) % 251);
/** The sealed bytes of a chunk as the device holds them: different in every chunk and position. */
const bytesOf = (fileId: string, index: number) => pattern.slice(index * 13 + fileId.length, index * 13 + fileId.length + lengthOf(fileId, index));
const outbox: Pick<OutboxPort, 'readChunk'> = { readChunk: async (fileId, index) => bytesOf(fileId, index) };

type Fault = 'cut-before' | 'cut-after' | 'lose-parts';

/**
 * A server that takes chunks whole or in parts, as src/server/routes/evidence.ts does; `faults`
 * breaks the nth PUT: cut before the server reads it, cut after it stored it (the answer is lost),
 * or answered out of order (an instance that lost the parts before it).
 */
function partServer(faults: Map<number, Fault> = new Map()) {
  const held = new Map<string, Uint8Array>();
  const staged = new Map<string, Uint8Array>();
  const sent: { key: string; offset: number; bytes: number }[] = [];
  let puts = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const transport: Pick<TransportPort, 'heldChunks' | 'putChunk'> = {
    async heldChunks(_referralId, fileId): Promise<{ kind: 'held'; held: HeldChunks }> {
      const mine = (map: Map<string, unknown>) => [...map.keys()].filter((key) => key.startsWith(`${fileId}:`));
      return {
        kind: 'held',
        held: {
          fileId,
          chunks: mine(held).map((key) => ({ index: Number(key.split(':')[1]), sha256: files.find((f) => f.fileId === fileId)!.chunks[Number(key.split(':')[1])]! })),
          partial: mine(staged).map((key) => ({ index: Number(key.split(':')[1]), sha256: files.find((f) => f.fileId === fileId)!.chunks[Number(key.split(':')[1])]!, bytes: staged.get(key)!.length })),
        },
      };
    },
    async putChunk(chunk: ChunkUpload) {
      puts += 1;
      const fault = faults.get(puts);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      if (fault === 'cut-before') return { kind: 'retry' as const, reason: 'No connection to the server' };
      if (fault === 'lose-parts') {
        staged.clear();
        return { kind: 'out-of-order' as const };
      }
      const key = `${chunk.fileId}:${chunk.index}`;
      const offset = chunk.part?.offset ?? 0;
      sent.push({ key, offset, bytes: chunk.body.length });
      const before = staged.get(key) ?? new Uint8Array();
      if (chunk.part && offset !== before.length) return { kind: 'out-of-order' as const };
      const whole = new Uint8Array(Buffer.concat([before, chunk.body]));
      if (chunk.part && whole.length < chunk.part.length) staged.set(key, whole);
      else {
        staged.delete(key);
        held.set(key, whole);
      }
      return fault === 'cut-after' ? { kind: 'retry' as const, reason: 'No connection to the server' } : { kind: 'stored' as const };
    },
  };
  return { transport, held, staged, sent, mostInFlight: () => mostInFlight };
}

const upload = (transport: Pick<TransportPort, 'heldChunks' | 'putChunk'>, window = 3) =>
  uploadFiles({ referralId: 'r1', files, outbox, transport, onProgress: () => undefined, policy: { window, resumeDelaysMs: [0, 0] }, sleep: async () => undefined });

const needed = files.reduce((sum, file) => sum + file.bytes, 0);
const sentBytes = (sent: { bytes: number }[]) => sent.reduce((sum, part) => sum + part.bytes, 0);

function expectEveryChunkHeld(held: Map<string, Uint8Array>) {
  for (const file of files) {
    for (const index of file.chunks.keys()) expect(Buffer.from(held.get(`${file.fileId}:${index}`) ?? []).equals(bytesOf(file.fileId, index))).toBe(true);
  }
}

describe('uploading evidence in parts', () => {
  it('keeps a window of chunks in flight, never more, each in parts', async () => {
    const server = partServer();
    expect(await upload(server.transport, 2)).toBeUndefined();
    expect(server.mostInFlight()).toBe(2);
    expect(sentBytes(server.sent)).toBe(needed);
    expect(Math.max(...server.sent.map((part) => part.bytes))).toBe(PART_BYTES);
    expectEveryChunkHeld(server.held);
  });

  it('never sends a chunk, or a part of one, that the server holds', async () => {
    const server = partServer();
    server.held.set('f1:0', bytesOf('f1', 0));
    server.staged.set('f1:1', bytesOf('f1', 1).slice(0, 3 * PART_BYTES));
    expect(await upload(server.transport)).toBeUndefined();
    expect(server.sent.some((part) => part.key === 'f1:0')).toBe(false);
    expect(server.sent.filter((part) => part.key === 'f1:1').map((part) => part.offset)[0]).toBe(3 * PART_BYTES);
    expect(sentBytes(server.sent)).toBe(needed - FULL - 3 * PART_BYTES);
    expectEveryChunkHeld(server.held);
  });

  it('resumes a chunk cut off mid-way at the part that was cut, and sends each part once', async () => {
    const server = partServer(new Map<number, Fault>([[5, 'cut-before'], [9, 'cut-after'], [12, 'cut-before']]));
    expect(await upload(server.transport)).toBeUndefined();
    const places = server.sent.map((part) => `${part.key}@${part.offset}`);
    expect(new Set(places).size).toBe(places.length);
    expect(sentBytes(server.sent)).toBe(needed);
    expectEveryChunkHeld(server.held);
  });

  it('sends a chunk whole when the server lost its earlier parts, so the upload still ends', async () => {
    const server = partServer(new Map<number, Fault>([[4, 'lose-parts']]));
    expect(await upload(server.transport)).toBeUndefined();
    expect(server.sent.some((part) => part.bytes === FULL)).toBe(true);
    expectEveryChunkHeld(server.held);
  });

  it('sends whole chunks to a server that does not list unfinished ones', async () => {
    const server = partServer();
    const older = {
      ...server.transport,
      heldChunks: async (referralId: string, fileId: string) => {
        const asked = await server.transport.heldChunks(referralId, fileId);
        return asked.kind === 'held' ? { kind: 'held' as const, held: { fileId, chunks: asked.held.chunks } } : asked;
      },
    };
    expect(await upload(older)).toBeUndefined();
    expect(server.sent.map((part) => part.bytes).sort((a, b) => a - b)).toEqual([700, 5_000, FULL, FULL, FULL]);
    expectEveryChunkHeld(server.held);
  });
});
