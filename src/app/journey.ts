import type { StepId } from '../shared/steps.ts';

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
