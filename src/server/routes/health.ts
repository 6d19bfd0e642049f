import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';

/** A cheap answer that proves the device can reach the server (navigator.onLine cannot). */
export function healthRoutes(app: FastifyInstance): void {
  app.get(API_PATHS.health, async () => ({ status: 'ok' }));
}
