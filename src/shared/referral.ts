import { z } from 'zod/mini';

/** Bumped whenever the shape of a sent referral changes; the server accepts this and the one before. */
export const SCHEMA_VERSION = 2;

export const NARRATIVE_MAX = 15_000;
export const CASE_LABEL_MAX = 60;

export const ageGroups = ['child', 'adult', 'not-sure'] as const;
export type AgeGroup = (typeof ageGroups)[number];

export const referralPaths = ['child', 'adult-nrm'] as const;
/** The path a referral takes. Under 18 or not sure is treated as a child until a council assesses age. */
export type ReferralPath = (typeof referralPaths)[number];

export function pathFor(ageGroup: AgeGroup): ReferralPath {
  return ageGroup === 'adult' ? 'adult-nrm' : 'child';
}

function requiredText(max: number, missing: string, tooLong: string) {
  return z.string(missing).check(z.trim(), z.minLength(1, missing), z.maxLength(max, tooLong));
}

export const ageGroupSchema = z.enum(ageGroups, 'Select whether the person is under 18, 18 or over, or you are not sure');

export const accountSchema = requiredText(
  NARRATIVE_MAX,
  'Describe what happened to the person, in their words where you can',
  `The account must be ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer — move the rest to another answer`,
);

const AGE_MESSAGE = 'Select whether the person is under 18, 18 or over, or you are not sure';

/**
 * What is sent to the decision unit, one shape per path so that the schema itself enforces each
 * path's rules. The responder's own case label is never part of it.
 */
export const referralSchema = z.discriminatedUnion(
  'path',
  [
    z.strictObject({
      path: z.literal('child'),
      ageGroup: z.enum(['child', 'not-sure'], 'A child referral is for someone under 18 or whose age is not known'),
      account: accountSchema,
    }),
    z.strictObject({
      path: z.literal('adult-nrm'),
      ageGroup: z.literal('adult', 'An adult referral is for someone 18 or over'),
      account: accountSchema,
    }),
  ],
  AGE_MESSAGE,
);
export type Referral = z.infer<typeof referralSchema>;

/** The answers a draft collects before the path is known: every field of every path, all optional. */
export interface ReferralAnswers {
  ageGroup?: AgeGroup;
  account?: string;
}

/** Puts the answers on the path they decide; the schema then checks what that path needs. */
export function referralFromAnswers(answers: ReferralAnswers): unknown {
  return answers.ageGroup ? { path: pathFor(answers.ageGroup), ...answers } : { ...answers };
}

/**
 * The responder's own label for a referral. It stays on the device: it names drafts and receipts
 * so that nobody has to show the person's name on screen.
 */
export const caseLabelSchema = requiredText(
  CASE_LABEL_MAX,
  'Enter your own case reference, for example your notebook or crime reference',
  `Your case reference must be ${CASE_LABEL_MAX} characters or fewer`,
);
