import type { FastifyInstance } from 'fastify';
import { FIGURES_PATHS, figuresQuerySchema, trendQuerySchema } from '../../shared/figures/figures-contract.ts';
import { parsePeriod, PERIOD_FORMS } from '../../shared/figures/periods.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import { problem, sendProblem } from '../problem.ts';
import type { FiguresService } from '../services/figures/figures.ts';
import { signedInUser } from './signed-in.ts';

const badPeriod = (errors = [{ path: 'period', message: `Pick ${PERIOD_FORMS}` }]) =>
  problem(400, 'bad-request', 'The period is not one the figures can be counted for', { detail: `Ask for ${PERIOD_FORMS}; the first day must not be after the last.`, errors });

/** Analysts and reviewers (who assign the work): counts, already suppressed; never a case or a free-text answer. Every request is audited. */
export function figuresRoutes(app: FastifyInstance, { sessions, figures }: { sessions: SessionService; figures: FiguresService }): void {
  const readers = requireRole(sessions, ['analyst', 'reviewer']);

  app.get(FIGURES_PATHS.tables, { onRequest: readers }, async (request, reply) => {
    const parsed = figuresQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendProblem(reply, badPeriod(toFieldErrors(parsed.error)));
    const period = parsePeriod(parsed.data.period);
    if (!period) return sendProblem(reply, badPeriod());
    return figures.tables(signedInUser(request).id, period);
  });

  app.get(FIGURES_PATHS.trend, { onRequest: readers }, async (request, reply) => {
    const parsed = trendQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'The trend asked for is not valid', { detail: `Give a period (${PERIOD_FORMS}), a table, a row and a column.`, errors: toFieldErrors(parsed.error) }));
    const period = parsePeriod(parsed.data.period);
    if (!period) return sendProblem(reply, badPeriod());
    const outcome = await figures.trend(signedInUser(request).id, period, parsed.data.table, parsed.data.row, parsed.data.column);
    if (outcome.kind === 'unknown') return sendProblem(reply, problem(404, 'not-found', `No such ${outcome.what} in the figures`, { detail: `Pick a ${outcome.what} from the tables for this period.` }));
    return outcome.trend;
  });
}
