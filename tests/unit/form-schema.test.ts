import { describe, expect, it } from 'vitest';
import { DTN_IDENTIFYING_MESSAGE, referralFromAnswers, referralSchema } from '../../src/shared/form/referral-schema.ts';
import { dateIssue, fieldIssue, pageErrors } from '../../src/shared/form/page-schema.ts';
import { pageById } from '../../src/shared/form/journey.ts';
import { listErrors, listsFor } from '../../src/shared/form/list-rules.ts';
import type { ListLookup } from '../../src/shared/form/model.ts';
import { NARRATIVE_MAX, type Answers } from '../../src/shared/form/model.ts';
import { caseLabelField, caseLabelIssue } from '../../src/shared/case-label.ts';
import { examples } from '../support/referral-examples.ts';

const parse = (answers: Answers) => referralSchema.safeParse(referralFromAnswers(answers));
const messages = (value: unknown) => {
  const result = referralSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the referral schema, one shape per path', () => {
  it.each(Object.keys(examples) as (keyof typeof examples)[])('accepts a complete %s example and keeps its path', (name) => {
    const result = parse(examples[name]);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(result.data?.path).toBe(name === 'dtn-cooperating' ? 'dtn' : name);
  });

  it('never sends the responder’s own case label, and needs none to be complete', () => {
    expect(referralFromAnswers(examples.child)).not.toHaveProperty('caseLabel');
    const { caseLabel: _label, ...withoutLabel } = examples.child;
    expect(parse(withoutLabel).success).toBe(true);
  });

  it('refuses a Duty to Notify report that carries a name when the person will not help the police', () => {
    const referral = { ...(referralFromAnswers(examples.dtn) as object), firstName: 'Arben' };
    expect(messages(referral)).toEqual([`: ${DTN_IDENTIFYING_MESSAGE}`]);
  });

  it('refuses a date of birth, a phone number or a decision address on any Duty to Notify report', () => {
    for (const extra of [{ dateOfBirth: '1999-3-31' }, { phone: '07700900982' }, { decisionRecipient: 'potential-victim' }]) {
      const referral = { ...(referralFromAnswers(examples['dtn-cooperating']) as object), ...extra };
      expect(messages(referral)).toHaveLength(1);
    }
  });

  it('accepts a name on a Duty to Notify report when the person will help the police', () => {
    expect(messages(referralFromAnswers(examples['dtn-cooperating']))).toEqual([]);
  });

  it('drops identifying answers from a Duty to Notify report made from a draft that once held them', () => {
    const referral = referralFromAnswers({ ...examples.dtn, firstName: 'Arben', phone: '07700 900 982', contactBy: ['email'], contactEmail: 'a@example.com' });
    expect(referral).not.toHaveProperty('firstName');
    expect(referral).not.toHaveProperty('contactEmail');
    expect(messages(referral)).toEqual([]);
  });

  it('refuses a Duty to Notify report from Scotland or Northern Ireland', () => {
    const referral = { ...(referralFromAnswers(examples.dtn) as object), responderNation: 'scotland' };
    expect(messages(referral)).toContain('responderNation: A Duty to Notify report can only be made from England or Wales');
  });

  it('asks a child for no consent, no support and no decision address, and needs the council’s details', () => {
    expect(messages({ ...(referralFromAnswers(examples.child) as object), consent: 'yes' })).toHaveLength(1);
    expect(messages({ ...(referralFromAnswers(examples.child) as object), needsSupport: 'yes' })).toHaveLength(1);
    expect(messages({ ...(referralFromAnswers(examples.child) as object), decisionRecipient: 'potential-victim' })).toHaveLength(1);
    const { councilEmail: _email, ...noEmail } = examples.child;
    expect(parse(noEmail).error?.issues.map((issue) => issue.message)).toEqual(['Enter the local authority’s email address']);
  });

  it('needs the informed-consent record from an adult who agrees', () => {
    const explainedTwo = parse({ ...examples['adult-nrm'], consentExplained: ['what-nrm-is', 'support'] });
    expect(explainedTwo.error?.issues.map((issue) => issue.message)).toEqual(['Explain all four before they agree, then tick to confirm']);
    const { privacyNoticeShown: _shown, ...noNotice } = examples['adult-nrm'];
    expect(parse(noNotice).error?.issues.map((issue) => issue.message)).toEqual(['Give or read them the privacy notice, then tick to confirm']);
  });

  it('refuses a path that does not follow from the answers', () => {
    const childAsAdult = { ...(referralFromAnswers(examples.child) as object), path: 'adult-nrm' };
    expect(referralSchema.safeParse(childAsAdult).success).toBe(false);
  });

  it('says which answer is missing, in words a person can act on', () => {
    const { howStarted: _gone, ...rest } = examples['adult-nrm'];
    expect(parse(rest).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['howStarted', 'Describe how the exploitation started']]);
  });

  it('needs a description when “something else” is ticked, and at least one kind of exploitation', () => {
    expect(parse({ ...examples.child, exploitationTypes: ['other'] }).error?.issues.map((issue) => issue.message)).toEqual(['Describe what else they were made to do']);
    expect(parse({ ...examples.child, exploitationTypes: [] }).error?.issues.map((issue) => issue.message)).toEqual(['Select at least one kind of exploitation']);
  });

  it('drops an answer its page no longer shows (a journey described, then “not moved”)', () => {
    const referral = referralFromAnswers({ ...examples.child, moved: 'no' });
    expect(referral).not.toHaveProperty('journeyDetails');
    expect(messages(referral)).toEqual([]);
    expect(messages({ ...(referral as object), journeyDetails: 'kept by mistake' })[0]).toMatch(/never asks for \(journeyDetails\)/);
  });

  it('takes up to 10 towns and refuses an 11th', () => {
    const towns = Array.from({ length: 11 }, (_, i) => `Town ${i}`);
    expect(parse({ ...examples.child, ukTowns: towns }).error?.issues.map((issue) => issue.message)).toEqual(['Add no more than 10 places']);
    expect(parse({ ...examples.child, ukTowns: towns.slice(0, 10) }).success).toBe(true);
  });
});

describe('answers one by one', () => {
  const page = (id: string) => pageById(id)!;
  const def = (pageId: string, name: string) => page(pageId).fields.find((field) => field.name === name)!;

  it('counts narratives up to 15,000 characters and refuses more', () => {
    expect(fieldIssue(def('situations', 'howStarted'), 'a'.repeat(NARRATIVE_MAX))).toBeUndefined();
    expect(fieldIssue(def('situations', 'howStarted'), 'a'.repeat(NARRATIVE_MAX + 1))).toBe('How did the exploitation start? must be 15,000 characters or fewer');
  });

  it('refuses web addresses in the two answers that must not hold them', () => {
    expect(fieldIssue(def('still-exploited', 'lastContactDetails'), 'see https://example.com/x')).toBe('Remove the web address from tell us about that last contact');
    expect(fieldIssue(def('still-exploited', 'lastContactDetails'), 'He phoned on Tuesday')).toBeUndefined();
  });

  it('takes UK numbers and numbers with a country code, and refuses others', () => {
    const phone = def('phone', 'phone');
    expect(fieldIssue(phone, '07700 900 982')).toBeUndefined();
    expect(fieldIssue(phone, '+355 69 123 4567')).toBeUndefined();
    expect(fieldIssue(phone, '12345')).toMatch(/^Enter a phone number/);
  });

  it('takes a date of birth only if real, after 1900 and not in the future', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(dateIssue('1999-3-31', now)).toBeUndefined();
    expect(dateIssue('1999-2-30', now)).toBe('Enter a real date, with a day, month and a 4-digit year');
    expect(dateIssue('1899-12-31', now)).toBe('The date must be after 1900');
    expect(dateIssue('2027-1-1', now)).toBe('The date must be today or in the past');
    expect(dateIssue('-3-', now)).toBe('Enter a real date, with a day, month and a 4-digit year');
  });

  it('takes the number of children in digits only', () => {
    expect(fieldIssue(def('gender', 'childrenCount'), '2')).toBeUndefined();
    expect(fieldIssue(def('gender', 'childrenCount'), 'two')).toBe('Enter the number in digits, like 2');
  });

  it('checks a follow-up answer only while its question is shown', () => {
    expect(pageErrors(page('moved'), { moved: 'no' })).toEqual({});
    expect(pageErrors(page('moved'), { moved: 'yes' })).toEqual({ journeyDetails: 'Describe where they were taken and how' });
  });

  it('tells a responder in Scotland that an adult who refuses cannot be reported', () => {
    expect(pageErrors(page('consent'), { responderNation: 'scotland', consent: 'no' }).consent).toMatch(/only in England and Wales/);
    expect(pageErrors(page('consent'), { responderNation: 'wales', consent: 'no' })).toEqual({});
  });

  it('lets only a Duty to Notify authority take an adult’s refusal, once the organisation is known', () => {
    const lookup: ListLookup = { find: (_list, text) => text, isDutyToNotifyAuthority: (organisation) => organisation === 'Metropolitan Police Service' };
    const consent = page('consent');
    expect(listsFor(consent)).toEqual(['organisations']);
    expect(listErrors(consent, { organisation: 'The Salvation Army', consent: 'no' }, lookup).consent).toMatch(/^Only public authorities/);
    expect(listErrors(consent, { organisation: 'The Salvation Army', consent: 'yes' }, lookup)).toEqual({});
    expect(listErrors(consent, { organisation: 'Metropolitan Police Service', consent: 'no' }, lookup)).toEqual({});
    expect(listErrors(consent, { consent: 'no' }, lookup)).toEqual({});
  });

  it('keeps the case label to 60 characters', () => {
    expect(fieldIssue(caseLabelField, 'x'.repeat(60))).toBeUndefined();
    expect(fieldIssue(caseLabelField, 'x'.repeat(61))).toBe('What is your own reference for this referral? must be 60 characters or fewer');
    // The first page checks the label without loading the form's rules: the same answers, the same words.
    for (const value of ['', '   ', 'OP-1', 'x'.repeat(60), 'x'.repeat(61), ` ${'x'.repeat(60)} `]) expect(caseLabelIssue(value)).toBe(fieldIssue(caseLabelField, value));
  });
});
