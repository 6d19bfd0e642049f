import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import { guardDeviceRequests } from './auth/device-guard.ts';
import { guardDeviceQuotas } from './auth/device-quota-guard.ts';
import { HASHING_BUSY_RETRY_AFTER_SECONDS, HashingBusyError } from './auth/hashing-gate.ts';
import { DEFAULT_SIGN_IN_LIMITS, registerSignInLimits, type SignInLimits } from './auth/rate-limits.ts';
import { refuseCrossSiteWrites } from './auth/same-origin.ts';
import type { Services } from './compose.ts';
import { answerClientError, answerFrameworkError } from './framework-answers.ts';
import { jsonBodyProblem, keepRawJsonBodies } from './json-bodies.ts';
import { problem, sendProblem } from './problem.ts';
import './request-context.ts';
import { additionRoutes } from './routes/additions.ts';
import { adminRoutes } from './routes/admin.ts';
import { caseFileRoutes } from './routes/case-files.ts';
import { figuresRoutes } from './routes/figures.ts';
import { caseworkRoutes } from './routes/casework.ts';
import { deviceRoutes } from './routes/devices.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { registerSecurityHeaders } from './security.ts';
import { connectionsCheckingInterval, DEFAULT_SERVER_LIMITS, type HttpLimits } from './server-limits.ts';
import { answerWhileClosing } from './shutdown.ts';
import { databaseFaultOf } from './storage/unavailable.ts';
import { healthRoutes } from './routes/health.ts';
import { intakeKeyRoutes } from './routes/intake-key.ts';
import { devicePolicyRoutes } from './routes/device-policy.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { referenceRoutes } from './routes/reference.ts';
import { referralRoutes } from './routes/referrals.ts';
import { sessionRoutes } from './routes/session.ts';
import { setupRoutes } from './routes/setup.ts';
import { staticAppRoutes } from './routes/static-app.ts';
import { testClockRoutes } from './routes/test-clock.ts';

/** How long a device waits before sending again after the database failed it (it backs off further by itself). */
const DATABASE_RETRY_AFTER_SECONDS = 10;

/** How the server speaks HTTP; what it does is in the services (compose.ts). */
export interface AppOptions {
  /**
   * ALLOW_UNSIGNED_FROM_LOOPBACK, for a try-out on one machine: sync requests without a device signature
   * are accepted from this machine itself. Off unless given: every sync request must be signed.
   */
  allowUnsignedFromLoopback?: boolean;
  /** `always`: session cookies are Secure even on a request that arrived over plain HTTP. */
  secureCookies?: 'auto' | 'always';
  /** Which proxies to believe about the client's address and protocol (Fastify's trustProxy). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  signInLimits?: SignInLimits;
  /** Folder of the built field app; absent for an API-only server (tests). */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Timeouts and the connection cap (server-limits.ts); the defaults there unless given. */
  limits?: Partial<HttpLimits>;
}

/** Builds the HTTP server over the services; never listens (main.ts does). */
export async function buildApp(services: Services, options: AppOptions) {
  // Small bodies by default; the referral route alone allows more (MAX_SUBMISSION_BYTES).
  const httpLimits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 16 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: httpLimits.requestTimeoutMs,
    connectionTimeout: httpLimits.connectionTimeoutMs,
    keepAliveTimeout: httpLimits.keepAliveTimeoutMs,
    http: { headersTimeout: httpLimits.headersTimeoutMs, requestTimeout: httpLimits.requestTimeoutMs, connectionsCheckingInterval: connectionsCheckingInterval(httpLimits) },
    // The answers Fastify and Node give by themselves carry our headers and problem+json too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    return503OnClosing: false,
  });
  app.server.maxConnections = httpLimits.maxConnections;
  registerSecurityHeaders(app);
  answerWhileClosing(app);
  refuseCrossSiteWrites(app);
  await app.register(compress, { global: true });
  app.decorateRequest('rawBody', null);
  app.decorateRequest('device', null);
  app.decorateRequest('session', null);
  app.decorateRequest('cookiesSecure', false);
  keepRawJsonBodies(app);

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    request.cookiesSecure = options.secureCookies === 'always' || request.protocol === 'https';
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HashingBusyError) {
      reply.header('retry-after', String(HASHING_BUSY_RETRY_AFTER_SECONDS));
      return sendProblem(
        reply,
        problem(503, 'server-busy', 'The server is checking many sign-ins at once', { detail: `Nothing was changed. Wait ${HASHING_BUSY_RETRY_AFTER_SECONDS} seconds, then try again.` }),
      );
    }
    const unreadableJson = jsonBodyProblem(error);
    if (unreadableJson) return sendProblem(reply, unreadableJson);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, problem(413, 'payload-too-large', 'This referral is larger than the server accepts'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, problem(415, 'unsupported-media-type', 'Send the referral as application/json'));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problem(error.statusCode, 'bad-request', 'The request could not be read'));
    }
    const fault = databaseFaultOf(error);
    if (fault) {
      // Logged without the error's message: a database's can quote the statement and its values.
      request.log.warn({ err: { code: error.code }, fault }, 'database unavailable');
      services.health.noteFault(fault);
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendProblem(reply, problem(503, 'unavailable', 'The service cannot store anything just now', { detail: `Nothing was lost: what the device sent stays on it, and it tries again by itself. Wait ${DATABASE_RETRY_AFTER_SECONDS} seconds.` }));
    }
    request.log.error({ err: { code: error.code, message: error.message } }, 'request failed');
    return sendProblem(reply, problem(500, 'internal', 'Something went wrong on the server. The device will try again.'));
  });

  const limits = await registerSignInLimits(app, services.signInAttempts, options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS);

  healthRoutes(app, services);
  intakeKeyRoutes(app, services);
  devicePolicyRoutes(app, { allowUnsignedFromLoopback: options.allowUnsignedFromLoopback ?? false });
  referenceRoutes(app, services);
  await app.register(async (sync) => {
    guardDeviceRequests(sync, { requests: services.deviceRequests, allowUnsignedFromLoopback: options.allowUnsignedFromLoopback ?? false });
    guardDeviceQuotas(sync, services.deviceQuotas);
    referralRoutes(sync, { receive: services.intake });
    receiptRoutes(sync, services);
    evidenceRoutes(sync, services);
    additionRoutes(sync, services);
  });
  setupRoutes(app, { accounts: services.accounts, perAddress: limits.perAddress });
  sessionRoutes(app, { sessions: services.sessions, limits, notices: services.signInNotices, secureCookies: options.secureCookies ?? 'auto' });
  deviceRoutes(app, services);
  figuresRoutes(app, services);
  caseworkRoutes(app, services);
  adminRoutes(app, services);
  if (services.testClock) testClockRoutes(app, { testClock: services.testClock });
  caseFileRoutes(app, services);
  openApiRoutes(app);
  if (options.staticDir) await staticAppRoutes(app, options.staticDir);
  else app.setNotFoundHandler((_request, reply) => sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address')));

  return app;
}
