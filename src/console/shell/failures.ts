import { caseChangedSchema, type CaseEvent } from '../../shared/casework/protocol.ts';
import type { CaseState } from '../../shared/casework/machine.ts';
import { problemSchema, type FieldError } from '../../shared/protocol.ts';

/** Why a request to the server did not give what was asked, in the terms the screens act on. */
export type Failure =
  | { kind: 'unreachable' }
  | { kind: 'wrong-details' }
  /** Sign-in: the password was right, but an administrator has disabled the account. */
  | { kind: 'account-disabled' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'signed-out' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  /** Casework: the rules refused the action, with the reason a caseworker can act on. */
  | { kind: 'refused'; reason: string }
  /** Casework: someone else changed the case first; nothing was written. */
  | { kind: 'case-changed'; current: CaseState; since: CaseEvent[] }
  | { kind: 'server'; status: number; retryAfterSeconds: number | undefined }
  | { kind: 'unexpected'; status: number };

/**
 * Reads a refusal by its problem code where the server sent one (codes are stable, wording is not),
 * and by its status otherwise — a proxy in front of the server answers without our codes.
 */
export function failureFrom(status: number, retryAfter: number | undefined, body: unknown): Failure {
  const parsed = problemSchema.safeParse(body);
  const code = parsed.success ? parsed.data.code : undefined;
  if (code === 'sign-in-failed') return { kind: 'wrong-details' };
  if (code === 'account-disabled') return { kind: 'account-disabled' };
  if (code === 'rate-limited' || status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfter };
  if (code === 'signed-out' || status === 401) return { kind: 'signed-out' };
  if (code === 'forbidden' || status === 403) return { kind: 'forbidden' };
  if (code === 'case-changed' || status === 409) {
    const changed = caseChangedSchema.safeParse(body);
    if (changed.success) return { kind: 'case-changed', current: changed.data.current, since: changed.data.since };
  }
  if (code === 'action-refused' && parsed.success && parsed.data.detail) return { kind: 'refused', reason: parsed.data.detail };
  if ((status === 400 || status === 409 || status === 422) && parsed.success && parsed.data.errors?.length) return { kind: 'invalid', errors: parsed.data.errors };
  if (code === 'not-found' || status === 404) return { kind: 'not-found' };
  if (status >= 500) return { kind: 'server', status, retryAfterSeconds: retryAfter };
  return { kind: 'unexpected', status };
}

/** "15 minutes", "1 minute", "40 seconds": how long to wait, rounded up so that trying then works. */
export function waitPhrase(seconds: number | undefined): string {
  if (seconds === undefined) return 'a few minutes';
  if (seconds < 60) {
    const whole = Math.max(1, Math.ceil(seconds));
    return `${whole} second${whole === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}
