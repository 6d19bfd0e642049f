import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { Health, HealthService } from '../services/health.ts';

/** Seconds a device or load balancer should wait before asking again. */
export const HEALTH_RETRY_AFTER_SECONDS = 5;

const WHY: Record<Exclude<Health, { ok: true }>['reason'], string> = {
  unreachable: 'The service cannot reach its database just now.',
  'cannot-write': 'The service’s database is not taking new data just now.',
  'disk-full': 'The service’s disk is almost full.',
};

/**
 * A cheap answer that proves the device can reach a server that can store its referral
 * (navigator.onLine cannot), and tells a load balancer when this instance cannot store one.
 */
export function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }): void {
  app.get(API_PATHS.health, async (_request, reply) => {
    const found = await health.check();
    if (found.ok) return { status: 'ok' };
    reply.header('retry-after', String(HEALTH_RETRY_AFTER_SECONDS));
    return sendProblem(reply, problem(503, 'unavailable', `${WHY[found.reason]} Referrals stay queued on the device.`));
  });
}
