import type { z } from 'zod/mini';
import { referralsByPathResponseSchema, sessionResponseSchema, type ReferralsByPathResponse, type SessionResponse, type SignInRequest } from '../../shared/accounts.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import { parseRetryAfter } from '../../sync/http-transport.ts';
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
  async function call<T>(method: string, path: string, read: (response: Response, body: unknown) => Result<T>, body?: unknown): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, failure: { kind: 'unreachable' } };
    }
    const parsed: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const waitMs = parseRetryAfter(response.headers.get('retry-after'), now().getTime());
      return { ok: false, failure: failureFrom(response.status, waitMs === undefined ? undefined : Math.ceil(waitMs / 1000), parsed) };
    }
    return read(response, parsed);
  }

  const as =
    <T>(schema: z.ZodMiniType<T>) =>
    (response: Response, body: unknown): Result<T> => {
      const parsed = schema.safeParse(body);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected', status: response.status } };
    };

  const signedIn = (response: Response, body: unknown): Result<SignedIn> => {
    const parsed = as(sessionResponseSchema)(response, body);
    if (!parsed.ok) return parsed;
    const date = Date.parse(response.headers.get('date') ?? '');
    return { ok: true, value: { session: parsed.value, serverTime: Number.isNaN(date) ? now() : new Date(date) } };
  };

  return {
    signIn: (request: SignInRequest) => call('POST', API_PATHS.session, signedIn, request),
    /** Who is signed in; a `signed-out` failure once the session has ended. Counts as use of the session. */
    session: () => call('GET', API_PATHS.session, signedIn),
    signOut: () => call('DELETE', API_PATHS.session, (): Result<void> => ({ ok: true, value: undefined })),
    referralsByPath: (): Promise<Result<ReferralsByPathResponse>> => call('GET', API_PATHS.referralsByPath, as(referralsByPathResponseSchema)),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
