import { z } from 'zod/mini';

/**
 * What the responder's device learns of its referral's progress (GET /receipts): the stage as the
 * responder knows it and its dates, nothing else. A proposed negative decision is not served, so it
 * is not told; a suspension or a turned-18 hold shows as the stage it interrupted.
 */
export const responderStages = ['received', 'more-information', 'rg-positive', 'rg-negative', 'reconsideration', 'cg-positive', 'cg-negative', 'withdrawn'] as const;
export type ResponderStage = (typeof responderStages)[number];

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const progressSchema = z.strictObject({
  stage: z.enum(responderStages),
  /** The day of the decision or request the stage names. */
  on: z.nullable(day),
  /** For a served negative decision: the last day to ask for reconsideration. */
  reconsiderUntil: z.nullable(day),
});
export type Progress = z.infer<typeof progressSchema>;
