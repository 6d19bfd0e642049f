import type { ReferralsByPathResponse, SessionResponse, SignInRequest } from '../../shared/accounts.ts';
import { referralsByPath, session, signIn, signOut } from '../../sync/api-accounts.ts';
import { createApiClient, type ApiFailure, type ApiResult } from '../../sync/api-client.ts';
import { failureFrom, type Failure } from './failures.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** The session as the server described it, and the server's clock at that moment (its Date header). */
export interface SignedIn {
  session: SessionResponse;
  serverTime: Date;
}

export interface ConsoleApiDeps {
  fetch: typeof fetch;
  now: () => Date;
}

/** The few calls the console makes; every answer becomes a value or a Failure, never a thrown error. */
export function createConsoleApi({ fetch, now }: ConsoleApiDeps) {
  const api = createApiClient({ fetch, credentials: 'same-origin', clock: { now } });

  const failure = (failed: ApiFailure): Failure => {
    if (failed.kind === 'unreachable') return { kind: 'unreachable' };
    if (failed.kind === 'unexpected') return { kind: 'unexpected', status: failed.status };
    return failureFrom(failed.status, failed.retryAfterMs === undefined ? undefined : Math.ceil(failed.retryAfterMs / 1000), failed.problem);
  };

  const valueOf = async <T>(call: Promise<ApiResult<T>>): Promise<Result<T>> => {
    const result = await call;
    return result.ok ? { ok: true, value: result.value } : { ok: false, failure: failure(result.failure) };
  };

  const signedIn = async (call: Promise<ApiResult<SessionResponse>>): Promise<Result<SignedIn>> => {
    const result = await call;
    if (!result.ok) return { ok: false, failure: failure(result.failure) };
    const date = Date.parse(result.headers.get('date') ?? '');
    return { ok: true, value: { session: result.value, serverTime: Number.isNaN(date) ? now() : new Date(date) } };
  };

  return {
    signIn: (request: SignInRequest) => signedIn(signIn(api, request)),
    /** Who is signed in; a `signed-out` failure once the session has ended. Counts as use of the session. */
    session: () => signedIn(session(api)),
    signOut: () => valueOf(signOut(api)),
    referralsByPath: (): Promise<Result<ReferralsByPathResponse>> => valueOf(referralsByPath(api)),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
