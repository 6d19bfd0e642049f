/**
 * Structured reasons a decision maker records beside their own words, after the statutory guidance's
 * tests (reasonable grounds: "suspect but cannot prove"; conclusive grounds: balance of probabilities).
 * Codes are stable (figures count them); the labels are what the caseworker reads.
 */
export const positiveReasons = {
  'elements-met': 'The elements of the definition are met (action, means for an adult, and purpose)',
  'credible-account': 'The account is credible, with the effects of trauma taken into account',
  indicators: 'Indicators of modern slavery are present',
  corroboration: 'Other evidence supports the account (first responder, expert or official reports)',
} as const;

export const negativeReasons = {
  'elements-not-met': 'An element of the definition is not met',
  'not-credible': 'Material parts of the account are not credible, with the effects of trauma taken into account',
  'no-indicators': 'No indicators of modern slavery',
  'information-insufficient': 'Not enough information, after more was asked for',
  'other-explanation': 'The circumstances are better explained otherwise (for example poor working conditions short of forced labour)',
} as const;

export type PositiveReason = keyof typeof positiveReasons;
export type NegativeReason = keyof typeof negativeReasons;
export const reasonCodes = [...Object.keys(positiveReasons), ...Object.keys(negativeReasons)] as (PositiveReason | NegativeReason)[];

export const reasonLabels: Record<PositiveReason | NegativeReason, string> = { ...positiveReasons, ...negativeReasons };

export const reconsiderationGrounds = {
  'new-evidence': 'New evidence',
  'guidance-not-followed': 'The guidance was not followed',
} as const;
export type ReconsiderationGround = keyof typeof reconsiderationGrounds;
