import { dayOf } from '../casework/uk-day.ts';
import type { Answers } from '../form/model.ts';
import type { ReferralPath } from '../form/model.ts';
import type { ReferralLinks } from '../links.ts';
import { encounterOf, placesOf } from './encounters-and-places.ts';
import { quarterOf } from './periods.ts';
import { isPoliceForceArea, regionOf, responderTypeOf } from './responders-and-places.ts';
import {
  exploitationTypes,
  NOT_SPECIFIED,
  type AgeAtExploitation,
  type ExploitationType,
  type Gender,
  type LocationOfExploitation,
  type StatisticalRecord,
} from './statistical-record.ts';

/** Which statistics type each tick of "What were they made to do?" counts as; "Something else" counts as none. */
const typeOfTick: Readonly<Record<string, ExploitationType>> = {
  'forced-to-work': 'Labour',
  'wages-taken': 'Labour',
  'forced-to-commit-fraud': 'Labour',
  prostitution: 'Sexual',
  'child-exploitation': 'Sexual',
  'taken-somewhere': 'Sexual',
  'forced-to-commit-crime': 'Criminal',
  'organs-removed': 'Organ Harvesting',
  'unpaid-household-work': 'Domestic',
};

/** "Labour", "Labour & Criminal", "Sexual, Labour & Domestic": the publication's one category per person. */
export function exploitationCategoryOf(ticks: readonly string[]): string {
  const types = exploitationTypes.filter((type) => ticks.some((tick) => typeOfTick[tick] === type));
  if (types.length === 0) return NOT_SPECIFIED;
  if (types.length === 1) return types[0]!;
  return `${types.slice(0, -1).join(', ')} & ${types.at(-1)!}`;
}

const one = (answers: Answers, name: string): string | undefined => {
  const value = answers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Under 18 now, or an adult who was a child while exploited, counts as a child; "not sure" as not specified. */
export function ageAtExploitationOf(path: ReferralPath, answers: Answers, ageNotSure: boolean): AgeAtExploitation {
  const underAge = one(answers, 'underAge');
  if (underAge === 'yes') return 'child';
  if (underAge === 'not-sure') return 'not-specified';
  if (underAge === 'no') {
    const childAtTime = one(answers, 'childAtTime');
    return childAtTime === 'yes' ? 'child' : childAtTime === 'no' ? 'adult' : 'not-specified';
  }
  // A referral of the previous version holds only its path and age group.
  if (path === 'adult-nrm') return 'adult';
  return ageNotSure ? 'not-specified' : 'child';
}

function genderOf(answers: Answers): Gender {
  const gender = one(answers, 'gender');
  return gender === 'female' || gender === 'male' ? gender : 'other';
}

/** The publication writes British as "UK" and two nationalities side by side ("Albanian UK"). */
export function nationalityOf(answers: Answers): string {
  const named = [one(answers, 'nationality'), one(answers, 'secondNationality')]
    .filter((value): value is string => value !== undefined)
    .map((value) => (value === 'British' ? 'UK' : value));
  return named.length === 0 ? 'Unknown' : named.join(' ');
}

function locationOf(answers: Answers): LocationOfExploitation {
  const where = one(answers, 'whereExploited');
  return where === 'uk' || where === 'overseas' || where === 'uk-and-overseas' ? where : 'not-specified';
}

/**
 * Where it happened, as a police force area: the force the crime was reported to, or else the force
 * that referred; none when it happened only outside the UK.
 */
function policeForceAreaOf(answers: Answers, location: LocationOfExploitation): string | null {
  if (location === 'overseas') return null;
  const reportedTo = one(answers, 'reportedToPolice') === 'yes' ? one(answers, 'policeForce') : undefined;
  if (reportedTo && isPoliceForceArea(reportedTo)) return reportedTo;
  const organisation = one(answers, 'organisation');
  return organisation && isPoliceForceArea(organisation) ? organisation : null;
}

export interface DerivationInput {
  id: string;
  path: ReferralPath;
  /** The referral's answers as opened at intake; empty for the previous version, which holds only a path and age group. */
  answers: Answers;
  /** The previous version's "not sure" age group. */
  ageNotSure: boolean;
  receivedAt: string;
  /** The encounter and family it was linked to, as sent. */
  links?: ReferralLinks | undefined;
}

/** The record the figures count, from a referral alone; casework fills in the decisions later. */
export function deriveStatistics({ id, path, answers, ageNotSure, receivedAt, links }: DerivationInput): StatisticalRecord {
  const receivedOn = dayOf(receivedAt);
  const location = locationOf(answers);
  const policeForceArea = policeForceAreaOf(answers, location);
  const organisation = one(answers, 'organisation');
  const ticks = answers['exploitationTypes'];
  return {
    id,
    scheme: path === 'dtn' ? 'dtn' : 'nrm',
    receivedOn,
    quarter: quarterOf(receivedOn),
    ageAtExploitation: ageAtExploitationOf(path, answers, ageNotSure),
    gender: genderOf(answers),
    nationality: nationalityOf(answers),
    exploitationCategory: exploitationCategoryOf(Array.isArray(ticks) ? ticks : []),
    location,
    ukRegion: regionOf(policeForceArea),
    policeForceArea,
    responderType: organisation ? responderTypeOf(organisation) : 'ngo',
    responderOrganisation: organisation ?? NOT_SPECIFIED,
    rgOutcome: null,
    rgOn: null,
    rgDays: null,
    cgOutcome: null,
    cgOn: null,
    cgDays: null,
    reconsiderations: 0,
    withdrawn: false,
    countyLines: false,
    encounterId: encounterOf(links, answers),
    places: placesOf(answers),
  };
}
