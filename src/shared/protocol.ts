import { z } from 'zod/mini';
import { progressSchema } from './casework/progress.ts';
import { canonicalUuidV7 } from './ids.ts';
import { REFERENCE_PATTERN } from './reference-number.ts';
import { PREVIOUS_SCHEMA_VERSION, SCHEMA_VERSION } from './schema-version.ts';
import { ID_TOO_EARLY, idIsAfterEarliest, isAfterEarliest, SUBMITTED_TOO_EARLY } from './submission-time.ts';

export const API_BASE = '/api/v1';
export const API_PATHS = {
  referrals: `${API_BASE}/referrals`,
  health: `${API_BASE}/health`,
  receipts: `${API_BASE}/receipts`,
  intakeKey: `${API_BASE}/intake-key`,
  devicePolicy: `${API_BASE}/device-policy`,
  setup: `${API_BASE}/setup`,
  password: `${API_BASE}/password`,
  session: `${API_BASE}/session`,
  devices: `${API_BASE}/devices`,
  device: `${API_BASE}/devices/:id`,
  case: `${API_BASE}/cases/:id`,
  caseFiles: `${API_BASE}/cases/:id/files`,
  caseFile: `${API_BASE}/cases/:id/files/:fileId`,
  evidenceFile: `${API_BASE}/referrals/:id/files/:fileId`,
  evidenceChunk: `${API_BASE}/referrals/:id/files/:fileId/chunks/:index`,
  reference: `${API_BASE}/reference/:list`,
} as const;

/** Largest request body the server reads for one referral (narratives dominate its size). */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

const ENVELOPE_MESSAGE = 'The referral body is missing or in a format this server does not know';

const base64url = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'Expected base64url'));

/** A referral sealed to the server's intake key (see sealing.ts); only the server can open it. */
export const sealedEnvelopeSchema = z.strictObject({
  format: z.literal('hpke'),
  keyId: z.string().check(z.minLength(1), z.maxLength(64)),
  enc: base64url,
  ct: base64url,
  /** The evidence manifest and file keys (src/shared/evidence.ts), sealed to the same key; only when files are attached. */
  evidence: z.optional(z.strictObject({ enc: base64url, ct: base64url })),
});

/** A referral id: a UUIDv7 made on the device when the draft is created, in lower case; the idempotency key. */
export const referralIdSchema = canonicalUuidV7('The referral id must be a UUIDv7 made on the device', 'The referral id must be written in lower case, as the app makes it');

/** The server also refuses times more than a day ahead of its clock (submission-time.ts). */
const submissionFields = {
  id: referralIdSchema.check(z.refine(idIsAfterEarliest, ID_TOO_EARLY)),
  submittedAt: z.iso.datetime({ offset: true, error: 'submittedAt must be an ISO 8601 date and time' }).check(z.refine(isAfterEarliest, SUBMITTED_TOO_EARLY)),
};

export const currentSubmissionSchema = z.strictObject({
  ...submissionFields,
  schemaVersion: z.literal(SCHEMA_VERSION),
  envelope: z.discriminatedUnion('format', [sealedEnvelopeSchema], ENVELOPE_MESSAGE),
});
export type CurrentSubmission = z.infer<typeof currentSubmissionSchema>;

export { PREVIOUS_SCHEMA_VERSION };

/** The version before, sealed the same way. */
const previousSubmissionSchema = z.strictObject({
  ...submissionFields,
  schemaVersion: z.literal(PREVIOUS_SCHEMA_VERSION),
  envelope: z.discriminatedUnion('format', [sealedEnvelopeSchema], ENVELOPE_MESSAGE),
});

/**
 * What the server accepts: the current version and the one before it, so that referrals queued on a
 * device before an app update are still delivered as they were written.
 */
export const submissionSchema = z.discriminatedUnion(
  'schemaVersion',
  [currentSubmissionSchema, previousSubmissionSchema],
  'This version of the referral form is no longer accepted: update the app and send the referral again',
);
export type Submission = z.infer<typeof submissionSchema>;

export const intakeKeyResponseSchema = z.strictObject({
  keyId: z.string(),
  suite: z.string(),
  publicKey: base64url,
});
export type IntakeKeyResponse = z.infer<typeof intakeKeyResponseSchema>;

/**
 * Whether this server takes referrals only from enrolled devices (every deployment), or also unsigned
 * from its own machine (a try-out): the field app's first run asks to sign the device in only when it must.
 * Not strict, so a later field does not break apps already on phones.
 */
export const devicePolicySchema = z.object({ enrolment: z.enum(['required', 'not-required-from-this-machine']) });
export type DevicePolicy = z.infer<typeof devicePolicySchema>;

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
  /** Where the decision unit has got to; absent from servers before casework. */
  progress: z.optional(progressSchema),
  /**
   * While more information is asked for: the caseworker's question, told only to the device that sent
   * the referral (a signed request). The console tells caseworkers not to write identifying details in it.
   */
  question: z.optional(z.string().check(z.maxLength(5000))),
});
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const statusesQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true, error: 'since must be an ISO 8601 date and time' }),
  id: z.array(canonicalUuidV7('Each id must be a referral id (UUIDv7)', 'Each id must be written in lower case')).check(
    z.minLength(1, 'Name at least one referral id'),
    z.maxLength(MAX_STATUS_IDS, `Ask about at most ${MAX_STATUS_IDS} referrals at once`),
  ),
});

export const statusesResponseSchema = z.strictObject({ statuses: z.array(referralStatusSchema) });
export type StatusesResponse = z.infer<typeof statusesResponseSchema>;

/** Stable, kebab-case codes: clients branch on these, never on the wording. */
export const problemCodes = [
  'invalid-referral',
  'id-conflict',
  'payload-too-large',
  'unsupported-media-type',
  'unreadable-envelope',
  'bad-request',
  'not-found',
  'rate-limited',
  'unavailable',
  'internal',
  'signed-out',
  'forbidden',
  'sign-in-failed',
  'token-invalid',
  'setup-done',
  'account-exists',
  'invalid-device-key',
  'device-key-taken',
  'device-signature-required',
  'device-signature-invalid',
  'device-clock-skew',
  'device-signature-replayed',
  'device-unknown',
  'device-revoked',
  /** 429: this device sent more than its deployment allows (referrals an hour, evidence not yet claimed); the title says which. */
  'device-quota-exceeded',
  /** The owner's password was reset or account disabled: the device sends again once they sign in again on it. */
  'device-needs-sign-in',
  /** Sign-in: the password is right but an administrator disabled the account. */
  'account-disabled',
  'files-incomplete',
  'chunk-hash-mismatch',
  /** Casework: the rules refused the action (the reason is in `detail`). */
  'action-refused',
  /** Casework: the case changed since it was loaded (the body carries `current` and `since`). */
  'case-changed',
  /** The request did not arrive in time (a stalled or very slow connection): send it again. */
  'request-timeout',
  /** Too many sign-ins are being checked at once: try again after Retry-After. */
  'server-busy',
  /** A state-changing request from another site (Origin / Sec-Fetch-Site): refused. */
  'cross-site-request',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * RFC 9457 problem details, with our code and, for 422, the fields at fault. Loose: a route may add
 * members of its own (a casework 409 carries the case as it stands now), and a client keeps them.
 */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.enum(problemCodes),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(fieldErrorSchema)),
});
export type Problem = z.infer<typeof problemSchema>;
