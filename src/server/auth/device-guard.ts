import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DEVICE_SIGNATURE_HEADERS as H,
  NONCE_PATTERN,
  SIGNATURE_PATTERN,
  TIMESTAMP_PATTERN,
  canonicalRequest,
  sha256Base64Url,
} from '../../shared/device-signature.ts';
import type { ProblemCode } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { DeviceRequests } from '../services/device-requests.ts';
import { verifyDeviceSignature } from './device-keys.ts';

export interface DeviceGuardOptions {
  requests: DeviceRequests;
  /** Off: unsigned requests pass as before devices signed (signed ones are still checked). On: they are refused. */
  requireSignatures: boolean;
}

const TITLES: Partial<Record<ProblemCode, string>> = {
  'device-signature-required': 'This device must be enrolled and sign its requests',
  'device-signature-invalid': 'The request’s device signature does not match',
  'device-clock-skew': 'The device’s clock is more than 5 minutes from the server’s: set the date and time, then try again',
  'device-signature-replayed': 'This signed request was received before',
  'device-unknown': 'This device is not enrolled: sign in and enrol it again',
  'device-revoked': 'This device has been revoked',
};

function refuse(reply: FastifyReply, code: ProblemCode): FastifyReply {
  return sendProblem(reply, problem(401, code, TITLES[code] ?? 'Refused'));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Adds to every route of `scope` the check of device signatures (docs/protocol.md, "Signing sync requests").
 * Before the body is read: which device, and is it enrolled and not revoked. After: the signature
 * over method, path and query, body digest, timestamp and nonce; the clock; and the nonce, which
 * the database accepts once per device.
 */
export function guardDeviceRequests(scope: FastifyInstance, { requests, requireSignatures }: DeviceGuardOptions): void {
  scope.addHook('onRequest', async (request, reply) => {
    const present = Object.values(H).filter((name) => request.headers[name] !== undefined);
    if (present.length === 0) return requireSignatures ? refuse(reply, 'device-signature-required') : undefined;
    const deviceId = header(request, H.device);
    if (present.length < 4 || !deviceId || !UUID.test(deviceId)) return refuse(reply, 'device-signature-invalid');
    const device = await requests.find(deviceId);
    if (!device) return refuse(reply, 'device-unknown');
    if (device.revokedAt) return refuse(reply, 'device-revoked');
    request.device = device;
    return undefined;
  });

  scope.addHook('preHandler', async (request, reply) => {
    const { device } = request;
    if (!device) return undefined;
    const timestamp = header(request, H.timestamp) ?? '';
    const nonce = header(request, H.nonce) ?? '';
    const signature = header(request, H.signature) ?? '';
    if (!TIMESTAMP_PATTERN.test(timestamp) || !NONCE_PATTERN.test(nonce) || !SIGNATURE_PATTERN.test(signature)) {
      return refuse(reply, 'device-signature-invalid');
    }
    const text = canonicalRequest({
      deviceId: device.id,
      method: request.method,
      target: request.url,
      timestamp,
      nonce,
      bodySha256: await sha256Base64Url(request.rawBody ? new Uint8Array(request.rawBody) : undefined),
    });
    if (!verifyDeviceSignature(device.publicKey, text, signature)) return refuse(reply, 'device-signature-invalid');
    const verdict = await requests.accept(device.id, Number(timestamp), nonce);
    return verdict === 'accepted' ? undefined : refuse(reply, verdict);
  });
}
