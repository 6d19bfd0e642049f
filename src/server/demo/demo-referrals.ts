import type { Answers } from '../../shared/form/model.ts';
import type { Random } from '../../shared/seeded-random.ts';
import type { DemoPerson } from './demo-people.ts';
import { pick } from './demo-people.ts';
import { demoNgos, type DemoPlace } from './demo-places.ts';

/** What happened, told as responders tell it; one story per kind of exploitation in the published figures. */
interface Story {
  exploitationTypes: string[];
  /** The decision unit would mark it as county lines (the form has no question for it). */
  countyLines?: true;
  howStarted: string;
  requiredToDo: string;
  livingConditions: string;
  treatment: string;
  howLeft: string;
  indicators: string;
}

const stories: readonly Story[] = [
  {
    exploitationTypes: ['forced-to-work', 'wages-taken'],
    howStarted: 'Offered work in a car wash with good pay and a room; the recruiter paid for the journey.',
    requiredToDo: 'Washed cars 12 hours a day, 7 days a week.',
    livingConditions: 'Slept in a room above the car wash with five others.',
    treatment: 'Told they owed £8,000; hit when they asked for their pay.',
    howLeft: 'Left during a police visit to the car wash.',
    indicators: 'No documents, no money, unsure of the address where they lived.',
  },
  {
    exploitationTypes: ['forced-to-commit-crime'],
    countyLines: true,
    howStarted: 'Given a phone and trainers by older boys, then told they owed for them.',
    requiredToDo: 'Carried drugs by train between cities and sold them from a flat (county lines).',
    livingConditions: 'Moved between flats of drug users; slept on floors.',
    treatment: 'Threatened with a knife; told their family would be hurt.',
    howLeft: 'Found by British Transport Police at a station with drugs and cash.',
    indicators: 'Missing from home for days at a time, unexplained phones and cash, injuries.',
  },
  {
    exploitationTypes: ['forced-to-commit-crime'],
    howStarted: 'Promised restaurant work after crossing in a small boat.',
    requiredToDo: 'Tended cannabis plants in a locked house.',
    livingConditions: 'Locked inside; windows blacked out; food brought once a week.',
    treatment: 'Told they would be killed if they left; the door was locked from outside.',
    howLeft: 'Found during a police raid on the house.',
    indicators: 'Locked in, no idea where they were, fear of the people who brought them.',
  },
  {
    exploitationTypes: ['prostitution'],
    howStarted: 'Met a man online who promised a relationship and a job in the UK.',
    requiredToDo: 'Made to see men in rented flats; the man kept all the money.',
    livingConditions: 'Moved every few days between short-let flats.',
    treatment: 'Passport taken; beaten when she refused.',
    howLeft: 'Asked a support worker at a sexual health clinic for help.',
    indicators: 'Escorted to appointments, scripted answers, no control of money or documents.',
  },
  {
    exploitationTypes: ['unpaid-household-work'],
    howStarted: 'Came on a domestic worker visa with a family from abroad.',
    requiredToDo: 'Cleaned, cooked and looked after children from 6am to midnight.',
    livingConditions: 'Slept on the kitchen floor; not allowed out alone.',
    treatment: 'Passport kept by the employer; shouted at and not fed when they made mistakes.',
    howLeft: 'Ran away while the family was out and went to a church.',
    indicators: 'No days off, no pay, no phone, afraid of the employer.',
  },
  {
    exploitationTypes: ['forced-to-work', 'forced-to-commit-fraud'],
    howStarted: 'Recruited at a bus station at home for factory work in the UK.',
    requiredToDo: 'Packed vegetables on night shifts; bank accounts opened in their name were used by others.',
    livingConditions: 'Twelve people in a three-bedroom house.',
    treatment: 'Wages paid into accounts they could not use; told they owed rent and transport.',
    howLeft: 'A Gangmasters and Labour Abuse Authority inspection of the house.',
    indicators: 'Bank cards held by someone else, many people at one address, debt.',
  },
];

/** Dates as the form writes them: year-month-day without leading zeros. */
function formDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}-${month}-${day}`;
}

export type DemoKind = 'child' | 'adult-nrm' | 'dtn';

/** Answers of one complete referral, accepted by the form's schema and the server's lists, and whether its story is county lines. */
export function demoAnswers(random: Random, kind: DemoKind, person: DemoPerson, place: DemoPlace, today: Date): { answers: Answers; countyLines: boolean } {
  const story = pick(random, stories);
  return { answers: answersOf(story, random, kind, person, place, today), countyLines: story.countyLines === true };
}

function answersOf(story: Story, random: Random, kind: DemoKind, person: DemoPerson, place: DemoPlace, today: Date): Answers {
  const police = random() < 0.7 || kind === 'dtn';
  const organisation = police ? place.policeForce : pick(random, demoNgos);
  const common: Answers = {
    caseLabel: `${place.town.toUpperCase().slice(0, 4)}-${Math.floor(random() * 900 + 100)}`,
    organisation,
    responderNation: place.region === 'South Glamorgan' ? 'wales' : 'england',
    birthplace: 'Not known',
    family: 'Parents and siblings at home.',
    education: 'Some secondary school.',
    employmentHistory: 'Casual work before coming to the UK.',
    multipleSituations: 'no',
    exploitationDates: 'Over the last year.',
    howStarted: story.howStarted,
    moved: 'yes',
    journeyDetails: 'Brought to the UK by the people who later exploited them.',
    requiredToDo: story.requiredToDo,
    livingConditions: story.livingConditions,
    treatment: story.treatment,
    stillExploited: 'no',
    howLeft: story.howLeft,
    lastContact: 'within-the-last-week',
    reportedBefore: 'no',
    whyNow: 'They did not know they could get help and feared being sent home.',
    indicatorsSeen: 'yes',
    indicatorsDetails: story.indicators,
    interview: `At ${place.town}, with a telephone interpreter, with breaks.`,
    professionalView: 'The account is detailed and consistent with the indicators seen.',
    credibilityConcerns: 'no',
    othersInvolved: 'no',
    whereExploited: 'uk',
    ukTowns: [place.town],
    currentTown: place.town,
    currentRegion: place.region,
    exploiters: 'Men known to them only by nicknames.',
    exploitersLocationKnown: 'no',
    exploitationTypes: story.exploitationTypes,
    otherVictims: 'no',
    fearReexploitation: 'yes',
    fearReasons: 'The people who exploited them know where their family lives.',
    reportedToPolice: police ? 'yes' : 'no',
    ...(police ? { policeForce: place.policeForce, crimeReference: `CRIME-${Math.floor(random() * 90 + 10)}/2026/${Math.floor(random() * 9000 + 1000)}` } : {}),
    underAge: kind === 'child' ? 'yes' : 'no',
    gender: person.gender,
    nationality: person.nationality,
  };
  if (kind === 'dtn') {
    return { ...common, childAtTime: 'no', cooperation: 'no', consent: 'no', refusalReason: 'Afraid of what the exploiters would do to their family.' };
  }
  const named: Answers = {
    firstName: person.firstName,
    lastName: person.lastName,
    hasChildren: 'no',
    interpreter: person.language === 'English' ? 'no' : 'yes',
    ...(person.language === 'English' ? {} : { interpreterLanguage: person.language }),
    communicationHelp: 'no',
    homeOfficeReference: 'no',
    ...(person.dateOfBirth ? { dateOfBirth: formDate(person.dateOfBirth) } : {}),
    responderFirstName: 'Sam',
    responderLastName: 'Okafor',
    responderRole: police ? 'Detective Constable' : 'Outreach worker',
    responderPhone: '0113 496 0000',
    alternativeEmail: 'msht-team@example.org',
  };
  if (kind === 'child') {
    return { ...common, ...named, councilName: place.council, councilPhone: place.councilPhone, councilEmail: 'childrens.duty@example.gov.uk', cooperation: 'yes' };
  }
  const consentDay = new Date(today.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  return {
    ...common,
    ...named,
    childAtTime: 'no',
    cooperation: 'yes',
    consent: 'yes',
    consentExplained: ['what-nrm-is', 'support', 'sharing', 'withdraw'],
    privacyNoticeShown: 'yes',
    ...(person.language === 'English' ? {} : { consentInterpreterLanguage: person.language }),
    consentExplainedBy: 'DC Sam Okafor',
    consentDate: formDate(consentDay),
    needsSupport: 'yes',
    phoneChoice: person.phone ? 'yes' : 'no',
    ...(person.phone ? { phone: person.phone } : { noPhoneReason: 'Their phone was taken by the exploiters.' }),
    decisionRecipient: 'potential-victim',
    contactBy: ['post'],
    contactStreet: '1 Example Street',
    contactTown: place.town,
    contactPostcode: 'LS1 1AA',
    contactPostSafe: 'yes',
  };
}
