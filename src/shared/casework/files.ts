import { z } from 'zod/mini';
import { evidenceTypes } from '../evidence-limits.ts';
import { responderActionTypes } from './responder-actions.ts';

/**
 * The evidence files of a case as a case reader sees them listed (GET API_PATHS.caseFiles): what the
 * sealed manifest says of each, never its key or hashes; the referral's own files first, then
 * those its additions brought, oldest first. Each downloads from API_PATHS.caseFile.
 */
export const caseFileSchema = z.strictObject({
  fileId: z.string(),
  name: z.string(),
  type: z.enum(evidenceTypes),
  /** Plaintext bytes: the Content-Length of its download. */
  size: z.int(),
  /** When the responder sent it later, with an addition (new evidence for a reconsideration): which, and when it arrived. */
  addedWith: z.optional(z.strictObject({ kind: z.enum(responderActionTypes), receivedAt: z.iso.datetime({ offset: true }) })),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export const caseFilesResponseSchema = z.strictObject({ files: z.array(caseFileSchema) });
export type CaseFilesResponse = z.infer<typeof caseFilesResponseSchema>;
