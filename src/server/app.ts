import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import type { IntakeKeyring } from './crypto/intake-keys.ts';
import { problem, sendProblem } from './problem.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { registerSecurityHeaders } from './security.ts';
import { healthRoutes } from './routes/health.ts';
import { intakeKeyRoutes } from './routes/intake-key.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { referralRoutes } from './routes/referrals.ts';
import { staticAppRoutes } from './routes/static-app.ts';
import { createIntake } from './services/intake.ts';
import type { ReferralStore } from './storage/referral-store.ts';

export interface AppDeps {
  referrals: ReferralStore;
  keyring: IntakeKeyring;
  now: () => Date;
  randomInt: (n: number) => number;
  /** Folder of the built field app; absent for an API-only server (tests). */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole server from its parts; never listens (main.ts does). */
export async function buildApp(deps: AppDeps) {
  // Small bodies by default; the referral route alone allows more (MAX_SUBMISSION_BYTES).
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 16 * 1024 });
  await app.register(compress, { global: true });
  await registerSecurityHeaders(app);

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, problem(413, 'payload-too-large', 'This referral is larger than the server accepts'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, problem(415, 'unsupported-media-type', 'Send the referral as application/json'));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problem(error.statusCode, 'bad-request', 'The request could not be read'));
    }
    request.log.error({ err: { code: error.code, message: error.message } }, 'request failed');
    return sendProblem(reply, problem(500, 'internal', 'Something went wrong on the server. The device will try again.'));
  });

  healthRoutes(app);
  referralRoutes(app, { receive: createIntake(deps) });
  receiptRoutes(app, deps);
  intakeKeyRoutes(app, deps);
  openApiRoutes(app);
  if (deps.staticDir) await staticAppRoutes(app, deps.staticDir);
  else app.setNotFoundHandler((_request, reply) => sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address')));

  return app;
}
