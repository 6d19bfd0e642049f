import { z } from 'zod/mini';

/** The upload side of the evidence format (src/shared/evidence.ts): all the sync engine needs, so the rest stays out of the first load. */

/** What the device needs, in the clear, to upload a queued referral's files without the user's key. */
export interface UploadFile {
  fileId: string;
  /** SHA-256 (hex) of each sealed chunk, in order. */
  chunks: string[];
  /** Sealed bytes of the whole file, for progress. */
  bytes: number;
}

/** The header that names a chunk's SHA-256 on upload: the server checks the body against it. */
export const CHUNK_HASH_HEADER = 'nrm-chunk-sha256';

export const evidencePaths = {
  file: (referralId: string, id: string) => `/api/v1/referrals/${referralId}/files/${id}`,
  chunk: (referralId: string, id: string, index: number) => `/api/v1/referrals/${referralId}/files/${id}/chunks/${index}`,
};

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 in hex'));

/** What the server holds of one file (GET …/files/:fileId). */
export const heldChunksSchema = z.strictObject({
  fileId: z.string(),
  chunks: z.array(z.strictObject({ index: z.int(), sha256: hex64 })),
});
export type HeldChunks = z.infer<typeof heldChunksSchema>;
