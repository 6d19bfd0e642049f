import type { ResponderActionType } from '../../shared/casework/responder-actions.ts';
import type { AdditionRecord, OutboxRecord } from '../../store/db.ts';

export type AdditionAction = 'answer' | 'reconsider';

const kindOf: Record<AdditionAction, ResponderActionType> = { answer: 'answer-information', reconsider: 'ask-reconsideration' };

/**
 * What the responder may add to a delivered referral now: an answer while more information is asked
 * for, a reconsideration request while a negative decision stands. Not offered again once one was
 * written after the case reached its stage (unless the server refused it): one answer per question.
 */
export function offeredAdditions(caseStatus: OutboxRecord['caseStatus'], additions: readonly Pick<AdditionRecord, 'kind' | 'state' | 'createdAt'>[]): AdditionAction[] {
  const stage = caseStatus?.progress?.stage;
  const action: AdditionAction | undefined = stage === 'more-information' ? 'answer' : stage === 'rg-negative' || stage === 'cg-negative' ? 'reconsider' : undefined;
  if (!action || !caseStatus) return [];
  const written = additions.some((addition) => addition.kind === kindOf[action] && addition.state !== 'needs-attention' && addition.createdAt >= caseStatus.changedAt);
  return written ? [] : [action];
}
