import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { guardDeviceRequests } from './auth/device-guard.ts';
import { DEFAULT_SIGN_IN_LIMITS, registerSignInLimits, type SignInLimits } from './auth/rate-limits.ts';
import type { Services } from './compose.ts';
import { problem, sendProblem } from './problem.ts';
import './request-context.ts';
import { caseFileRoutes } from './routes/case-files.ts';
import { caseRoutes } from './routes/cases.ts';
import { caseworkRoutes } from './routes/casework.ts';
import { deviceRoutes } from './routes/devices.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { registerSecurityHeaders } from './security.ts';
import { healthRoutes } from './routes/health.ts';
import { intakeKeyRoutes } from './routes/intake-key.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { referenceRoutes } from './routes/reference.ts';
import { referralRoutes } from './routes/referrals.ts';
import { sessionRoutes } from './routes/session.ts';
import { setupRoutes } from './routes/setup.ts';
import { staticAppRoutes } from './routes/static-app.ts';
import { testClockRoutes } from './routes/test-clock.ts';

/** How the server speaks HTTP; what it does is in the services (compose.ts). */
export interface AppOptions {
  /** Off: sync requests without a device signature are accepted (signed ones are always checked). */
  requireDeviceSignatures: boolean;
  /** `always`: session cookies are Secure even on a request that arrived over plain HTTP. */
  secureCookies?: 'auto' | 'always';
  /** Which proxies to believe about the client's address and protocol (Fastify's trustProxy). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  signInLimits?: SignInLimits;
  /** Folder of the built field app; absent for an API-only server (tests). */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Keeps the JSON body's bytes as received, for device signatures, and parses them as Fastify would. */
function keepRawJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    request.rawBody = bytes;
    parseJson(request, bytes.toString('utf8'), done);
  });
}

/** Builds the HTTP server over the services; never listens (main.ts does). */
export async function buildApp(services: Services, options: AppOptions) {
  // Small bodies by default; the referral route alone allows more (MAX_SUBMISSION_BYTES).
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 16 * 1024, trustProxy: options.trustProxy ?? false });
  await app.register(compress, { global: true });
  await registerSecurityHeaders(app);
  app.decorateRequest('rawBody', null);
  app.decorateRequest('device', null);
  app.decorateRequest('session', null);
  keepRawJsonBodies(app);

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

  const limits = await registerSignInLimits(app, services.signInAttempts, options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS);

  healthRoutes(app, services);
  intakeKeyRoutes(app, services);
  referenceRoutes(app, services);
  await app.register(async (sync) => {
    guardDeviceRequests(sync, { requests: services.deviceRequests, requireSignatures: options.requireDeviceSignatures });
    referralRoutes(sync, { receive: services.intake });
    receiptRoutes(sync, services);
    evidenceRoutes(sync, services);
  });
  setupRoutes(app, { accounts: services.accounts, perAddress: limits.perAddress });
  sessionRoutes(app, { sessions: services.sessions, limits, secureCookies: options.secureCookies ?? 'auto' });
  deviceRoutes(app, services);
  caseRoutes(app, services);
  caseworkRoutes(app, services);
  if (services.testClock) testClockRoutes(app, { testClock: services.testClock });
  caseFileRoutes(app, services);
  openApiRoutes(app);
  if (options.staticDir) await staticAppRoutes(app, options.staticDir);
  else app.setNotFoundHandler((_request, reply) => sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address')));

  return app;
}
