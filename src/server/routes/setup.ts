import type { FastifyInstance } from 'fastify';
import { setPasswordRequestSchema, setupRequestSchema } from '../../shared/accounts.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import type { LimitCheck } from '../auth/rate-limits.ts';
import { problem, sendProblem } from '../problem.ts';
import type { AccountService } from '../services/accounts.ts';

const TOKEN_INVALID = problem(401, 'token-invalid', 'This code does not work', {
  detail: 'It was mistyped, used already, or has expired. Ask an administrator for a new one.',
});

/** The two things a one-time code does: make the first administrator, and set a password. */
export function setupRoutes(app: FastifyInstance, { accounts, perAddress }: { accounts: AccountService; perAddress: LimitCheck }): void {
  app.post(API_PATHS.setup, { onRequest: perAddress }, async (request, reply) => {
    const parsed = setupRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'The setup request is not complete', { errors: toFieldErrors(parsed.error) }));
    const outcome = await accounts.completeSetup(parsed.data);
    if (outcome.kind === 'token-invalid') return sendProblem(reply, TOKEN_INVALID);
    if (outcome.kind === 'setup-done') return sendProblem(reply, problem(409, 'setup-done', 'There is an administrator already: ask them for an account'));
    if (outcome.kind === 'account-exists') return sendProblem(reply, problem(409, 'account-exists', 'There is an account with this email address already'));
    return reply.code(204).send();
  });

  app.post(API_PATHS.password, { onRequest: perAddress }, async (request, reply) => {
    const parsed = setPasswordRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'Choose a password', { errors: toFieldErrors(parsed.error) }));
    const user = await accounts.setPassword(parsed.data.token, parsed.data.password);
    if (!user) return sendProblem(reply, TOKEN_INVALID);
    return reply.code(204).send();
  });
}
