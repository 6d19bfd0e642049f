import { z } from 'zod/mini';
import { canonicalUuidV7 } from './ids.ts';
import { sealedEnvelopeSchema } from './protocol.ts';

/**
 * An addition as the device sends it (src/shared/additions.ts says what additions are). Apart from
 * additions.ts so that the field app's first load, which only sends additions, does not carry it.
 */
export const additionSubmissionSchema = z.strictObject({
  id: canonicalUuidV7('The addition id must be a UUIDv7 made on the device', 'The addition id must be written in lower case'),
  submittedAt: z.iso.datetime({ offset: true, error: 'submittedAt must be an ISO 8601 date and time' }),
  /**
   * `evidence`, when the addition brings files (new evidence for a reconsideration): their manifest and
   * keys, sealed to the same key and bound to the addition (additionEvidenceAad in src/shared/evidence.ts).
   */
  envelope: sealedEnvelopeSchema,
});
export type AdditionSubmission = z.infer<typeof additionSubmissionSchema>;
