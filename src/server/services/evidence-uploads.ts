import type { ChunkToStore, EvidenceStore } from '../storage/evidence-store.ts';

/** Chunks of sealed evidence as devices upload them, resumably; the server never opens one. */
export function createEvidenceUploads({ evidence, now }: { evidence: EvidenceStore; now: () => Date }) {
  return {
    /** What this device (null: unsigned) uploaded of one file, by index and SHA-256: it sends only the rest. */
    held(referralId: string, fileId: string, deviceId: string | null): Promise<{ index: number; sha256: string }[]> {
      return evidence.heldChunks(referralId, fileId, deviceId);
    },

    /** Stores a chunk unless the same one is held; true when it was new. Durable on return. `deviceId`: who uploaded it, for its quota. */
    put(chunk: Omit<ChunkToStore, 'receivedAt'>): Promise<boolean> {
      return evidence.putChunk({ ...chunk, receivedAt: now().toISOString() });
    },
  };
}

export type EvidenceUploads = ReturnType<typeof createEvidenceUploads>;
