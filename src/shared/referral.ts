export { NARRATIVE_MAX, referralPaths, type ReferralPath, type Answers as ReferralAnswers } from './form/model.ts';
export { referralSchema, referralFromAnswers, type Referral } from './form/referral-schema.ts';
export { SCHEMA_VERSION } from './schema-version.ts';
