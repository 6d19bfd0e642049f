import { reconsiderationLastDay } from './clock.ts';
import type { CaseState } from './machine.ts';
import type { Progress } from './progress.ts';

/** Kept apart from the schema so the field app's first load does not carry the clock. */
export function progressOf(state: CaseState): Progress {
  const none = { on: null, reconsiderUntil: null };
  const shown = state.stage === 'suspended' || state.stage === 'turned-18' ? (state.resumeStage ?? 'rg-pending') : state.stage;
  const window = state.servedNegativeOn ? reconsiderationLastDay(state.servedNegativeOn) : null;
  switch (shown) {
    case 'more-information':
      return { stage: 'more-information', on: state.heldSince, reconsiderUntil: null };
    case 'withdrawn':
    case 'reconsideration':
      return { stage: shown, ...none };
    case 'rg-negative':
      return { stage: 'rg-negative', on: state.rg?.on ?? null, reconsiderUntil: window };
    case 'cg-negative':
      return { stage: 'cg-negative', on: state.cg?.on ?? null, reconsiderUntil: window };
    case 'cg-positive':
      return { stage: 'cg-positive', on: state.cg?.on ?? null, reconsiderUntil: null };
    default:
      return state.rg?.outcome === 'positive' ? { stage: 'rg-positive', on: state.rg.on, reconsiderUntil: null } : { stage: 'received', ...none };
  }
}
