import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/shared/form/model.ts';
import { checkQuality, SHORT_ACCOUNT_WORDS, type QualityRule } from '../../src/shared/quality/check.ts';
import { examples } from '../support/referral-examples.ts';

/** A referral the decision unit could decide on first reading: the account told fully, each ticked kind described. */
const good: Answers = {
  ...examples['adult-nrm'],
  howStarted:
    'A man he knew from his village offered him work at a car wash in England, with £60 a day and a room. The recruiter paid for the journey and said the cost would come out of his wages. When he arrived he was told he now owed £8,000 for the travel, the room and the food.',
  journeyDetails: 'He travelled by coach to Brussels and then in the back of a lorry to Dover. The driver took his passport at the start and never gave it back.',
  requiredToDo: 'He washed cars from seven in the morning until seven at night, every day of the week, for about nine months. He was never paid: the boss said all his money went on the debt.',
  livingConditions: 'He slept on a mattress in a room above the car wash with five other men. The door was locked at night and they were given one meal a day.',
  treatment:
    'The boss shouted at him and hit him when he asked for his pay. He was told his family at home would be hurt if he spoke to the police. He had no phone of his own and was never allowed to leave alone.',
  professionalView: 'Debt bondage, the passport held by the driver, threats to his family and no pay for nine months are strong indicators of labour exploitation.',
  whyNow: 'He did not know that what happened to him was a crime, and he feared he would be deported if he spoke to anyone in authority.',
};

const rulesOf = (answers: Answers, others: Parameters<typeof checkQuality>[1] = []): QualityRule[] => checkQuality(answers, others).map((advice) => advice.rule);

describe('the referral-quality check', () => {
  it('raises nothing for a referral told fully', () => {
    expect(checkQuality(good)).toEqual([]);
  });

  it('says when the account is short, with its length, and links to the shortest answer', () => {
    const advice = checkQuality({ ...examples['adult-nrm'] });
    const short = advice.find((item) => item.rule === 'short-account');
    expect(short?.what).toMatch(/short: \d+ words/);
    expect(short?.page).toBe('moved'); // the journey: 9 words, the shortest answer of the account
    expect(rulesOf({ ...good, treatment: 'Beaten.', livingConditions: 'Bad.', requiredToDo: 'Washed cars.', journeyDetails: 'Lorry.', howStarted: 'Offered a job.' })).toEqual(['short-account']);
    expect(SHORT_ACCOUNT_WORDS).toBe(100);
  });

  it('finds a sentence written twice across the account', () => {
    const repeat = 'The boss kept his passport in a locked drawer.';
    const advice = checkQuality({ ...good, requiredToDo: `${good['requiredToDo']} ${repeat}`, treatment: `${repeat} ${good['treatment']}` });
    expect(advice.map((item) => item.rule)).toEqual(['repeated-sentence']);
    expect(advice[0]?.what).toContain('locked drawer');
  });

  it('says which ticked kinds of exploitation the account never describes', () => {
    const advice = checkQuality({ ...good, exploitationTypes: ['forced-to-work', 'wages-taken', 'forced-to-commit-crime', 'organs-removed'] });
    expect(advice.map((item) => item.rule)).toEqual(['kind-not-described']);
    expect(advice[0]?.what).toBe('‘Commit crime’, ‘Have organs removed’ are ticked, but the account never says what happened.');
    expect(rulesOf({ ...good, exploitationTypes: ['forced-to-commit-crime'], requiredToDo: `${good['requiredToDo']} At night he was made to carry packages of cannabis to houses in Leeds.` })).toEqual([]);
  });

  it('asks for a real reason for the referral and for telling now', () => {
    expect(rulesOf({ ...good, professionalView: 'See above.' })).toEqual(['short-reason']);
    expect(rulesOf({ ...good, whyNow: 'Not known' })).toEqual(['short-why-now']);
    // "Why now" is only asked when they had not told anyone before.
    expect(rulesOf({ ...good, reportedBefore: 'yes', whyNow: 'x' })).toEqual([]);
  });

  it('flags dates and places that are all unknown, unless something explains it', () => {
    const unknown = { ...good, exploitationDates: 'Not known', ukTowns: ['Unknown'] };
    expect(rulesOf(unknown)).toEqual(['unknown-everywhere']);
    expect(rulesOf({ ...unknown, ukOtherLocation: 'He was driven there at night in a van with no windows.' })).toEqual([]);
    expect(rulesOf({ ...unknown, exploitationDates: 'Not known: he lost track of time; it was winter when he arrived and hot when he left.' })).toEqual([]);
    expect(rulesOf({ ...good, ukTowns: ['Unknown'] })).toEqual([]);
  });

  it('finds a long passage copied from another person met at the same encounter, and not a short shared phrase', () => {
    const brother: Answers = { ...good, treatment: `${good['treatment']} His brother was there too.` };
    const advice = checkQuality(good, [{ caseLabel: 'Encounter 4 – person 2', answers: brother }]);
    expect(advice.map((item) => item.rule)).toEqual(['copied-account']);
    expect(advice[0]?.what).toContain('Encounter 4 – person 2');
    const own: Answers = {
      howStarted: 'She answered an advert for cleaning work in a hotel, which promised accommodation and English lessons.',
      requiredToDo: 'She cleaned the house of the woman who met her at the airport and looked after three children, from six until midnight.',
      treatment: 'She was told she owed money for her flight. The boss kept his passport in a locked drawer, she heard.',
    };
    expect(rulesOf(good, [{ caseLabel: 'P2', answers: own }])).toEqual([]);
  });

  it('warns when an anonymous Duty to Notify report holds what would identify the person', () => {
    const dtn: Answers = { ...examples.dtn, ...good, underAge: 'no', consent: 'no', cooperation: 'no', refusalReason: 'Afraid of being sent home.' };
    delete (dtn as Record<string, unknown>)['phone'];
    expect(rulesOf(dtn)).toEqual([]);
    const named = { ...dtn, refusalReason: 'Afraid of being sent home. She said Maria Kowalska at the hostel, born 12/04/1998, could explain.' };
    const advice = checkQuality(named);
    expect(advice.map((item) => item.rule)).toEqual(['dtn-identifying']);
    expect(advice[0]).toMatchObject({ page: 'refusal', what: expect.stringContaining('a date of birth and what looks like a name') });
    expect(rulesOf({ ...dtn, refusalReason: 'Call her on 07700 900123 or write to maria.k@example.com' })).toEqual(['dtn-identifying']);
    // With co-operation, the police may have the name: no warning.
    expect(rulesOf({ ...named, cooperation: 'yes' }).includes('dtn-identifying')).toBe(false);
  });
});
