import type { ReferralAnswers } from '../shared/referral.ts';
import { stepSchemas, type StepId } from '../shared/steps.ts';

/** The order of the questions. The journey is pure: it decides where to go from the answers alone. */
export const stepOrder: readonly StepId[] = ['case-label', 'age', 'account'];

export type Place = { kind: 'step'; step: StepId } | { kind: 'check' };

export function isStep(value: string): value is StepId {
  return (stepOrder as readonly string[]).includes(value);
}

export function nextPlace(step: StepId): Place {
  const next = stepOrder[stepOrder.indexOf(step) + 1];
  return next ? { kind: 'step', step: next } : { kind: 'check' };
}

/** Where the back link of a step leads; undefined means the start page. */
export function previousStep(step: StepId): StepId | undefined {
  return stepOrder[stepOrder.indexOf(step) - 1];
}

export function stepNumber(step: StepId): number {
  return stepOrder.indexOf(step) + 1;
}

/** Where a resumed draft opens: the first question not yet answered well, or check-your-answers. */
export function resumePlace(draft: { caseLabel: string; answers: ReferralAnswers }): Place {
  const values = { caseLabel: draft.caseLabel, ...draft.answers };
  const open = stepOrder.find((step) => {
    const shape = stepSchemas[step].shape;
    const picked = Object.fromEntries(Object.keys(shape).map((key) => [key, values[key as keyof typeof values]]));
    return !stepSchemas[step].safeParse(picked).success;
  });
  return open ? { kind: 'step', step: open } : { kind: 'check' };
}
