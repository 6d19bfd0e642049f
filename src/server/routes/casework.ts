import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod/mini';
import { caseActionRequestSchema, caseNoteRequestSchema } from '../../shared/casework/actions.ts';
import { CASEWORK_PATHS, queueQuerySchema, samenessRequestSchema } from '../../shared/casework/protocol.ts';
import { CASE_READERS, DECISION_MAKERS, DTN_READERS } from '../../shared/casework/roles.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import { problem, sendProblem } from '../problem.ts';
import type { CaseworkService } from '../services/casework.ts';
import { signedInUser, UUID } from './signed-in.ts';

const noSuchCase = problem(404, 'not-found', 'There is no such case');
const notForPanel = problem(403, 'forbidden', 'The panel reads a case only while it awaits the panel', {
  detail: 'This case is not, or no longer, with the independent review panel. Go back to the panel queue.',
});

const dtnQuerySchema = z.strictObject({ page: queueQuerySchema.shape.page });

function invalid(reply: FastifyReply, title: string, error: z.core.$ZodError): FastifyReply {
  return sendProblem(reply, problem(422, 'bad-request', title, { errors: toFieldErrors(error) }));
}

/**
 * The desk's API (src/shared/casework/protocol.ts): the queue and the case for its readers, actions
 * for decision makers and the panel (the state machine decides who may do what, when), notes, the
 * same-person verdict, the reviewer's list of people to assign to, and the Duty to Notify list.
 */
export function caseworkRoutes(app: FastifyInstance, { sessions, casework }: { sessions: SessionService; casework: CaseworkService }): void {
  const readers = requireRole(sessions, CASE_READERS);

  app.get(CASEWORK_PATHS.queue, { onRequest: readers }, async (request, reply) => {
    const parsed = queueQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'The queue filters are not valid', { errors: toFieldErrors(parsed.error) }));
    return casework.queue(signedInUser(request), parsed.data);
  });

  app.get<{ Params: { id: string } }>(API_PATHS.case, { onRequest: readers }, async (request, reply) => {
    const { id } = request.params;
    if (!UUID.test(id)) return sendProblem(reply, noSuchCase);
    const read = await casework.detail(signedInUser(request), id);
    if (read.kind === 'not-found') return sendProblem(reply, noSuchCase);
    if (read.kind === 'not-for-panel') return sendProblem(reply, notForPanel);
    return read.detail;
  });

  app.post<{ Params: { id: string } }>(CASEWORK_PATHS.actions, { onRequest: requireRole(sessions, [...DECISION_MAKERS, 'panel']) }, async (request, reply) => {
    const { id } = request.params;
    if (!UUID.test(id)) return sendProblem(reply, noSuchCase);
    const parsed = caseActionRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 'The action is not complete', parsed.error);
    const outcome = await casework.act(signedInUser(request), id, parsed.data);
    switch (outcome.kind) {
      case 'done':
        return outcome.response;
      case 'not-found':
        return sendProblem(reply, noSuchCase);
      case 'not-for-panel':
        return sendProblem(reply, notForPanel);
      case 'changed':
        return sendProblem(
          reply,
          problem(409, 'case-changed', 'The case changed since you opened it', {
            detail: 'Nothing was saved. Read what changed, then decide again on the case as it stands.',
            current: outcome.current,
            since: outcome.since,
          }),
        );
      case 'refused':
        return sendProblem(reply, problem(422, 'action-refused', 'This cannot be done to the case now', { detail: outcome.reason, refusal: outcome.code }));
      case 'invalid':
        return sendProblem(reply, problem(422, 'bad-request', 'The action is not complete', { errors: outcome.errors }));
    }
  });

  app.post<{ Params: { id: string } }>(CASEWORK_PATHS.notes, { onRequest: readers }, async (request, reply) => {
    const { id } = request.params;
    if (!UUID.test(id)) return sendProblem(reply, noSuchCase);
    const parsed = caseNoteRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 'The note is not complete', parsed.error);
    const outcome = await casework.note(signedInUser(request), id, parsed.data.text);
    if (outcome.kind === 'not-found') return sendProblem(reply, noSuchCase);
    if (outcome.kind === 'not-for-panel') return sendProblem(reply, notForPanel);
    return reply.code(201).send(outcome.note);
  });

  app.put<{ Params: { id: string; otherId: string } }>(CASEWORK_PATHS.sameness, { onRequest: requireRole(sessions, DECISION_MAKERS) }, async (request, reply) => {
    const { id, otherId } = request.params;
    const noSuchPair = problem(404, 'not-found', 'These two cases were not found to be possibly the same person');
    if (!UUID.test(id) || !UUID.test(otherId)) return sendProblem(reply, noSuchPair);
    const parsed = samenessRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 'Say whether this is the same person', parsed.error);
    return (await casework.markSameness(signedInUser(request), id, otherId, parsed.data.verdict)) ?? sendProblem(reply, noSuchPair);
  });

  app.get(CASEWORK_PATHS.caseworkers, { onRequest: requireRole(sessions, ['reviewer']) }, async () => casework.caseworkers());

  app.get(CASEWORK_PATHS.dtnReports, { onRequest: requireRole(sessions, DTN_READERS) }, async (request, reply) => {
    const parsed = dtnQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'The page asked for is not valid', { errors: toFieldErrors(parsed.error) }));
    return casework.dtnReports(parsed.data.page ?? 1);
  });
}
