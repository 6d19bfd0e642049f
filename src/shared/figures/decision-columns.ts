import { daysBetween } from '../casework/clock.ts';
import type { CaseState } from '../casework/machine.ts';
import type { StatisticalRecord } from './statistical-record.ts';

export type DecisionColumns = Pick<StatisticalRecord, 'rgOutcome' | 'rgOn' | 'rgDays' | 'cgOutcome' | 'cgOn' | 'cgDays' | 'withdrawn' | 'countyLines'>;

/** Actions that open a reconsideration of a served negative decision. */
export const RECONSIDERATION_ACTIONS: readonly string[] = ['record-reconsideration', 'ask-reconsideration'];

/**
 * The served decisions of a case as the figures count them: outcome, UK day and calendar days from the
 * referral. A decision being reconsidered, or only proposed, is not served and is not counted. The
 * county-lines mark travels with them: casework sets it too.
 */
export function decisionColumnsOf(state: CaseState): DecisionColumns {
  return {
    rgOutcome: state.rg?.outcome ?? null,
    rgOn: state.rg?.on ?? null,
    rgDays: state.rg ? Math.max(0, daysBetween(state.receivedOn, state.rg.on)) : null,
    cgOutcome: state.cg?.outcome ?? null,
    cgOn: state.cg?.on ?? null,
    cgDays: state.cg ? Math.max(0, daysBetween(state.receivedOn, state.cg.on)) : null,
    withdrawn: state.stage === 'withdrawn',
    countyLines: state.countyLines === true,
  };
}
