import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { guardDeviceRequests } from './auth/device-guard.ts';
import type { ScryptCost } from './auth/passwords.ts';
import { DEFAULT_SIGN_IN_LIMITS, registerSignInLimits, type SignInLimits } from './auth/rate-limits.ts';
import { createSessionService } from './auth/sessions.ts';
import type { IntakeKeyring } from './crypto/intake-keys.ts';
import { problem, sendProblem } from './problem.ts';
import './request-context.ts';
import { caseRoutes } from './routes/cases.ts';
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
import { createAccountService } from './services/accounts.ts';
import { createCaseService } from './services/cases.ts';
import { createDeviceService } from './services/devices.ts';
import { createIntake } from './services/intake.ts';
import { listLookupOf, shippedReferenceLists, type ReferenceLists } from './services/reference-lists.ts';
import type { Storage } from './storage/storage.ts';

export interface AppDeps extends Omit<Storage, 'close'> {
  keyring: IntakeKeyring;
  now: () => Date;
  randomInt: (n: number) => number;
  /** Off: sync requests without a device signature are accepted (signed ones are always checked). */
  requireDeviceSignatures: boolean;
  /** `always`: session cookies are Secure even on a request that arrived over plain HTTP. */
  secureCookies?: 'auto' | 'always';
  /** Which proxies to believe about the client's address and protocol (Fastify's trustProxy). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  signInLimits?: SignInLimits;
  /** The cost of new password hashes; tests lower it to stay quick, servers keep the default. */
  scryptCost?: ScryptCost;
  /** The reference lists to serve; by default the ones shipped in src/shared/reference/lists. */
  referenceLists?: ReferenceLists;
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

/** Builds the whole server from its parts; never listens (main.ts does). */
export async function buildApp(deps: AppDeps) {
  // Small bodies by default; the referral route alone allows more (MAX_SUBMISSION_BYTES).
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 16 * 1024, trustProxy: deps.trustProxy ?? false });
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

  const sessions = createSessionService(deps);
  const limits = await registerSignInLimits(app, deps.rateLimits, deps.now, deps.signInLimits ?? DEFAULT_SIGN_IN_LIMITS);

  healthRoutes(app, deps);
  intakeKeyRoutes(app, deps);
  const referenceLists = deps.referenceLists ?? shippedReferenceLists();
  referenceRoutes(app, { referenceLists });
  await app.register(async (sync) => {
    guardDeviceRequests(sync, { devices: deps.devices, now: deps.now, requireSignatures: deps.requireDeviceSignatures });
    referralRoutes(sync, { receive: createIntake({ ...deps, lists: listLookupOf(referenceLists) }) });
    receiptRoutes(sync, deps);
    evidenceRoutes(sync, deps);
  });
  setupRoutes(app, { accounts: createAccountService(deps), perAddress: limits.perAddress });
  sessionRoutes(app, { sessions, limits, secureCookies: deps.secureCookies ?? 'auto' });
  deviceRoutes(app, { sessions, devices: createDeviceService(deps) });
  caseRoutes(app, { sessions, cases: createCaseService(deps) });
  openApiRoutes(app);
  if (deps.staticDir) await staticAppRoutes(app, deps.staticDir);
  else app.setNotFoundHandler((_request, reply) => sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address')));

  return app;
}
