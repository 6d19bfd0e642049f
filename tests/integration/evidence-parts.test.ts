import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CHUNK_HASH_HEADER, PART_BYTES, evidencePaths, heldChunksSchema } from '../../src/shared/evidence.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
});
afterAll(async () => {
  await server.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A sealed-size chunk at a fresh place, with helpers to send it in parts and ask what is held. */
function chunkAt() {
  const referralId = uuidv7();
  const fileId = uuidv7();
  const bytes = new Uint8Array(randomBytes(1024 * 1024 + 28));
  const hash = sha256(bytes);
  const putPart = (offset: number, end = Math.min(offset + PART_BYTES, bytes.length), named = hash) =>
    fetch(`${server.baseUrl}${evidencePaths.chunk(referralId, fileId, 0)}?offset=${offset}&length=${bytes.length}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: named },
      body: bytes.slice(offset, end),
    });
  const held = async (query = '?parts=1') => heldChunksSchema.parse(await (await fetch(`${server.baseUrl}${evidencePaths.file(referralId, fileId)}${query}`)).json());
  return { referralId, fileId, bytes, hash, putPart, held };
}

describe('evidence chunks sent in parts', () => {
  it('keeps the parts in order, says how much it holds, and stores the chunk whole with its last part', async () => {
    const chunk = chunkAt();
    expect((await chunk.putPart(0)).status).toBe(202);
    expect((await chunk.putPart(PART_BYTES)).status).toBe(202);
    expect(await chunk.held()).toEqual({ fileId: chunk.fileId, chunks: [], partial: [{ index: 0, sha256: chunk.hash, bytes: 2 * PART_BYTES }] });
    // A device that does not ask for parts is answered as before.
    expect(await chunk.held('')).toEqual({ fileId: chunk.fileId, chunks: [] });

    const skipped = await chunk.putPart(4 * PART_BYTES);
    expect(skipped.status).toBe(409);
    expect(await skipped.json()).toMatchObject({ code: 'files-incomplete' });

    let status = 0;
    for (let offset = 2 * PART_BYTES; offset < chunk.bytes.length; offset += PART_BYTES) status = (await chunk.putPart(offset)).status;
    expect(status).toBe(201);
    expect(await chunk.held()).toEqual({ fileId: chunk.fileId, chunks: [{ index: 0, sha256: chunk.hash }], partial: [] });
    const stored = await server.storage.evidence.readFile(chunk.referralId, chunk.fileId, [chunk.hash]);
    expect(Buffer.from(stored?.[0] ?? []).equals(Buffer.from(chunk.bytes))).toBe(true);
  });

  it('refuses a chunk whose parts do not add up to its SHA-256, and keeps nothing of it', async () => {
    const chunk = chunkAt();
    const wrong = sha256(new Uint8Array([1]));
    expect((await chunk.putPart(0, chunk.bytes.length - 10, wrong)).status).toBe(202);
    const last = await chunk.putPart(chunk.bytes.length - 10, chunk.bytes.length, wrong);
    expect(last.status).toBe(422);
    expect(await last.json()).toMatchObject({ code: 'chunk-hash-mismatch' });
    expect(await chunk.held()).toEqual({ fileId: chunk.fileId, chunks: [], partial: [] });
  });

  it('refuses a part that names no length, or one past the chunk', async () => {
    const chunk = chunkAt();
    const target = `${server.baseUrl}${evidencePaths.chunk(chunk.referralId, chunk.fileId, 0)}`;
    const put = (query: string) => fetch(`${target}${query}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: chunk.hash }, body: chunk.bytes.slice(0, 10) });
    expect((await put('?offset=0')).status).toBe(400);
    expect((await put('?offset=0&length=abc')).status).toBe(400);
    expect((await put('?offset=0&length=5')).status).toBe(409);
  });
});
