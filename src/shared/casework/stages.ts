/**
 * Where a case stands at the decision unit (docs/domain.md, "Decisions"). A negative decision is only proposed
 * until a second person agrees; holds pause the clock and remember the stage to go back to.
 */
export const stages = [
  'rg-pending',
  'rg-negative-proposed',
  'rg-negative',
  'cg-pending',
  'cg-negative-proposed',
  'cg-panel',
  'cg-positive',
  'cg-negative',
  'reconsideration',
  'more-information',
  'suspended',
  'turned-18',
  'withdrawn',
] as const;
export type Stage = (typeof stages)[number];

/** Holds pause the clock and return to the stage they interrupted. */
export const holdStages = ['more-information', 'suspended', 'turned-18'] as const satisfies readonly Stage[];
export type HoldStage = (typeof holdStages)[number];

/** Nothing more is decided on a case here (a served negative conclusive grounds decision may still be reconsidered). */
export const finalStages = ['cg-positive', 'withdrawn'] as const satisfies readonly Stage[];

export function isHold(stage: Stage): stage is HoldStage {
  return (holdStages as readonly Stage[]).includes(stage);
}

export const stageLabels: Record<Stage, string> = {
  'rg-pending': 'Reasonable grounds decision due',
  'rg-negative-proposed': 'Negative reasonable grounds: second person to review',
  'rg-negative': 'Reasonable grounds: negative (served)',
  'cg-pending': 'Recovery period: conclusive grounds to decide',
  'cg-negative-proposed': 'Negative conclusive grounds: second person to review',
  'cg-panel': 'Negative conclusive grounds: independent review panel',
  'cg-positive': 'Conclusive grounds: positive',
  'cg-negative': 'Conclusive grounds: negative (served)',
  reconsideration: 'Reconsideration requested',
  'more-information': 'More information asked for (clock paused)',
  suspended: 'Suspended (clock paused)',
  'turned-18': 'Turned 18: consent to continue awaited (clock paused)',
  withdrawn: 'Withdrawn',
};
