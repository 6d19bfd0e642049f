import { z } from 'zod/mini';

/**
 * The referral as version 2 of the app sent it (age and one account, sealed). Frozen: devices may
 * still hold version 2 referrals queued before an update, and they are delivered as written.
 */
const account = z.string().check(z.trim(), z.minLength(1, 'Describe what happened to the person'), z.maxLength(15_000, 'The account must be 15,000 characters or fewer'));

export const referralV2Schema = z.discriminatedUnion(
  'path',
  [
    z.strictObject({ path: z.literal('child'), ageGroup: z.enum(['child', 'not-sure']), account }),
    z.strictObject({ path: z.literal('adult-nrm'), ageGroup: z.literal('adult'), account }),
  ],
  'Select whether the person is under 18, 18 or over, or you are not sure',
);
export type ReferralV2 = z.infer<typeof referralV2Schema>;
