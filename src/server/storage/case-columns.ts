import type { Day } from '../../shared/casework/clock.ts';
import type { CaseState } from '../../shared/casework/machine.ts';
import { isHold, type Stage } from '../../shared/casework/stages.ts';
import type { ReferralPath } from '../../shared/referral.ts';

export type AgeGroup = 'under-18' | '18-or-over' | 'not-known';
export type DueKind = 'rg-due' | 'cg-not-before';

const RG_STAGES: readonly Stage[] = ['rg-pending', 'rg-negative-proposed'];

/**
 * The date a case is next due by, as the queue sorts and filters it: the reasonable grounds target
 * while that decision is open (a hold counts as the stage it interrupted), the first day conclusive
 * grounds may be decided while the recovery period runs, and nothing once a decision is served.
 */
export function dueOf(state: CaseState): { dueOn: Day | null; dueKind: DueKind | null } {
  const standing = isHold(state.stage) ? (state.resumeStage ?? 'rg-pending') : state.stage;
  if (RG_STAGES.includes(standing)) return { dueOn: state.rgDueOn, dueKind: 'rg-due' };
  if (standing === 'cg-pending' && state.cgNotBefore) return { dueOn: state.cgNotBefore, dueKind: 'cg-not-before' };
  return { dueOn: null, dueKind: null };
}

/**
 * The age group the queue shows, from the path (a child referral is for someone under 18 or of unknown
 * age; the law says treat them as a child). `notSure`: the responder answered "not sure", which the
 * decision unit needs to see, since a council still has to assess the age.
 */
export function ageGroupOf(path: ReferralPath, notSure = false): AgeGroup {
  if (path === 'adult-nrm') return '18-or-over';
  if (path === 'child') return notSure ? 'not-known' : 'under-18';
  return 'not-known';
}

/** The columns of `cases` that mirror the state, so the queue filters and sorts by index, never by JSON. */
export function stateColumns(state: CaseState) {
  const { dueOn, dueKind } = dueOf(state);
  return { stage: state.stage, version: state.version, held_by: state.heldBy, due_on: dueOn, due_kind: dueKind, state: JSON.stringify(state) };
}
