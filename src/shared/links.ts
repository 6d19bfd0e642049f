import { z } from 'zod/mini';

/** How many family members one referral may name: more than any real family, few enough to check. */
export const MAX_FAMILY_LINKS = 20;

const referralId = z.uuid('A linked referral must be named by its id');

/**
 * Links a referral to the others taken at the same encounter (a raid, a visit) and to family members,
 * so the decision unit can consider the people together. Ids only: nothing here names anyone.
 */
export const linksSchema = z.strictObject({
  encounterId: z.uuid('The encounter must be named by its id'),
  family: z.optional(z.array(referralId).check(z.maxLength(MAX_FAMILY_LINKS, `Link no more than ${MAX_FAMILY_LINKS} family members`))),
});
export type ReferralLinks = z.infer<typeof linksSchema>;

/**
 * What a server still takes from apps of before: a Duty to Notify report without co-operation that
 * names its encounter and nothing else. Such a report is counted in its encounter's tally on the device
 * only; the server keeps no link from it (src/server/services/intake.ts), and apps now send none.
 */
export const anonymousLinksSchema = z.strictObject(
  { encounterId: linksSchema.shape.encounterId },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'A Duty to Notify report without co-operation cannot be linked to family members' : undefined) },
);

/**
 * Puts the links on a referral as its path allows. A Duty to Notify report without co-operation gets
 * none: even the encounter's id would tie it to the named referrals of the same raid.
 */
export function withLinks(referral: unknown, links: ReferralLinks | undefined): unknown {
  if (!links || typeof referral !== 'object' || referral === null) return referral;
  const { path, cooperation } = referral as { path?: unknown; cooperation?: unknown };
  if (path === 'dtn' && cooperation !== 'yes') return referral;
  return { ...referral, links: links.family?.length ? links : { encounterId: links.encounterId } };
}
