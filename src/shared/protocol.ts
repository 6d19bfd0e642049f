import { z } from 'zod/mini';
import { REFERENCE_PATTERN } from './reference-number.ts';
import { SCHEMA_VERSION, referralSchema, type Referral } from './referral.ts';
import { referralV1Schema } from './versions/v1.ts';

export const API_BASE = '/api/v1';
export const API_PATHS = {
  referrals: `${API_BASE}/referrals`,
  health: `${API_BASE}/health`,
  receipts: `${API_BASE}/receipts`,
} as const;

/** Largest request body the server reads for one referral (narratives dominate its size). */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

const ENVELOPE_MESSAGE = 'The referral body is missing or in a format this server does not know';

function submissionOf<V extends number, R extends z.ZodMiniType>(version: V, referral: R) {
  return z.strictObject({
    id: z.uuidv7('The referral id must be a UUIDv7 made on the device'),
    schemaVersion: z.literal(version),
    submittedAt: z.iso.datetime({ offset: true, error: 'submittedAt must be an ISO 8601 date and time' }),
    envelope: z.discriminatedUnion('format', [z.strictObject({ format: z.literal('plain'), referral })], ENVELOPE_MESSAGE),
  });
}

export const currentSubmissionSchema = submissionOf(SCHEMA_VERSION, referralSchema);
export type CurrentSubmission = z.infer<typeof currentSubmissionSchema>;

/**
 * What the server accepts: the current version and the one before it, so that referrals queued on a
 * device before an app update are still delivered as they were written.
 */
export const submissionSchema = z.discriminatedUnion(
  'schemaVersion',
  [currentSubmissionSchema, submissionOf(1, referralV1Schema)],
  'This version of the referral form is no longer accepted: update the app and send the referral again',
);
export type Submission = z.infer<typeof submissionSchema>;
export const ACCEPTED_SCHEMA_VERSIONS = [SCHEMA_VERSION, 1] as const;

/** Reads an accepted submission's referral as the current version (for indexing, never to rewrite what was sent). */
export function currentReferralOf(submission: Submission): Referral {
  if (submission.schemaVersion === SCHEMA_VERSION) return submission.envelope.referral;
  const { ageGroup, account } = submission.envelope.referral;
  return ageGroup === 'adult' ? { path: 'adult-nrm', ageGroup, account } : { path: 'child', ageGroup, account };
}

export const receiptSchema = z.strictObject({
  id: z.string(),
  reference: z.string().check(z.regex(REFERENCE_PATTERN)),
  receivedAt: z.iso.datetime({ offset: true }),
  digest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** Most referrals a device may ask about in one receipts request (they travel in the query string). */
export const MAX_STATUS_IDS = 100;

/** What a device may learn about its own referral after delivery: no personal data. */
export const referralStatusSchema = z.strictObject({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  statusChangedAt: z.string(),
});
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const statusesQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true, error: 'since must be an ISO 8601 date and time' }),
  id: z.array(z.uuidv7('Each id must be a referral id (UUIDv7)')).check(
    z.minLength(1, 'Name at least one referral id'),
    z.maxLength(MAX_STATUS_IDS, `Ask about at most ${MAX_STATUS_IDS} referrals at once`),
  ),
});

export const statusesResponseSchema = z.strictObject({ statuses: z.array(referralStatusSchema) });

/** Stable, kebab-case codes: clients branch on these, never on the wording. */
export const problemCodes = [
  'invalid-referral',
  'id-conflict',
  'payload-too-large',
  'unsupported-media-type',
  'bad-request',
  'not-found',
  'rate-limited',
  'unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, with our code and, for 422, the fields at fault. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.enum(problemCodes),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(fieldErrorSchema)),
});
export type Problem = z.infer<typeof problemSchema>;
