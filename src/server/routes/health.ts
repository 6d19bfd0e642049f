import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';

/**
 * A cheap answer that proves the device can reach a server that can store its referral
 * (navigator.onLine cannot), and tells a load balancer when this instance has lost its database.
 */
export function healthRoutes(app: FastifyInstance, { ping }: { ping: () => Promise<boolean> }): void {
  app.get(API_PATHS.health, async (_request, reply) => {
    if (await ping()) return { status: 'ok' };
    reply.header('retry-after', '5');
    return sendProblem(reply, problem(503, 'unavailable', 'The service cannot reach its database just now. Referrals stay queued on the device.'));
  });
}
