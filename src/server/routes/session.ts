import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roles, signInRequestSchema, type SessionResponse } from '../../shared/accounts.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import type { LimitCheck } from '../auth/rate-limits.ts';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom } from '../auth/session-cookie.ts';
import { requireRole } from '../auth/session-guard.ts';
import { SESSION_ABSOLUTE_MS, type SessionService } from '../auth/sessions.ts';
import type { SignInNotices } from '../services/sign-in-notices.ts';
import { problem, sendProblem } from '../problem.ts';
import { currentSession } from './signed-in.ts';

export interface SessionRouteDeps {
  sessions: SessionService;
  limits: { perAddress: LimitCheck; perAccountAndAddress: LimitCheck };
  /** Failed attempts on the account since its previous sign-in, told to its holder as they sign in. */
  notices: SignInNotices;
  /** Whether the cookie gets `Secure` on plain HTTP too (behind a TLS proxy that does not say so). */
  secureCookies: 'auto' | 'always';
}

export function sessionRoutes(app: FastifyInstance, { sessions, limits, notices, secureCookies }: SessionRouteDeps): void {
  const secure = (request: FastifyRequest) => secureCookies === 'always' || request.protocol === 'https';

  app.post(API_PATHS.session, { onRequest: limits.perAddress }, async (request, reply) => {
    const parsed = signInRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'Enter your email address and password', { errors: toFieldErrors(parsed.error) }));
    const limited = await limits.perAccountAndAddress(request, reply);
    if (limited) return limited;
    const signedIn = await sessions.signIn(parsed.data.email, parsed.data.password);
    if (!signedIn) return sendProblem(reply, problem(401, 'sign-in-failed', 'The email address or password is not right'));
    if (signedIn === 'disabled') {
      return sendProblem(reply, problem(403, 'account-disabled', 'This account has been disabled', { detail: 'Ask an administrator of your organisation if you need it again.' }));
    }
    // A new session on every sign-in; the one the browser held before, if any, ends.
    const previous = sessionTokenFrom(request.headers.cookie, secure(request));
    if (previous) await sessions.signOut(previous);
    reply.header('set-cookie', sessionCookie(signedIn.token, { maxAgeSeconds: SESSION_ABSOLUTE_MS / 1000, secure: secure(request) }));
    const failedSignIns = await notices.failedSincePrevious(signedIn.session.user.id);
    return { ...signedIn.session, ...(failedSignIns ? { failedSignIns } : {}) } satisfies SessionResponse;
  });

  app.get(API_PATHS.session, { onRequest: requireRole(sessions, roles) }, async (request): Promise<SessionResponse> => currentSession(request));

  app.delete(API_PATHS.session, async (request, reply) => {
    const token = sessionTokenFrom(request.headers.cookie, secure(request));
    if (token) await sessions.signOut(token);
    return reply.code(204).header('set-cookie', clearedSessionCookie(secure(request))).send();
  });
}
