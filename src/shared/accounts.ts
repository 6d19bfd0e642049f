import { z } from 'zod/mini';

/**
 * Who does what: responders send referrals from enrolled devices; caseworkers decide cases and
 * reviewers (senior decision makers) check negative decisions and assign work; panel members
 * independently review negative conclusive grounds decisions; analysts see only aggregates; admins
 * manage accounts and devices but never read case content.
 */
export const roles = ['responder', 'caseworker', 'reviewer', 'panel', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Long passphrases beat complex short ones; the upper bound only keeps hashing cheap to refuse. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const DEVICE_LABEL_MAX = 60;

/**
 * Control characters, line and paragraph separators, and the marks that reverse or isolate the
 * direction of text: in a device's name they would move a terminal's cursor or make a listing read as
 * something else (`npm run admin -- list-devices`, the console), so names cannot hold them.
 */
export const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** One address is one account however it is typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const email = z.email('Enter an email address, like name@example.org').check(z.maxLength(254, 'Enter an email address of 254 characters or fewer'));
const newPassword = z
  .string('Enter a password')
  .check(
    z.minLength(PASSWORD_MIN_LENGTH, `Choose a password of ${PASSWORD_MIN_LENGTH} characters or more — a few unrelated words work well`),
    z.maxLength(PASSWORD_MAX_LENGTH, `Choose a password of ${PASSWORD_MAX_LENGTH} characters or fewer`),
  );
const token = z.string('The code is missing').check(z.regex(/^[A-Za-z0-9_-]{20,100}$/, 'The code is not one this service gives out'));

export const signInRequestSchema = z.strictObject({
  email,
  password: z.string('Enter your password').check(z.minLength(1, 'Enter your password'), z.maxLength(PASSWORD_MAX_LENGTH, 'Enter your password')),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** The first administrator, with the one-time code the server printed on its first start. */
export const setupRequestSchema = z.strictObject({ token, email, password: newPassword });
export type SetupRequest = z.infer<typeof setupRequestSchema>;

/** A password chosen with the one-time code an administrator gave out (new account or reset). */
export const setPasswordRequestSchema = z.strictObject({ token, password: newPassword });
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

export const signedInUserSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisation: z.strictObject({ id: z.string(), name: z.string() }),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const sessionResponseSchema = z.strictObject({
  user: signedInUserSchema,
  /** The session ends at the earlier of these: 30 minutes without use, or 12 hours after sign-in. */
  idleExpiresAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /**
   * Only in the answer to a sign-in, and only if someone failed to sign in as this account since its
   * previous sign-in (or ever, before the first): how often, and since when. The console tells the person.
   */
  failedSignIns: z.optional(z.strictObject({ count: z.int().check(z.positive()), since: z.iso.datetime() })),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** A P-256 public key as WebCrypto exports it: a JWK, or SPKI bytes in base64url. */
export const devicePublicKeySchema = z.union([
  z.string().check(z.regex(/^[A-Za-z0-9_-]{80,200}$/, 'Expected an SPKI public key in base64url')),
  z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
]);

export const enrolDeviceRequestSchema = z.strictObject({
  publicKey: devicePublicKeySchema,
  label: z
    .string('Name this device')
    .check(
      z.trim(),
      z.minLength(1, 'Name this device'),
      z.maxLength(DEVICE_LABEL_MAX, `Use ${DEVICE_LABEL_MAX} characters or fewer`),
      z.refine((label) => !UNPRINTABLE.test(label), 'Name the device without control characters or text-direction marks: type the name again'),
    ),
});
export type EnrolDeviceRequest = z.infer<typeof enrolDeviceRequestSchema>;

export const enrolDeviceResponseSchema = z.strictObject({ deviceId: z.string(), enrolledAt: z.iso.datetime() });
export type EnrolDeviceResponse = z.infer<typeof enrolDeviceResponseSchema>;

export const deviceSummarySchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  userId: z.string(),
  enrolledAt: z.string(),
  revokedAt: z.nullable(z.string()),
  lastSeenAt: z.nullable(z.string()),
  /** Since its owner's password was reset or account disabled; it sends again once they sign in again on it. */
  suspendedAt: z.optional(z.nullable(z.string())),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
export const devicesResponseSchema = z.strictObject({ devices: z.array(deviceSummarySchema) });
