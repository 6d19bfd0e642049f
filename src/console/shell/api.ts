import type { Role, SessionResponse, SetPasswordRequest, SignInRequest } from '../../shared/accounts.ts';
import type { CaseActionRequest, CaseNoteRequest } from '../../shared/casework/actions.ts';
import type { CaseFilesResponse } from '../../shared/casework/files.ts';
import type { CaseDetail, DtnReportsResponse, QueueQuery, QueueResponse } from '../../shared/casework/protocol.ts';
import { session, setPassword, signIn, signOut } from '../../sync/api-accounts.ts';
import { createApiClient, type ApiFailure, type ApiResult } from '../../sync/api-client.ts';
import { addCaseNote, caseAction, caseDetail, caseFileAddress, caseFiles, caseQueue, caseworkers, decideSameness, dtnReports } from '../../sync/api-casework.ts';
import type { AuditQuery } from '../../shared/admin/audit.ts';
import type { InviteRequest, UsersQuery } from '../../shared/admin/protocol.ts';
import { figuresTables, figuresTrend, type TrendQuery } from '../../sync/api-figures.ts';
import { adminUser, adminUsers, auditCsvAddress, auditLog, changeRole, findUser, inviteUser, resetPassword, revokeDevice, setDisabled } from '../../sync/api-admin.ts';
import { failureFrom, type Failure } from './failures.ts';

/** The person signed in, as the session describes them. */
export type ConsoleUser = SessionResponse['user'];

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
    // The problem as sent, with any members of the route's own (a 409's case as it stands now).
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
    /** Casework (case readers): the queue, one case, and what can be done to it. */
    caseQueue: (query: QueueQuery): Promise<Result<QueueResponse>> => valueOf(caseQueue(api, query)),
    caseDetail: (id: string): Promise<Result<CaseDetail>> => valueOf(caseDetail(api, id)),
    caseFiles: (id: string): Promise<Result<CaseFilesResponse>> => valueOf(caseFiles(api, id)),
    caseFileAddress,
    caseAction: (id: string, request: CaseActionRequest): Promise<Result<void>> => valueOf(caseAction(api, id, request)),
    addCaseNote: (id: string, note: CaseNoteRequest): Promise<Result<void>> => valueOf(addCaseNote(api, id, note)),
    decideSameness: (id: string, otherId: string, verdict: 'same-person' | 'not-same'): Promise<Result<void>> => valueOf(decideSameness(api, id, otherId, verdict)),
    caseworkers: () => valueOf(caseworkers(api)),
    dtnReports: (page: number): Promise<Result<DtnReportsResponse>> => valueOf(dtnReports(api, page)),
    /** Figures (analysts, reviewers): every table for a period, and one figure's trend. */
    figures: {
      tables: (period: string) => valueOf(figuresTables(api, period)),
      trend: (query: TrendQuery) => valueOf(figuresTrend(api, query)),
    },
    /** Administration (admins): accounts, their devices, the audit log. */
    admin: {
      users: (query: UsersQuery) => valueOf(adminUsers(api, query)),
      user: (id: string) => valueOf(adminUser(api, id)),
      find: (email: string) => valueOf(findUser(api, email)),
      invite: (request: InviteRequest) => valueOf(inviteUser(api, request)),
      changeRole: (id: string, role: Role) => valueOf(changeRole(api, id, role)),
      setDisabled: (id: string, disabled: boolean) => valueOf(setDisabled(api, id, disabled)),
      resetPassword: (id: string) => valueOf(resetPassword(api, id)),
      revokeDevice: (id: string) => valueOf(revokeDevice(api, id)),
      auditLog: (query: AuditQuery) => valueOf(auditLog(api, query)),
      auditCsvAddress,
    },
    /** With a one-time code from an administrator; needs no session. */
    setPassword: (request: SetPasswordRequest) => valueOf(setPassword(api, request)),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
