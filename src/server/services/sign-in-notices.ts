import type { FailedSignIns, SignInHistoryStore } from '../storage/sign-in-history-store.ts';

/**
 * Tells an account holder, as they sign in, how often someone failed to sign in as them since their
 * previous sign-in (there is no email in this service: the console shows it). Each failure is audited
 * (`sign-in-failed`) by the session service; this only counts them.
 */
export function createSignInNotices({ history }: { history: SignInHistoryStore }) {
  return {
    /** For the account that has just signed in. */
    failedSincePrevious(userId: string): Promise<FailedSignIns | undefined> {
      return history.failedBeforeLatestSignIn(userId);
    },
  };
}

export type SignInNotices = ReturnType<typeof createSignInNotices>;
