export interface ChunkToStore {
  referralId: string;
  fileId: string;
  index: number;
  sha256: string;
  bytes: Uint8Array;
  receivedAt: string;
  /** The enrolled device that uploaded it (counted against its quota); null or absent when unsigned. */
  deviceId?: string | null;
}

/**
 * The storage contract for evidence chunks, honoured by both adapters. A referral claims its files as
 * it is stored (ReferralStore.insertIfAbsent).
 */
export interface EvidenceStore {
  /** Stores a chunk unless the same one (place and SHA-256) is there; true when it was new. Durable on return. */
  putChunk(chunk: ChunkToStore): Promise<boolean>;
  /** What is held of one file, by index and SHA-256, of what `deviceId` uploaded (null: what came unsigned). */
  heldChunks(referralId: string, fileId: string, deviceId: string | null): Promise<{ index: number; sha256: string }[]>;
  /**
   * The sealed bytes of ONE chunk, as uploaded: the one at `index` of the file whose SHA-256 is `sha256`
   * (the manifest's), or undefined when none is held. Downloads read a file this way, a chunk at a time.
   */
  readChunk(referralId: string, fileId: string, index: number, sha256: string): Promise<Uint8Array | undefined>;
  /** The chunk bytes of a file in order, as uploaded (for the casework console, and tests). */
  readFile(referralId: string, fileId: string, chunks: readonly string[]): Promise<Uint8Array[] | undefined>;
  /**
   * Deletes chunks received before `before` that nothing claimed: none of their referral was ever stored
   * (a device wiped or revoked after uploading), or they came after it for an addition never taken. The
   * chunks of stored referrals, and the files of taken additions, are never touched. Returns how many went.
   */
  deleteUnclaimed(before: string): Promise<number>;
  /** How many chunk rows are held for a referral (tests: a repeated chunk is stored once). */
  countChunks(referralId: string): Promise<number>;
  countFiles(referralId: string): Promise<number>;
}

