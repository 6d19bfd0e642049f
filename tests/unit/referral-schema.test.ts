import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../src/shared/issues.ts';
import { submissionSchema } from '../../src/shared/protocol.ts';
import { NARRATIVE_MAX, caseLabelSchema, pathFor, referralSchema } from '../../src/shared/referral.ts';
import { stepSchemas } from '../../src/shared/steps.ts';
import { submissionFor, validReferral } from '../support/fixtures.ts';

function messages(result: { success: boolean; error?: unknown }): string[] {
  if (result.success) return [];
  return toFieldErrors(result.error as Parameters<typeof toFieldErrors>[0]).map((e) => `${e.path}: ${e.message}`);
}

describe('referral schema', () => {
  it.each(['child', 'adult', 'not-sure'] as const)('accepts a complete referral for age group %s', (ageGroup) => {
    expect(referralSchema.safeParse(validReferral({ ageGroup })).success).toBe(true);
  });

  it('trims the account and accepts exactly the limit', () => {
    const parsed = referralSchema.parse(validReferral({ account: `  ${'a'.repeat(NARRATIVE_MAX)}  ` }));
    expect(parsed.account).toHaveLength(NARRATIVE_MAX);
  });

  it('asks for the age when it is missing or not one of the choices', () => {
    expect(messages(referralSchema.safeParse({ account: 'x' }))).toEqual([
      'ageGroup: Select whether the person is under 18, 18 or over, or you are not sure',
    ]);
    expect(messages(referralSchema.safeParse({ account: 'x', ageGroup: 'teen' }))).toEqual([
      'ageGroup: Select whether the person is under 18, 18 or over, or you are not sure',
    ]);
  });

  it('asks for an account when it is empty or only spaces', () => {
    expect(messages(referralSchema.safeParse(validReferral({ account: '   ' })))).toEqual([
      'account: Describe what happened to the person, in their words where you can',
    ]);
  });

  it('says how to fix an account over 15,000 characters', () => {
    expect(messages(referralSchema.safeParse(validReferral({ account: 'a'.repeat(NARRATIVE_MAX + 1) })))).toEqual([
      'account: The account must be 15,000 characters or fewer — move the rest to another answer',
    ]);
  });

  it('refuses fields it does not know, so nothing unexpected is ever sent', () => {
    const result = referralSchema.safeParse({ ...validReferral(), name: 'Someone' });
    expect(result.success).toBe(false);
  });

  it('keeps the responder’s case label to 1–60 characters with a clear message', () => {
    expect(caseLabelSchema.safeParse('OP-LANTERN-7').success).toBe(true);
    expect(messages(caseLabelSchema.safeParse(' '))).toEqual([': Enter your own case reference, for example your notebook or crime reference']);
    expect(messages(caseLabelSchema.safeParse('x'.repeat(61)))).toEqual([': Your case reference must be 60 characters or fewer']);
  });

  it('derives each page schema from the same parts', () => {
    expect(stepSchemas.age.safeParse({ ageGroup: 'adult' }).success).toBe(true);
    expect(stepSchemas.account.safeParse({ account: '' }).success).toBe(false);
    expect(stepSchemas['case-label'].safeParse({ caseLabel: 'A1' }).success).toBe(true);
  });

  it('treats under 18 and not sure as a child referral', () => {
    expect(pathFor('child')).toBe('child');
    expect(pathFor('not-sure')).toBe('child');
    expect(pathFor('adult')).toBe('adult-nrm');
  });
});

describe('submission schema', () => {
  it('accepts a well-formed submission', () => {
    expect(submissionSchema.safeParse(submissionFor()).success).toBe(true);
  });

  it('names each wrong part of the envelope', () => {
    const bad = { ...submissionFor(), id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', schemaVersion: 99, submittedAt: 'yesterday' };
    expect(messages(submissionSchema.safeParse(bad))).toEqual([
      'id: The referral id must be a UUIDv7 made on the device',
      'schemaVersion: This version of the referral form is no longer accepted: update the app',
      'submittedAt: submittedAt must be an ISO 8601 date and time',
    ]);
  });

  it('points into the referral for a bad answer', () => {
    const bad = submissionFor(validReferral({ account: '' }));
    expect(messages(submissionSchema.safeParse(bad))).toEqual([
      'envelope.referral.account: Describe what happened to the person, in their words where you can',
    ]);
  });
});
