import { z } from 'zod/mini';
import { accountSchema, ageGroupSchema } from '../referral.ts';

/**
 * Schema version 1 of the referral, frozen: devices may still hold queued referrals of this shape
 * after an update, and the server accepts the version before the current one.
 */
export const referralV1Schema = z.strictObject({
  ageGroup: ageGroupSchema,
  account: accountSchema,
});
export type ReferralV1 = z.infer<typeof referralV1Schema>;
