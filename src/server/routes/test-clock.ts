import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { dayOf } from '../../shared/casework/clock.ts';
import { CASEWORK_PATHS } from '../../shared/casework/protocol.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { problem, sendProblem } from '../problem.ts';
import type { TestClock } from '../test-clock.ts';

const testClockRequestSchema = z.strictObject({
  days: z.int('Say how many days to move the clock forward').check(z.minimum(0, 'The clock only moves forward'), z.maximum(3650, 'Move it 3,650 days or fewer')),
});

/**
 * Registered only when the server was started with TEST_CLOCK=true, which it allows on loopback alone
 * (config.ts): end-to-end tests move the server's days forward to walk a case through its clocks.
 */
export function testClockRoutes(app: FastifyInstance, { testClock }: { testClock: TestClock }): void {
  app.post(CASEWORK_PATHS.testClock, async (request, reply) => {
    const parsed = testClockRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, problem(422, 'bad-request', 'The clock was not moved', { errors: toFieldErrors(parsed.error) }));
    const now = testClock.forward(parsed.data.days);
    return { now: now.toISOString(), today: dayOf(now) };
  });
}
