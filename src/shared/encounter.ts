import { CASE_LABEL_MAX } from './case-label.ts';
import { isAnonymousReport } from './anonymous-report.ts';
import { CHECK, field, type Answers, type PageDef } from './form/model.ts';
import { pageErrors } from './form/page-schema.ts';

/** A police operation (a raid, a warrant) or outreach (a support worker's or a charity's visit). */
export type EncounterKind = 'police' | 'outreach';

/**
 * An encounter: one raid or visit where a responder meets several potential victims. Its shared
 * details are typed once and copied into each person's referral (one referral per person, as the NRM
 * requires); the people are linked by the encounter's id.
 */
export interface EncounterDetails {
  /** A police operation (a raid) or outreach: it decides what is asked and what each referral starts with. Missing on encounters made before it was asked: those were police operations. */
  kind?: EncounterKind;
  operation: string;
  /** "YYYY-M-D", as the form keeps dates. */
  date: string;
  /** "HH:MM", 24-hour. */
  time: string;
  place: string;
  /** Only after the responder asked for it and the browser's permission was given. */
  location?: CapturedLocation;
  /** The responder chose to give the coordinates in each referral, beside the place in words. */
  shareLocation?: boolean;
  /** Asked of a police operation only; outreach may leave it empty. */
  policeForce: string;
  crimeReference: string;
  officers: string;
}

export interface CapturedLocation {
  latitude: number;
  longitude: number;
  /** Metres, as the device reports it. */
  accuracy: number;
  capturedAt: string;
}

/** Short enough that "<operation> – person 12" fits a case label. */
export const OPERATION_MAX = CASE_LABEL_MAX - 14;
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** The encounter's questions, as the form writes questions, so they are checked by the form's own rules. */
export const encounterPage: PageDef = {
  id: 'encounter',
  section: 'police',
  on: ['child', 'adult-nrm', 'dtn', 'dtn-cooperating'],
  deviceOnly: true,
  next: () => CHECK,
  fields: [
    field.radios(
      'kind',
      'What kind of encounter is it?',
      [
        { value: 'police', label: 'A police operation', hint: 'For example a raid or a search warrant.' },
        { value: 'outreach', label: 'Outreach', hint: 'For example a visit by a support worker or a charity.' },
      ],
      'Select whether this is a police operation or outreach',
    ),
    field.text('operation', 'Operation name', 'Enter the operation name, or a short name for this encounter', {
      max: OPERATION_MAX,
      hint: 'For example Operation Harbour. It names each person’s referral on this device and tells the decision maker which people were met together.',
    }),
    field.date('date', 'Date', 'Enter the date of the encounter', { hint: 'For example 27 11 2026.' }),
    field.text('time', 'Time', 'Enter the time of the encounter, like 14:30', { max: 5, hint: 'For example 14:30.' }),
    field.text('place', 'Where is it?', '', { required: false, hint: 'In words a caseworker can read, for example outside 14 Harbour Street, Leeds.' }),
    field.typeahead('policeForce', 'Police force', 'police-forces', 'Enter the police force and choose it from the list', { shownWhen: { field: 'kind', value: 'police' } }),
    field.text('crimeReference', 'Crime or incident (CAD) reference (optional)', '', { required: false, hint: 'Leave it empty if there is none yet: each referral asks for it again.' }),
    field.narrative('officers', 'Officers present (optional)', '', { required: false, max: 2000, hint: 'Names, roles and collar numbers.' }),
  ],
};

export const PLACE_MISSING = 'Enter where the encounter is, in words a caseworker can read, or add your location to each referral';
export const TIME_FORMAT = 'Enter the time in hours and minutes, like 14:30';

/** What is wrong with the encounter's details, by field name; the list check (police force) is the page's. */
export function encounterErrors(details: Partial<EncounterDetails>): Record<string, string> {
  const { location: _location, shareLocation: _share, ...typed } = details;
  const errors = pageErrors(encounterPage, typed);
  if (!errors.time && details.time && !TIME.test(details.time.trim())) errors.time = TIME_FORMAT;
  if (!errors.place && !details.place?.trim() && !(details.location && details.shareLocation)) errors.place = PLACE_MISSING;
  return errors;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-3-7" → "7 March 2026" (as typed if it is not a date). */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  return name && day && year ? `${day} ${name} ${year}` : date;
}

/** The place as a caseworker reads it: the words typed, with the coordinates only when the responder chose to give them. */
export function placeOf(details: Pick<EncounterDetails, 'place' | 'location' | 'shareLocation'>): string {
  const typed = details.place.trim();
  const where = details.location && details.shareLocation ? `${details.location.latitude.toFixed(5)}, ${details.location.longitude.toFixed(5)}` : '';
  if (typed && where) return `${typed} (${where})`;
  return typed || (where ? `the location ${where} (from the device, to within ${Math.round(details.location?.accuracy ?? 0)} metres)` : '');
}

function othersMet(others: number): string {
  if (others === 0) return 'No other potential victims had been met there yet.';
  return others === 1 ? '1 other potential victim was met there at the same time.' : `${others} other potential victims were met there at the same time.`;
}

export const kindOf = (details: Pick<EncounterDetails, 'kind'>): EncounterKind => details.kind ?? 'police';

/**
 * The answers every person of the encounter shares, kept up to date as people are added (`others`:
 * how many other people of the encounter there are). The responder can change any of them in the form.
 * A police operation has reported to the police and met others by its nature; outreach says so only
 * when the encounter shows it (a second person met), and names no police force it was not given.
 */
export function sharedAnswers(details: EncounterDetails, others: number): Answers {
  const when = `${longDate(details.date)} at ${details.time.trim()}`;
  const where = placeOf(details);
  const operation = details.operation.trim();
  const officers = details.officers.trim();
  const police = kindOf(details) === 'police';
  const force = details.policeForce.trim();
  const metOthers = police || others > 0;
  return {
    reportedToPolice: police ? 'yes' : undefined,
    policeForce: force || undefined,
    crimeReference: details.crimeReference.trim() || undefined,
    otherVictims: metOthers ? 'yes' : undefined,
    otherVictimsDetails: metOthers ? `Met during ${operation} at ${where} on ${when}. ${othersMet(others)}` : undefined,
    interview: `At ${where}, on ${when}, during ${operation}.${officers ? ` Officers present: ${officers}.` : ''}`,
    // They agreed (if they did) when they were met: the responder changes it if not.
    consentDate: details.date,
  };
}

/** What the encounter writes that ties a person to a place, a time and the officers present. */
const ENCOUNTER_TRAIL = ['interview', 'otherVictimsDetails'] as const;

/**
 * The answers of an anonymous report without what its encounter wrote into it (where the responder
 * has not written their own words over it); any other referral's answers as they are.
 */
export function withoutEncounterTrail(answers: Answers, shared: Answers): Answers {
  if (!isAnonymousReport(answers)) return answers;
  const kept = { ...answers };
  for (const name of ENCOUNTER_TRAIL) if (kept[name] !== undefined && kept[name] === shared[name]) delete kept[name];
  return kept;
}

/** "<operation> – person 3": the case label a new person starts with (the responder may change it). */
export function personLabel(details: Pick<EncounterDetails, 'operation'>, number: number): string {
  return `${details.operation.trim()} – person ${number}`.slice(0, CASE_LABEL_MAX);
}
