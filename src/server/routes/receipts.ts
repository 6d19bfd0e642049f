import type { FastifyInstance } from 'fastify';
import { toFieldErrors } from '../../shared/issues.ts';
import { API_PATHS, statusesQuerySchema } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { ReceiptService } from '../services/receipts.ts';

/**
 * Status changes of referrals the device names; references and states only, never case content.
 * A signed request learns only about referrals its own device sent; an unsigned one (a try-out on
 * loopback) only about referrals sent unsigned.
 */
export function receiptRoutes(app: FastifyInstance, { receipts }: { receipts: ReceiptService }): void {
  app.get(API_PATHS.receipts, async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    const ids = raw.id === undefined ? [] : Array.isArray(raw.id) ? raw.id : [raw.id];
    const parsed = statusesQuerySchema.safeParse({ since: raw.since, id: ids });
    if (!parsed.success) {
      return sendProblem(reply, problem(400, 'bad-request', 'The receipts request is not valid', { errors: toFieldErrors(parsed.error) }));
    }
    return { statuses: await receipts.statusesOf(parsed.data.id, parsed.data.since, request.device?.id ?? null) };
  });
}
