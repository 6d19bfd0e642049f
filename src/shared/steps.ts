import { z } from 'zod/mini';
import { accountSchema, ageGroupSchema, caseLabelSchema } from './referral.ts';

/** One schema per page of the form, each made from the same parts as the whole referral. */
export const stepSchemas = {
  'case-label': z.strictObject({ caseLabel: caseLabelSchema }),
  age: z.strictObject({ ageGroup: ageGroupSchema }),
  account: z.strictObject({ account: accountSchema }),
} as const;

export type StepId = keyof typeof stepSchemas;
export type StepValues<S extends StepId> = z.infer<(typeof stepSchemas)[S]>;
