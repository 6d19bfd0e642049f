import type { Role } from '../accounts.ts';

/** Who may open a case: the decision unit and, when the deployment has it, the independent review panel. */
export const CASE_READERS = ['caseworker', 'reviewer', 'panel'] as const satisfies readonly Role[];

/** Who makes decisions; a reviewer is a senior decision maker and may decide as well as review. */
export const DECISION_MAKERS = ['caseworker', 'reviewer'] as const satisfies readonly Role[];

/** Who sees the Duty to Notify list: no decision path, so no caseworker work there. */
export const DTN_READERS = ['reviewer', 'analyst'] as const satisfies readonly Role[];

export function isOneOf<T extends string>(role: string, allowed: readonly T[]): role is T {
  return (allowed as readonly string[]).includes(role);
}
