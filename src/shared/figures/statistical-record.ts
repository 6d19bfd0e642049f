import { z } from 'zod';

/**
 * The statistical record: what the figures are counted from, derived once at intake and kept in the
 * clear beside the sealed referral. Every value comes from a closed list or a reference list, so it
 * cannot carry a name, a date of birth, contact details, an address or anything written in free text.
 */

export const ageAtExploitationValues = ['adult', 'child', 'not-specified'] as const;
export type AgeAtExploitation = (typeof ageAtExploitationValues)[number];
/** The labels of the first responder tables; the longitudinal tables say "Age not specified or unknown" (see `longAgeLabels`). */
export const ageLabels: Record<AgeAtExploitation, string> = {
  adult: 'Adult (18 or over)',
  child: 'Child (17 or under)',
  'not-specified': 'Not specified or unknown',
};
export const longAgeLabels: Record<AgeAtExploitation, string> = { ...ageLabels, 'not-specified': 'Age not specified or unknown' };

export const genderValues = ['female', 'male', 'other'] as const;
export type Gender = (typeof genderValues)[number];
export const genderLabels: Record<Gender, string> = { female: 'Female', male: 'Male', other: 'Other' };

export const locationValues = ['uk', 'overseas', 'uk-and-overseas', 'not-specified'] as const;
export type LocationOfExploitation = (typeof locationValues)[number];
export const locationLabels: Record<LocationOfExploitation, string> = {
  uk: 'UK',
  overseas: 'Overseas',
  'uk-and-overseas': 'UK and Overseas',
  'not-specified': 'Not specified or unknown',
};

export const responderTypeValues = ['police', 'local-authority', 'government-agency', 'ngo'] as const;
export type ResponderType = (typeof responderTypeValues)[number];
export const responderTypeLabels: Record<ResponderType, string> = {
  police: 'Police',
  'local-authority': 'Local Authority',
  'government-agency': 'Government agency',
  ngo: 'NGO and third sector',
};

/** The five types of the statistics, in the order the publication names them within a combination. */
export const exploitationTypes = ['Sexual', 'Labour', 'Domestic', 'Organ Harvesting', 'Criminal'] as const;
export type ExploitationType = (typeof exploitationTypes)[number];
export const NOT_SPECIFIED = 'Not specified or unknown';

export const schemeValues = ['nrm', 'dtn'] as const;
export type Scheme = (typeof schemeValues)[number];

export const outcomeValues = ['positive', 'negative'] as const;
export type DecisionOutcome = (typeof outcomeValues)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is YYYY-MM-DD');
/** Labels from the reference lists and the publication: short, one line, no digits that could be a phone number or a date. */
const listLabel = z.string().min(1).max(120).regex(/^[^\d\n@]*$/, 'A list label holds no digits, line breaks or @');

export const statisticalRecordSchema = z.strictObject({
  /** The referral's id (a synthetic one for records imported from the published tables). */
  id: z.string().min(1).max(64),
  scheme: z.enum(schemeValues),
  /** UK day received, and its quarter (2022-Q4). */
  receivedOn: day,
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  ageAtExploitation: z.enum(ageAtExploitationValues),
  gender: z.enum(genderValues),
  /** As the publication writes it: "Albanian", "Albanian UK" for two nationalities, "Unknown". */
  nationality: listLabel,
  /** One category per person: "Labour", "Sexual, Labour & Domestic", "Not specified or unknown". */
  exploitationCategory: listLabel,
  location: z.enum(locationValues),
  /** English region or nation of the police force area; null when not known or outside the UK. */
  ukRegion: listLabel.nullable(),
  policeForceArea: listLabel.nullable(),
  responderType: z.enum(responderTypeValues),
  responderOrganisation: listLabel,
  rgOutcome: z.enum(outcomeValues).nullable(),
  rgOn: day.nullable(),
  rgDays: z.number().int().nonnegative().nullable(),
  cgOutcome: z.enum(outcomeValues).nullable(),
  cgOn: day.nullable(),
  cgDays: z.number().int().nonnegative().nullable(),
  reconsiderations: z.number().int().nonnegative(),
  /** Withdrawn from the NRM (consent withdrawn); no decision is then expected. */
  withdrawn: z.boolean(),
  /** Marked as county lines by the decision maker (the form has no question for it); false until then. */
  countyLines: z.boolean(),
  /** The encounter (a raid, a visit) it was made at, to count the people referred together: an id, naming nobody. None for an anonymous Duty to Notify report, or a record imported from the publication. */
  encounterId: z.uuid().nullable().optional(),
  /** UK towns and cities where it happened, as chosen from the reference list, to count how often a place recurs. */
  places: z.array(listLabel).max(10).optional(),
});
export type StatisticalRecord = z.infer<typeof statisticalRecordSchema>;

/** The columns of the stored record, as the database names them: the integration test checks every one. */
export const statisticalColumns = [
  'referral_id',
  'scheme',
  'received_on',
  'quarter',
  'age_at_exploitation',
  'gender',
  'nationality',
  'exploitation_category',
  'location',
  'uk_region',
  'police_force_area',
  'responder_type',
  'responder_organisation',
  'rg_outcome',
  'rg_on',
  'rg_days',
  'cg_outcome',
  'cg_on',
  'cg_days',
  'rg_quarter',
  'cg_quarter',
  'reconsiderations',
  'withdrawn',
  'county_lines',
  'encounter_id',
  'encounter_size',
  'derivation',
] as const;
