/** Failed attempts on one account between two of its successful sign-ins. */
export interface FailedSignIns {
  count: number;
  /** The account's sign-in before the latest one; or, if there was none, the first failed attempt. */
  since: string;
}

/** What the audit log says of an account's sign-ins (`sign-in`, `sign-in-failed`, written by auth/sessions.ts). */
export interface SignInHistoryStore {
  /** The failed attempts on the account since its sign-in before the latest one; undefined when there were none. */
  failedBeforeLatestSignIn(userId: string): Promise<FailedSignIns | undefined>;
}
