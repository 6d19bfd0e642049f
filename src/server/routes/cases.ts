import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import { problem, sendProblem } from '../problem.ts';
import type { CaseService } from '../services/cases.ts';
import { signedInUser, UUID } from './signed-in.ts';

/** Caseworkers and reviewers read a case (every read audited); analysts see only the figures. */
export function caseRoutes(app: FastifyInstance, { sessions, cases }: { sessions: SessionService; cases: CaseService }): void {
  app.get<{ Params: { id: string } }>(API_PATHS.case, { onRequest: requireRole(sessions, ['caseworker', 'reviewer']) }, async (request, reply) => {
    const { id } = request.params;
    const found = UUID.test(id) ? await cases.read(signedInUser(request), id) : undefined;
    return found ?? sendProblem(reply, problem(404, 'not-found', 'There is no such case'));
  });

  app.get(API_PATHS.referralsByPath, { onRequest: requireRole(sessions, ['analyst']) }, async () => cases.referralsByPath());
}
