import { z } from 'zod/mini';
import { REFERENCE_PATTERN } from './reference-number.ts';
import { SCHEMA_VERSION, referralSchema } from './referral.ts';

export const API_BASE = '/api/v1';
export const API_PATHS = {
  referrals: `${API_BASE}/referrals`,
  health: `${API_BASE}/health`,
} as const;

/** Largest request body the server reads for one referral (narratives dominate its size). */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** Versions the server accepts: the current one and the one before it. */
export const ACCEPTED_SCHEMA_VERSIONS = [SCHEMA_VERSION] as const;

export const envelopeSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('plain'), referral: referralSchema }),
], 'The referral body is missing or in a format this server does not know');
export type Envelope = z.infer<typeof envelopeSchema>;

export const submissionSchema = z.strictObject({
  id: z.uuidv7('The referral id must be a UUIDv7 made on the device'),
  schemaVersion: z.literal(ACCEPTED_SCHEMA_VERSIONS, 'This version of the referral form is no longer accepted: update the app'),
  submittedAt: z.iso.datetime({ offset: true, error: 'submittedAt must be an ISO 8601 date and time' }),
  envelope: envelopeSchema,
});
export type Submission = z.infer<typeof submissionSchema>;

export const receiptSchema = z.strictObject({
  id: z.string(),
  reference: z.string().check(z.regex(REFERENCE_PATTERN)),
  receivedAt: z.iso.datetime({ offset: true }),
  digest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Receipt = z.infer<typeof receiptSchema>;

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
