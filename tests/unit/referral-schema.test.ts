import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../src/shared/issues.ts';
import { submissionSchema, upgradeReferralV1 } from '../../src/shared/protocol.ts';
import { NARRATIVE_MAX, caseLabelSchema, pathFor, referralFromAnswers, referralSchema } from '../../src/shared/referral.ts';
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

  it('asks for the age when it is missing, so the path cannot be known', () => {
    expect(messages(referralSchema.safeParse(referralFromAnswers({ account: 'x' })))).toEqual([
      'path: Select whether the person is under 18, 18 or over, or you are not sure',
    ]);
    expect(messages(stepSchemas.age.safeParse({ ageGroup: 'teen' }))).toEqual([
      'ageGroup: Select whether the person is under 18, 18 or over, or you are not sure',
    ]);
  });

  it('puts each age answer on its path', () => {
    expect(referralSchema.parse(referralFromAnswers({ ageGroup: 'not-sure', account: 'x' }))).toEqual({ path: 'child', ageGroup: 'not-sure', account: 'x' });
    expect(referralSchema.parse(referralFromAnswers({ ageGroup: 'adult', account: 'x' }))).toEqual({ path: 'adult-nrm', ageGroup: 'adult', account: 'x' });
  });

  it('refuses an age that does not fit the path', () => {
    expect(messages(referralSchema.safeParse({ path: 'child', ageGroup: 'adult', account: 'x' }))).toEqual([
      'ageGroup: A child referral is for someone under 18 or whose age is not known',
    ]);
    expect(messages(referralSchema.safeParse({ path: 'adult-nrm', ageGroup: 'child', account: 'x' }))).toEqual([
      'ageGroup: An adult referral is for someone 18 or over',
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
    const bad = { ...submissionFor(), id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', submittedAt: 'yesterday' };
    expect(messages(submissionSchema.safeParse(bad))).toEqual([
      'id: The referral id must be a UUIDv7 made on the device',
      'submittedAt: submittedAt must be an ISO 8601 date and time',
    ]);
  });

  it('accepts the current and the previous schema version, and no other', () => {
    const current = submissionFor();
    const previous = { ...current, schemaVersion: 1, envelope: { format: 'plain', referral: { ageGroup: 'not-sure', account: 'x' } } };
    expect(submissionSchema.safeParse(previous).success).toBe(true);
    expect(upgradeReferralV1({ ageGroup: 'not-sure', account: 'x' })).toEqual({ path: 'child', ageGroup: 'not-sure', account: 'x' });
    expect(upgradeReferralV1({ ageGroup: 'adult', account: 'x' })).toEqual({ path: 'adult-nrm', ageGroup: 'adult', account: 'x' });
    expect(messages(submissionSchema.safeParse({ ...current, schemaVersion: 0 }))).toEqual([
      'schemaVersion: This version of the referral form is no longer accepted: update the app and send the referral again',
    ]);
    expect(submissionSchema.safeParse({ ...previous, schemaVersion: 2 }).success).toBe(false);
  });

  it('accepts only a sealed body for the current version', () => {
    const plain = { ...submissionFor(), envelope: { format: 'plain', referral: validReferral() } };
    expect(messages(submissionSchema.safeParse(plain))).toEqual(['envelope.format: The referral body is missing or in a format this server does not know']);
    const broken = { ...submissionFor(), envelope: { format: 'hpke', keyId: 'k', enc: 'not base64!', ct: 'AAAA' } };
    expect(messages(submissionSchema.safeParse(broken))).toEqual(['envelope.enc: Expected base64url']);
  });
});
