import { z } from 'zod/mini';
import { evidenceTypes } from '../evidence-limits.ts';

/**
 * The evidence files of a case as a case reader sees them listed (GET API_PATHS.caseFiles): what the
 * sealed manifest says of each, never its key or hashes. Each downloads from API_PATHS.caseFile.
 */
export const caseFileSchema = z.strictObject({
  fileId: z.string(),
  name: z.string(),
  type: z.enum(evidenceTypes),
  /** Plaintext bytes: the Content-Length of its download. */
  size: z.int(),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export const caseFilesResponseSchema = z.strictObject({ files: z.array(caseFileSchema) });
export type CaseFilesResponse = z.infer<typeof caseFilesResponseSchema>;
