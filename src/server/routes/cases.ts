import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import type { CaseService } from '../services/cases.ts';

/** Analysts see only the figures; reading a case is routes/casework.ts. */
export function caseRoutes(app: FastifyInstance, { sessions, cases }: { sessions: SessionService; cases: CaseService }): void {
  app.get(API_PATHS.referralsByPath, { onRequest: requireRole(sessions, ['analyst']) }, async () => cases.referralsByPath());
}
