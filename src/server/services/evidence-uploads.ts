import type { ChunkToStore, EvidenceStore } from '../storage/evidence-store.ts';
import { createPartStaging, type ChunkPart, type PartLimits } from './evidence-parts.ts';

/** How a part of a chunk was taken: kept for the rest, or the chunk stored whole (`created`: new), or refused. */
export type PartTaken = { kind: 'staged'; received: number } | { kind: 'stored'; created: boolean } | { kind: 'out-of-order'; received: number } | { kind: 'hash-mismatch' };

/** Chunks of sealed evidence as devices upload them, resumably; the server never opens one. */
export function createEvidenceUploads({ evidence, now, partLimits }: { evidence: EvidenceStore; now: () => Date; partLimits?: PartLimits }) {
  const parts = createPartStaging(now, partLimits);

  function put(chunk: Omit<ChunkToStore, 'receivedAt'>): Promise<boolean> {
    return evidence.putChunk({ ...chunk, receivedAt: now().toISOString() });
  }

  return {
    /** What this device (null: unsigned) uploaded of one file, by index and SHA-256: it sends only the rest. */
    held(referralId: string, fileId: string, deviceId: string | null): Promise<{ index: number; sha256: string }[]> {
      return evidence.heldChunks(referralId, fileId, deviceId);
    },

    /** The chunks of one file this device began in parts and has not finished, with the bytes held of each. */
    partial(referralId: string, fileId: string, deviceId: string | null): { index: number; sha256: string; bytes: number }[] {
      return parts.partial(referralId, fileId, deviceId);
    },

    /** Stores a chunk unless the same one is held; true when it was new. Durable on return. `deviceId`: who uploaded it, for its quota. */
    put,

    /**
     * Takes one part of a chunk; with its last part, checks the whole chunk against its SHA-256 and
     * stores it as `put` does. `sha256Of` is the route's hash, so the service stays free of node:crypto.
     */
    async putPart(part: ChunkPart, sha256Of: (bytes: Uint8Array) => string): Promise<PartTaken> {
      const outcome = parts.stage(part);
      if (outcome.kind !== 'complete') return outcome;
      try {
        if (sha256Of(outcome.bytes) !== part.sha256) return { kind: 'hash-mismatch' };
        const created = await put({ referralId: part.referralId, fileId: part.fileId, index: part.index, sha256: part.sha256, bytes: outcome.bytes, deviceId: part.deviceId });
        return { kind: 'stored', created };
      } finally {
        parts.finished(part);
      }
    },
  };
}

export type EvidenceUploads = ReturnType<typeof createEvidenceUploads>;
