import { z } from 'zod/mini';

/** Bumped whenever the shape of a sent referral changes; the server accepts this and the one before. */
export const SCHEMA_VERSION = 1;

export const NARRATIVE_MAX = 15_000;
export const CASE_LABEL_MAX = 60;

export const ageGroups = ['child', 'adult', 'not-sure'] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** The path a referral takes. Under 18 or not sure is treated as a child until a council assesses age. */
export type ReferralPath = 'child' | 'adult-nrm';

export function pathFor(ageGroup: AgeGroup): ReferralPath {
  return ageGroup === 'adult' ? 'adult-nrm' : 'child';
}

function requiredText(max: number, missing: string, tooLong: string) {
  return z.string(missing).check(z.trim(), z.minLength(1, missing), z.maxLength(max, tooLong));
}

export const ageGroupSchema = z.enum(
  ageGroups,
  'Select whether the person is under 18, 18 or over, or you are not sure',
);

export const accountSchema = requiredText(
  NARRATIVE_MAX,
  'Describe what happened to the person, in their words where you can',
  `The account must be ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer — move the rest to another answer`,
);

/** What is sent to the decision unit. The responder's own case label is never part of it. */
export const referralSchema = z.strictObject({
  ageGroup: ageGroupSchema,
  account: accountSchema,
});
export type Referral = z.infer<typeof referralSchema>;

/**
 * The responder's own label for a referral. It stays on the device: it names drafts and receipts
 * so that nobody has to show the person's name on screen.
 */
export const caseLabelSchema = requiredText(
  CASE_LABEL_MAX,
  'Enter your own case reference, for example your notebook or crime reference',
  `Your case reference must be ${CASE_LABEL_MAX} characters or fewer`,
);
