import { sealedChunkBytes } from '../shared/evidence-limits.ts';
import type { UploadFile } from '../shared/evidence-protocol.ts';
import type { NotDelivered, OutboxPort, TransportPort } from './ports.ts';

/** Sealed bytes of chunk `index` of a file, from its total (every chunk but the last is full). */
function chunkBytes(file: UploadFile, index: number): number {
  const full = sealedChunkBytes(Number.POSITIVE_INFINITY, 0);
  return index < file.chunks.length - 1 ? full : file.bytes - full * (file.chunks.length - 1);
}

/**
 * Uploads every chunk of these files that the server does not hold yet, one at a time (a chunk is
 * read from the device only when its turn comes). Resumes where a dropped connection left off: the
 * server says what it holds, by index and SHA-256, and only the rest is sent. Undefined when the
 * server holds them all; otherwise how the first failure ended, for the engine to act on.
 */
export async function uploadFiles(
  referralId: string,
  files: readonly UploadFile[],
  outbox: Pick<OutboxPort, 'readChunk'>,
  transport: Pick<TransportPort, 'heldChunks' | 'putChunk'>,
  onProgress: (done: number, total: number) => void,
): Promise<NotDelivered | undefined> {
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  let done = 0;
  onProgress(done, total);
  for (const file of files) {
    const asked = await transport.heldChunks(referralId, file.fileId);
    if (asked.kind !== 'held') return asked;
    const held = new Set(asked.held.chunks.map((chunk) => `${chunk.index}:${chunk.sha256}`));
    for (let index = 0; index < file.chunks.length; index += 1) {
      const sha256 = file.chunks[index] ?? '';
      if (!held.has(`${index}:${sha256}`)) {
        const body = await outbox.readChunk(file.fileId, index);
        if (!body) {
          return {
            kind: 'refused',
            problem: { type: 'about:blank', title: 'A file of this referral is no longer on this device', status: 0, code: 'files-incomplete' },
          };
        }
        const stored = await transport.putChunk({ referralId, fileId: file.fileId, index, sha256, body });
        if (stored.kind !== 'stored') return stored;
      }
      done += chunkBytes(file, index);
      onProgress(done, total);
    }
  }
  return undefined;
}
