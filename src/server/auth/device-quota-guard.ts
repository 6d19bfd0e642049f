import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHUNK_HASH_HEADER } from '../../shared/evidence.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { DeviceQuotaService, QuotaVerdict } from '../services/device-quotas.ts';

function refuse(reply: FastifyReply, verdict: Extract<QuotaVerdict, { kind: 'over' }>): FastifyReply {
  reply.header('retry-after', String(verdict.retryAfterSeconds));
  return sendProblem(reply, problem(429, 'device-quota-exceeded', verdict.title, { detail: verdict.detail }));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What the request would add to its device's quotas; undefined for a request that adds nothing, or that its route will refuse anyway. */
function verdictFor(request: FastifyRequest, deviceId: string, quotas: DeviceQuotaService): Promise<QuotaVerdict> | undefined {
  const route = request.routeOptions.url;
  if (request.method === 'POST' && route === API_PATHS.referrals) {
    const id = text((request.body as { id?: unknown } | null)?.id);
    return id === undefined ? undefined : quotas.referral(deviceId, id);
  }
  if (request.method === 'PUT' && route === API_PATHS.evidenceChunk) {
    const params = request.params as Record<string, string | undefined>;
    const index = Number(params.index);
    const sha256 = text(request.headers[CHUNK_HASH_HEADER]);
    if (!params.id || !params.fileId || !Number.isInteger(index) || !sha256 || !request.rawBody) return undefined;
    return quotas.evidenceChunk(deviceId, { referralId: params.id, fileId: params.fileId, index, sha256, size: request.rawBody.length });
  }
  return undefined;
}

/**
 * Adds to the device-signed scope the per-device quotas (services/device-quotas.ts): a new referral or
 * evidence chunk past them is answered 429 with Retry-After, which the field app shows and retries. Runs
 * after the device guard has checked the signature, so a quota is only ever spent by its own device.
 * Unsigned requests (a try-out on loopback) belong to no device and have no quota.
 */
export function guardDeviceQuotas(scope: FastifyInstance, quotas: DeviceQuotaService): void {
  scope.addHook('preHandler', async (request, reply) => {
    if (!request.device) return undefined;
    const verdict = await verdictFor(request, request.device.id, quotas);
    return verdict?.kind === 'over' ? refuse(reply, verdict) : undefined;
  });
}
