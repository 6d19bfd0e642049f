import { isAnonymousReport } from '../anonymous-report.ts';
import { many, single, type Answers } from '../form/model.ts';
import type { ReferralLinks } from '../links.ts';

/**
 * What the figures count of encounters and places (issue 15: "how many people were referred together,
 * how often one place recurs across referrals — counts only, never who").
 */

/** The encounter a referral was made at, for counting the people referred together; none for an anonymous Duty to Notify report, whose encounter would tie it to the named referrals of the same raid. */
export function encounterOf(links: ReferralLinks | undefined, answers: Answers): string | null {
  if (!links || isAnonymousReport(answers)) return null;
  return links.encounterId;
}

/** The town the reference list offers when nobody knows. */
const UNKNOWN_TOWN = 'Unknown';

/**
 * The UK towns and cities where it happened, as chosen from the reference list (never a street or
 * anything typed): each once, "Unknown" left out, none when it happened only overseas.
 */
export function placesOf(answers: Answers): string[] {
  if (single(answers, 'whereExploited') === 'overseas') return [];
  return [...new Set(many(answers, 'ukTowns'))].filter((town) => town !== UNKNOWN_TOWN);
}

export interface Band {
  key: string;
  label: string;
  /** The smallest count in the band; the band runs to the next one's. */
  from: number;
}

/** How many people were referred at one encounter. */
export const encounterSizeBands: readonly Band[] = [
  { key: '1', label: '1 (referred alone)', from: 1 },
  { key: '2', label: '2', from: 2 },
  { key: '3-5', label: '3 to 5', from: 3 },
  { key: '6-or-more', label: '6 or more', from: 6 },
];

/** How many referrals name one place. */
export const placeRecurrenceBands: readonly Band[] = [
  { key: '1', label: 'Named in 1 referral', from: 1 },
  { key: '2-4', label: 'Named in 2 to 4 referrals', from: 2 },
  { key: '5-or-more', label: 'Named in 5 or more referrals', from: 5 },
];

/** The band a count falls in, or undefined below the first. */
export function bandOf(bands: readonly Band[], count: number): Band | undefined {
  return [...bands].reverse().find((band) => count >= band.from);
}
