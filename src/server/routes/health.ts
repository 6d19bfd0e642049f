import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { HealthService } from '../services/health.ts';

/**
 * A cheap answer that proves the device can reach a server that can store its referral
 * (navigator.onLine cannot), and tells a load balancer when this instance has lost its database.
 */
export function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }): void {
  app.get(API_PATHS.health, async (_request, reply) => {
    if (await health.ready()) return { status: 'ok' };
    reply.header('retry-after', '5');
    return sendProblem(reply, problem(503, 'unavailable', 'The service cannot reach its database just now. Referrals stay queued on the device.'));
  });
}
