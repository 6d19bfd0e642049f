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

/**
 * Bytes per part when a chunk is sent in parts (docs/protocol.md, "Upload"): small enough that a
 * connection dropped on a slow link wastes little of a 1 MiB chunk, large enough that the headers and
 * signature of each request stay near 1 % of its bytes.
 */
export const PART_BYTES = 64 * 1024;

/** Query parameters of the status request that asks for chunks held in part as well (`?parts=1`). */
export const WITH_PARTS = 'parts';
/** Query parameters of a chunk sent in parts: where this part starts in the sealed chunk, and the chunk's whole length. In the signed target. */
export const PART_OFFSET = 'offset';
export const PART_LENGTH = 'length';

export const evidencePaths = {
  file: (referralId: string, id: string) => `/api/v1/referrals/${referralId}/files/${id}`,
  chunk: (referralId: string, id: string, index: number) => `/api/v1/referrals/${referralId}/files/${id}/chunks/${index}`,
};

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 in hex'));

/**
 * What the server holds of one file (GET …/files/:fileId). `partial` only when asked with `?parts=1`
 * (a device that sends parts; older devices never see it): the chunks begun in parts and not yet
 * complete, with how many of their bytes the server has, so the device sends only the rest.
 */
export const heldChunksSchema = z.strictObject({
  fileId: z.string(),
  chunks: z.array(z.strictObject({ index: z.int(), sha256: hex64 })),
  partial: z.optional(z.array(z.strictObject({ index: z.int(), sha256: hex64, bytes: z.int() }))),
});
export type HeldChunks = z.infer<typeof heldChunksSchema>;
