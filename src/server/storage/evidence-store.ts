import type { StoredReferral } from './referral-store.ts';

/** One file a referral's sealed manifest names: the SHA-256 of each of its sealed chunks, in order. */
export interface RequiredFile {
  fileId: string;
  chunks: readonly string[];
}

export interface ChunkToStore {
  referralId: string;
  fileId: string;
  index: number;
  sha256: string;
  bytes: Uint8Array;
  receivedAt: string;
}

export type CompleteOutcome =
  | { kind: 'stored'; inserted: boolean; stored: StoredReferral }
  /** The referral was not stored: these files lack these chunks (by index). */
  | { kind: 'missing'; files: { fileId: string; missing: number[] }[] };

/** The storage contract for evidence chunks, honoured by both adapters. */
export interface EvidenceStore {
  /** Stores a chunk unless the same one (place and SHA-256) is there; true when it was new. Durable on return. */
  putChunk(chunk: ChunkToStore): Promise<boolean>;
  /** What is held of one file, by index and SHA-256. */
  heldChunks(referralId: string, fileId: string): Promise<{ index: number; sha256: string }[]>;
  /**
   * In one transaction: a referral already stored under this id is returned as it is; otherwise, when
   * every chunk of every file is held, the referral is inserted (through `referrals`, bound to the
   * transaction) and its files marked complete; when one is missing, nothing is written.
   */
  insertWithFiles(row: StoredReferral, files: readonly RequiredFile[], now: string): Promise<CompleteOutcome>;
  /** The chunk bytes of a file in order, as uploaded (for the casework console, and tests). */
  readFile(referralId: string, fileId: string, chunks: readonly string[]): Promise<Uint8Array[] | undefined>;
  /**
   * Deletes chunks received before `before` for which no referral was ever stored (a device wiped or
   * revoked after uploading); the chunks of stored referrals are never touched. Returns how many went.
   */
  deleteUnclaimed(before: string): Promise<number>;
  /** How many chunk rows are held for a referral (tests: a repeated chunk is stored once). */
  countChunks(referralId: string): Promise<number>;
  countFiles(referralId: string): Promise<number>;
}

