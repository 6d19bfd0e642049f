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
 * A Duty to Notify report without co-operation must not point at the person: a family link to a named
 * referral would say who they are, so only the encounter travels with it.
 */
export const anonymousLinksSchema = z.strictObject(
  { encounterId: linksSchema.shape.encounterId },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'A Duty to Notify report without co-operation cannot be linked to family members' : undefined) },
);

/**
 * Puts the links on a referral as its path allows: a Duty to Notify report without co-operation
 * keeps the encounter only (see anonymousLinksSchema). Without links the referral is unchanged.
 */
export function withLinks(referral: unknown, links: ReferralLinks | undefined): unknown {
  if (!links || typeof referral !== 'object' || referral === null) return referral;
  const { path, cooperation } = referral as { path?: unknown; cooperation?: unknown };
  const anonymous = path === 'dtn' && cooperation !== 'yes';
  const kept: ReferralLinks = anonymous || !links.family?.length ? { encounterId: links.encounterId } : links;
  return { ...referral, links: kept };
}
