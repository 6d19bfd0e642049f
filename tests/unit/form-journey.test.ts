import { describe, expect, it } from 'vitest';
import { answersToForget, canVisit, nextPlace, pages, pathOf, previousPage, resumePlace, walk } from '../../src/shared/form/journey.ts';
import { CHECK, type Answers } from '../../src/shared/form/model.ts';
import { upgradeAnswers } from '../../src/shared/form/upgrade-answers.ts';
import { examples } from '../support/referral-examples.ts';

const route = (answers: Answers) => walk(answers).done.map((page) => page.id);

const before = [
  'case-label', 'organisation', 'responder-nation', 'under-18',
];
const account = [
  'background', 'situations', 'when', 'how-it-started', 'moved', 'treatment', 'still-exploited', 'how-they-left', 'last-contact',
  'last-contact-details', 'reported-before', 'why-now', 'indicators', 'interview', 'professional-view', 'credibility',
  'other-professionals', 'where-exploited', 'uk-places', 'current-location', 'exploiters', 'exploiters-known', 'types',
  'other-victims', 'future-risk', 'police', 'cooperation',
];
const person = ['name', 'date-of-birth', 'gender', 'children', 'nationality', 'interpreter', 'communication', 'home-office-reference'];

describe('the journey visits exactly the pages each path needs', () => {
  it('child: the council page, no consent question, no support or decision pages', () => {
    expect(route(examples.child)).toEqual([...before, 'local-authority', ...account, 'child-referral', ...person, 'responder', 'alternative-contact', 'evidence']);
    expect(resumePlace(examples.child)).toBe(CHECK);
  });

  it('adult who agrees: consent record, support, decision recipient and contact', () => {
    expect(route(examples['adult-nrm'])).toEqual([
      ...before, 'child-at-time', ...account, 'consent', 'consent-record', 'support', 'phone', ...person, 'decision-recipient', 'pv-contact', 'responder', 'alternative-contact', 'evidence',
    ]);
  });

  it('adult who refuses: reason, gender and nationality, then straight to check — no name, no responder pages', () => {
    expect(route(examples.dtn)).toEqual([...before, 'child-at-time', ...account, 'consent', 'refusal', 'dtn-gender', 'dtn-nationality']);
    expect(resumePlace(examples.dtn)).toBe(CHECK);
  });

  it('adult who refuses but will help the police: name and contact too', () => {
    expect(route(examples['dtn-cooperating']).slice(-4)).toEqual(['dtn-gender', 'dtn-nationality', 'dtn-name', 'dtn-contact']);
  });

  it('follows every fork: several situations, still exploited, overseas, exploiters known, fear, someone else', () => {
    const forks = route({
      ...examples['adult-nrm'],
      multipleSituations: 'yes',
      exploitationDatesSeveral: 'Two situations.',
      stillExploited: 'yes',
      whatKeepsThem: 'Debt.',
      reportedBefore: 'yes',
      whereExploited: 'uk-and-overseas',
      countries: ['Albania'],
      exploitersLocationKnown: 'yes',
      exploitersInUk: 'yes',
      exploitersWhereabouts: 'Leeds.',
      fearReexploitation: 'yes',
      fearReasons: 'Still owes money.',
      decisionRecipient: 'someone-else',
      recipientBy: ['email'],
      recipientEmail: 'worker@example.org',
      recipientEmailSafe: 'yes',
      recipientPermission: 'yes',
    });
    for (const id of ['when-several', 'what-keeps-them', 'uk-places', 'overseas-places', 'exploiters-in-uk', 'exploiters-whereabouts', 'future-risk-reasons', 'someone-else']) expect(forks).toContain(id);
    for (const id of ['when', 'how-they-left', 'why-now', 'pv-contact']) expect(forks).not.toContain(id);
  });

  it('reaches every page of the form on some path', () => {
    const reached = new Set(
      [examples.child, examples['adult-nrm'], examples.dtn, examples['dtn-cooperating']].flatMap(route).concat([
        'when-several', 'what-keeps-them', 'overseas-places', 'exploiters-in-uk', 'exploiters-whereabouts', 'future-risk-reasons', 'someone-else',
        // Asked once files are attached (tests/unit/evidence.test.ts).
        'evidence-description',
      ]),
    );
    expect(pages.map((page) => page.id).filter((id) => !reached.has(id))).toEqual([]);
  });
});

describe('the form tables', () => {
  it('give every list question its list, every choice its options, and every follow-up a question on its page', () => {
    const faults = pages.flatMap((page) =>
      page.fields.flatMap((field) => [
        ...((field.kind === 'typeahead' || field.kind === 'places') && !field.list ? [`${page.id}/${field.name}: no list`] : []),
        ...((field.kind === 'radios' || field.kind === 'checkboxes') && !field.options?.length ? [`${page.id}/${field.name}: no options`] : []),
        ...(field.shownWhen && !page.fields.some((other) => other.name === field.shownWhen?.field) ? [`${page.id}/${field.name}: follows nothing`] : []),
        ...(field.required && !field.missing ? [`${page.id}/${field.name}: no message when missing`] : []),
      ]),
    );
    expect(faults).toEqual([]);
  });
});

describe('moving through a draft', () => {
  it('knows the path once age (and, for an adult, consent) are answered', () => {
    expect(pathOf({})).toBeUndefined();
    expect(pathOf({ underAge: 'not-sure' })).toBe('child');
    expect(pathOf({ underAge: 'no' })).toBeUndefined();
    expect(pathOf({ underAge: 'no', consent: 'no' })).toBe('dtn');
  });

  it('opens a draft at its first unanswered page, and lets nobody skip ahead', () => {
    const partial = { caseLabel: 'OP-1', organisation: 'Leeds City Council', responderNation: 'england' };
    expect(resumePlace(partial)).toBe('under-18');
    expect(canVisit('organisation', partial)).toBe(true);
    expect(canVisit('under-18', partial)).toBe(true);
    expect(canVisit('background', partial)).toBe(false);
  });

  it('leads back along the way this referral came', () => {
    expect(previousPage('background', examples.child)).toBe('local-authority');
    expect(previousPage('background', examples['adult-nrm'])).toBe('child-at-time');
    expect(previousPage('case-label', examples.child)).toBeUndefined();
    expect(nextPlace('dtn-nationality', examples.dtn)).toBe(CHECK);
    expect(nextPlace('dtn-nationality', examples['dtn-cooperating'])).toBe('dtn-name');
  });

  it('forgets the answers after consent when age or consent changes, and only then', () => {
    const adult = examples['adult-nrm'];
    const toChild = answersToForget(adult, { ...adult, underAge: 'yes' });
    expect(toChild).toEqual(expect.arrayContaining(['consent', 'consentExplained', 'firstName', 'contactEmail', 'responderFirstName']));
    expect(toChild).not.toContain('howStarted');
    const refused = answersToForget(adult, { ...adult, consent: 'no' });
    expect(refused).toContain('firstName');
    expect(refused).not.toContain('consent');
    expect(answersToForget(examples.child, { ...examples.child, underAge: 'not-sure' })).toEqual([]);
    expect(answersToForget(adult, { ...adult, howStarted: 'changed' })).toEqual([]);
  });

  it('opens a draft begun on app version 2 with its age and account in the new questions', () => {
    expect(upgradeAnswers({ ageGroup: 'adult', account: 'Met at the car wash' })).toEqual({ underAge: 'no', howStarted: 'Met at the car wash' });
    expect(upgradeAnswers({ underAge: 'yes' })).toEqual({ underAge: 'yes' });
  });
});
