import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod/mini';
import { auditQuerySchema } from '../../shared/admin/audit.ts';
import { ADMIN_PATHS, findUserRequestSchema, inviteRequestSchema, roleRequestSchema, usersQuerySchema } from '../../shared/admin/protocol.ts';
import { dayOf } from '../../shared/casework/clock.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import { problem, sendProblem } from '../problem.ts';
import { safeFilename } from '../services/admin-csv.ts';
import type { AccountChange, AdminService } from '../services/admin.ts';
import { signedInUser } from './signed-in.ts';

const noSuchAccount = problem(404, 'not-found', 'There is no such account');
const ownAccount = problem(422, 'action-refused', 'You cannot change your own account here', {
  detail: 'You cannot change your own account here: ask another administrator.',
});

function invalid(reply: FastifyReply, status: 400 | 422, title: string, error: z.core.$ZodError): FastifyReply {
  return sendProblem(reply, problem(status, 'bad-request', title, { errors: toFieldErrors(error) }));
}

function answer<T>(reply: FastifyReply, outcome: AccountChange<T>): T | FastifyReply {
  if (outcome.kind === 'not-found') return sendProblem(reply, noSuchAccount);
  if (outcome.kind === 'own-account') return sendProblem(reply, ownAccount);
  return outcome.value;
}

/**
 * The administrator's console (src/shared/admin/protocol.ts), for the admin role alone: accounts (invite,
 * role, disable, enable, password reset with a one-time code shown once), their devices (revoke), and
 * the audit log (filtered, paged, and as CSV). Never case content.
 */
export function adminRoutes(app: FastifyInstance, { sessions, admin }: { sessions: SessionService; admin: AdminService }): void {
  const admins = { onRequest: requireRole(sessions, ['admin']) };
  type ById = { Params: { id: string } };

  app.get(ADMIN_PATHS.users, admins, async (request, reply) => {
    const parsed = usersQuerySchema.safeParse(request.query);
    if (!parsed.success) return invalid(reply, 400, 'The filters are not valid', parsed.error);
    return admin.users(parsed.data);
  });

  app.post(ADMIN_PATHS.users, admins, async (request, reply) => {
    const parsed = inviteRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 422, 'The invitation is not complete', parsed.error);
    const outcome = await admin.invite(signedInUser(request), parsed.data);
    if (outcome.kind === 'no-organisation') {
      return sendProblem(reply, problem(422, 'bad-request', 'The invitation is not complete', { errors: [{ path: 'organisation', message: 'Choose an organisation from the list' }] }));
    }
    if (outcome.kind === 'account-exists') {
      return sendProblem(reply, problem(409, 'account-exists', 'There is an account with this email address already', { errors: [{ path: 'email', message: 'There is an account with this email address already' }] }));
    }
    return reply.code(201).send(outcome.value);
  });

  app.post(ADMIN_PATHS.findUser, admins, async (request, reply) => {
    const parsed = findUserRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 422, 'Enter an email address', parsed.error);
    const id = await admin.findUser(parsed.data.email);
    return id ? { id } : sendProblem(reply, problem(404, 'not-found', 'There is no account with this email address', { errors: [{ path: 'email', message: 'There is no account with this email address' }] }));
  });

  app.get<ById>(ADMIN_PATHS.user, admins, async (request, reply) => (await admin.user(request.params.id)) ?? sendProblem(reply, noSuchAccount));

  app.put<ById>(ADMIN_PATHS.role, admins, async (request, reply) => {
    const parsed = roleRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 422, 'Choose a role', parsed.error);
    return answer(reply, await admin.changeRole(signedInUser(request), request.params.id, parsed.data.role));
  });

  app.post<ById>(ADMIN_PATHS.disable, admins, async (request, reply) => answer(reply, await admin.disable(signedInUser(request), request.params.id)));
  app.post<ById>(ADMIN_PATHS.enable, admins, async (request, reply) => answer(reply, await admin.enable(signedInUser(request), request.params.id)));
  app.post<ById>(ADMIN_PATHS.resetPassword, admins, async (request, reply) => answer(reply, await admin.resetPassword(signedInUser(request), request.params.id)));

  app.post<ById>(ADMIN_PATHS.revokeDevice, admins, async (request, reply) => {
    return (await admin.revokeDevice(signedInUser(request), request.params.id)) ?? sendProblem(reply, problem(404, 'not-found', 'There is no such device'));
  });

  app.get(ADMIN_PATHS.audit, admins, async (request, reply) => {
    const parsed = auditQuerySchema.safeParse(request.query);
    if (!parsed.success) return invalid(reply, 400, 'The filters are not valid', parsed.error);
    return admin.auditLog(parsed.data);
  });

  app.get(ADMIN_PATHS.auditCsv, admins, async (request, reply) => {
    const parsed = auditQuerySchema.safeParse(request.query);
    if (!parsed.success) return invalid(reply, 400, 'The filters are not valid', parsed.error);
    const lines = await admin.auditCsv(signedInUser(request), parsed.data);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${safeFilename(`audit-log-${dayOf(new Date())}.csv`)}"`)
      .send(Readable.from(lines));
  });
}
