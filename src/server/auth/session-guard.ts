import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/accounts.ts';
import { problem, sendProblem } from '../problem.ts';
import type { SessionService } from './sessions.ts';
import { sessionTokenFrom } from './session-cookie.ts';

/** An onRequest hook: lets through a signed-in user with one of `roles`; 401 without a session, 403 with the wrong role. */
export function requireRole(sessions: SessionService, roles: readonly Role[]) {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    const token = sessionTokenFrom(request.headers.cookie, request.cookiesSecure);
    const session = token === undefined ? undefined : await sessions.current(token);
    if (!session) return sendProblem(reply, problem(401, 'signed-out', 'Sign in to continue', { detail: 'There is no session, or it has ended.' }));
    if (!roles.includes(session.user.role)) return sendProblem(reply, problem(403, 'forbidden', 'Your role does not allow this'));
    request.session = session;
    return undefined;
  };
}
