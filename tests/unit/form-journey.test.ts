import { describe, expect, it } from 'vitest';
import { answersToForget, canVisit, nextPlace, pages, pathOf, previousPage, resumePlace, walk } from '../../src/shared/form/journey.ts';
import { CHECK, questionIsHeading, type Answers } from '../../src/shared/form/model.ts';
import { visibleFields } from '../../src/shared/form/page-schema.ts';
import { upgradeAnswers } from '../../src/shared/form/upgrade-answers.ts';
import { examples } from '../support/referral-examples.ts';

const route = (answers: Answers) => walk(answers).done.map((page) => page.id);

const before = [
  'case-label', 'organisation', 'responder-nation', 'under-18',
];
const account = [
  'background', 'situations', 'moved', 'treatment', 'still-exploited',
  'reported-before', 'indicators', 'interview', 'where-exploited',
  'current-location', 'exploiters', 'types', 'other-victims', 'police',
];
const person = ['name', 'gender', 'interpreter'];

describe('the journey visits exactly the pages each path needs', () => {
  it('child: the council page and the consent explanation straight after age, no consent question, no support or decision pages', () => {
    expect(route(examples.child)).toEqual([...before, 'local-authority', 'child-referral', ...account, ...person, 'responder', 'alternative-contact', 'evidence']);
    expect(resumePlace(examples.child)).toBe(CHECK);
  });

  it('adult who agrees: consent and its record straight after age, then the account, support, decision recipient and contact', () => {
    expect(route(examples['adult-nrm'])).toEqual([
      ...before, 'consent', 'consent-record', ...account, 'support', 'phone', ...person, 'decision-recipient', 'pv-contact', 'responder', 'alternative-contact', 'evidence',
    ]);
  });

  it('adult who refuses: consent and the reason straight after age, then the account, gender and nationality, then check — no name, no responder pages', () => {
    expect(route(examples.dtn)).toEqual([...before, 'consent', 'refusal', ...account, 'dtn-gender']);
    expect(resumePlace(examples.dtn)).toBe(CHECK);
  });

  it('adult who refuses but will help the police: name and contact too', () => {
    expect(route(examples['dtn-cooperating']).slice(-3)).toEqual(['dtn-gender', 'dtn-name', 'dtn-contact']);
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
    expect(forks).toContain('someone-else');
    expect(forks).not.toContain('pv-contact');
    expect(walk({ ...examples['adult-nrm'], multipleSituations: 'yes' }).at).toMatchObject({ id: 'situations' });
    expect(walk({ ...examples['adult-nrm'], whereExploited: 'uk-and-overseas' }).at).toMatchObject({ id: 'where-exploited' });
  });

  it('asks a yes-or-no question and what follows from it on one page, revealed by the answer', () => {
    const onPage = (pageId: string, answers: Answers) => visibleFields(pages.find((page) => page.id === pageId)!, answers).map((def) => def.name);
    expect(onPage('still-exploited', { stillExploited: 'yes' })).toEqual(['stillExploited', 'whatKeepsThem', 'lastContact', 'lastContactDetails']);
    expect(onPage('exploiters', { exploitersLocationKnown: 'yes' })).toEqual(['exploiters', 'exploitersLocationKnown', 'exploitersInUk', 'exploitersWhereabouts']);
    expect(onPage('exploiters', { exploitersLocationKnown: 'no' })).toEqual(['exploiters', 'exploitersLocationKnown']);
    expect(onPage('other-victims', { otherVictims: 'no', fearReexploitation: 'yes' })).toEqual(['otherVictims', 'fearReexploitation', 'fearReasons']);
    expect(onPage('reported-before', { reportedBefore: 'no' })).toEqual(['reportedBefore', 'whyNow']);
    expect(onPage('still-exploited', { stillExploited: 'no', lastContact: 'not-sure' })).toEqual(['stillExploited', 'howLeft', 'lastContact', 'lastContactDetails']);
    expect(onPage('under-18', { underAge: 'no' })).toEqual(['underAge', 'childAtTime']);
    expect(onPage('under-18', { underAge: 'not-sure' })).toEqual(['underAge']);
  });

  it('opens one follow-up under several answers of a radio question, and asks it for each of them', () => {
    const onPage = (pageId: string, answers: Answers) => visibleFields(pages.find((page) => page.id === pageId)!, answers).map((def) => def.name);
    expect(onPage('situations', { multipleSituations: 'yes' })).toEqual(['multipleSituations', 'exploitationDatesSeveral', 'howStarted']);
    expect(onPage('situations', { multipleSituations: 'no' })).toEqual(['multipleSituations', 'exploitationDates', 'howStarted']);
    expect(onPage('situations', { multipleSituations: 'i-dont-know' })).toEqual(['multipleSituations', 'exploitationDates', 'howStarted']);
    expect(onPage('where-exploited', { whereExploited: 'uk' })).toEqual(['whereExploited', 'ukTowns', 'ukOtherLocation']);
    expect(onPage('where-exploited', { whereExploited: 'overseas' })).toEqual(['whereExploited', 'countries', 'overseasOtherLocation']);
    expect(onPage('where-exploited', { whereExploited: 'uk-and-overseas' })).toEqual(['whereExploited', 'ukTowns', 'ukOtherLocation', 'countries', 'overseasOtherLocation']);
  });

  it('reaches every page of the form on some path', () => {
    const reached = new Set(
      [examples.child, examples['adult-nrm'], examples.dtn, examples['dtn-cooperating']].flatMap(route).concat([
        'someone-else',
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
        // Under several ticked checkboxes at once, one follow-up would be drawn twice.
        ...(typeof field.shownWhen?.value === 'object' && page.fields.find((other) => other.name === field.shownWhen?.field)?.kind !== 'radios' ? [`${page.id}/${field.name}: opens under several answers of a question that is not radios`] : []),
        ...(field.required && !field.missing ? [`${page.id}/${field.name}: no message when missing`] : []),
      ]),
    );
    expect(faults).toEqual([]);
  });

  it('give every page one level-one heading: its title, or the label of the one question it shows', () => {
    const headless = pages.filter((page) => page.title === undefined && !questionIsHeading(page)).map((page) => page.id);
    expect(headless).toEqual([]);
  });
});

describe('moving through a draft', () => {
  it('knows the path once age (and, for an adult, consent) are answered', () => {
    expect(pathOf({})).toBeUndefined();
    expect(pathOf({ underAge: 'not-sure' })).toBe('child');
    expect(pathOf({ underAge: 'no' })).toBeUndefined();
    expect(pathOf({ underAge: 'no', consent: 'no' })).toBe('dtn');
  });

  it('opens a draft at its first unanswered page; the account opens in any order, the pages of a path only once age and consent settle it', () => {
    const partial = { caseLabel: 'OP-1', organisation: 'Leeds City Council', responderNation: 'england' };
    expect(resumePlace(partial)).toBe('under-18');
    expect(canVisit('organisation', partial)).toBe(true);
    expect(canVisit('under-18', partial)).toBe(true);
    expect(canVisit('background', partial)).toBe(true);
    expect(canVisit('police', partial)).toBe(true);
    for (const id of ['consent', 'local-authority', 'child-referral', 'name', 'dtn-gender', 'responder', 'evidence']) expect(canVisit(id, partial)).toBe(false);
    const adult = { ...partial, underAge: 'no' };
    expect(canVisit('consent', adult)).toBe(true);
    for (const id of ['consent-record', 'refusal', 'support', 'name', 'dtn-gender']) expect(canVisit(id, adult)).toBe(false);
    expect(canVisit('refusal', { ...adult, consent: 'no' })).toBe(true);
    expect(canVisit('dtn-name', { ...adult, consent: 'no' })).toBe(false);
    expect(canVisit('dtn-name', { ...adult, consent: 'no', cooperation: 'yes' })).toBe(true);
    expect(canVisit('name', { ...partial, underAge: 'yes' })).toBe(true);
  });

  it('leads back along the way this referral came', () => {
    expect(previousPage('background', examples.child)).toBe('child-referral');
    expect(previousPage('background', examples['adult-nrm'])).toBe('consent-record');
    expect(previousPage('background', examples.dtn)).toBe('refusal');
    expect(previousPage('dtn-gender', examples.dtn)).toBe('police');
    expect(previousPage('case-label', examples.child)).toBeUndefined();
    expect(nextPlace('dtn-gender', examples.dtn)).toBe(CHECK);
    expect(nextPlace('dtn-gender', examples['dtn-cooperating'])).toBe('dtn-name');
  });

  it('forgets the answers of the path when age or consent changes, and only then; the account is kept', () => {
    const adult = examples['adult-nrm'];
    const toChild = answersToForget(adult, { ...adult, underAge: 'yes' });
    expect(toChild).toEqual(expect.arrayContaining(['consent', 'consentExplained', 'firstName', 'contactEmail', 'responderFirstName']));
    expect(toChild).not.toContain('howStarted');
    const refused = answersToForget(adult, { ...adult, consent: 'no' });
    expect(refused).toContain('firstName');
    expect(refused).not.toContain('consent');
    expect(refused).not.toContain('childAtTime');
    expect(refused).not.toContain('howStarted');
    expect(answersToForget(examples.child, { ...examples.child, underAge: 'not-sure' })).toEqual([]);
    expect(answersToForget(adult, { ...adult, howStarted: 'changed' })).toEqual([]);
  });

  it('opens a draft begun on app version 2 with its age and account in the new questions', () => {
    expect(upgradeAnswers({ ageGroup: 'adult', account: 'Met at the car wash' })).toEqual({ underAge: 'no', howStarted: 'Met at the car wash' });
    expect(upgradeAnswers({ underAge: 'yes' })).toEqual({ underAge: 'yes' });
  });
});
