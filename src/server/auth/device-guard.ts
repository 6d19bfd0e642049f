import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preParsingHookHandler } from 'fastify';
import {
  DEVICE_SIGNATURE_HEADERS as H,
  NONCE_PATTERN,
  SIGNATURE_PATTERN,
  TIMESTAMP_PATTERN,
  canonicalRequest,
} from '../../shared/device-signature.ts';
import type { ProblemCode } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { DeviceRequests } from '../services/device-requests.ts';
import type { Device } from '../services/devices.ts';
import { readBody, replayBody } from '../raw-body.ts';
import { verifyDeviceSignature } from './device-keys.ts';

export interface DeviceGuardOptions {
  requests: DeviceRequests;
  /**
   * ALLOW_UNSIGNED_FROM_LOOPBACK (a try-out on one machine): an unsigned request from this machine itself
   * passes, as no device's. Off (every deployment): every request must be signed. Signed ones are always checked.
   */
  allowUnsignedFromLoopback: boolean;
}

const TITLES: Partial<Record<ProblemCode, string>> = {
  'device-signature-required': 'This device must be enrolled and sign its requests: sign in on it (Settings, This device), then send again',
  'device-signature-invalid': 'The request’s device signature does not match',
  'device-clock-skew': 'The device’s clock is more than 5 minutes from the server’s: set the date and time, then try again',
  'device-signature-replayed': 'This signed request was received before',
  'device-unknown': 'This device is not enrolled: sign in and enrol it again',
  'device-revoked': 'This device has been revoked',
  'device-needs-sign-in': 'Your account has been disabled or reset; sign in again on this device',
};

function refuse(reply: FastifyReply, code: ProblemCode): FastifyReply {
  return sendProblem(reply, problem(401, code, TITLES[code] ?? 'Refused'));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The request came straight from this machine: a loopback peer, with no proxy in between saying that it
 * forwarded someone else's request (a proxy on the same machine connects from loopback too).
 */
export function fromThisMachine(request: FastifyRequest): boolean {
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || /^(::ffff:)?127\./.test(peer);
  return loopback && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Adds to every route of `scope` the check of device signatures (docs/protocol.md, "Signing sync requests").
 * Before the body is read: which device, and is it enrolled and not revoked. Once its bytes are in,
 * before any parser reads them: the signature over method, path and query, body digest, timestamp and
 * nonce; the clock; and the nonce, which the database accepts once per device. So a forged request
 * costs a hash and a signature check, never a JSON parse.
 */
export function guardDeviceRequests(scope: FastifyInstance, { requests, allowUnsignedFromLoopback }: DeviceGuardOptions): void {
  scope.addHook('onRequest', async (request, reply) => {
    const present = Object.values(H).filter((name) => request.headers[name] !== undefined);
    if (present.length === 0) return allowUnsignedFromLoopback && fromThisMachine(request) ? undefined : refuse(reply, 'device-signature-required');
    const deviceId = header(request, H.device);
    if (present.length < 4 || !deviceId || !UUID.test(deviceId)) return refuse(reply, 'device-signature-invalid');
    const device = await requests.find(deviceId);
    if (!device) return refuse(reply, 'device-unknown');
    if (device.revokedAt) return refuse(reply, 'device-revoked');
    if (device.suspendedAt) return refuse(reply, 'device-needs-sign-in');
    request.device = device;
    return undefined;
  });

  const verified = new WeakSet<FastifyRequest>();

  /** Why the signed request with these body bytes is refused, or undefined when it passes (and its nonce is now used). */
  async function refusalOf(request: FastifyRequest, device: Device, body: Buffer): Promise<ProblemCode | undefined> {
    const timestamp = header(request, H.timestamp) ?? '';
    const nonce = header(request, H.nonce) ?? '';
    const signature = header(request, H.signature) ?? '';
    if (!TIMESTAMP_PATTERN.test(timestamp) || !NONCE_PATTERN.test(nonce) || !SIGNATURE_PATTERN.test(signature)) return 'device-signature-invalid';
    // node:crypto's hash runs on this thread at once, where WebCrypto's goes round the thread pool.
    const text = canonicalRequest({ deviceId: device.id, method: request.method, target: request.url, timestamp, nonce, bodySha256: createHash('sha256').update(body).digest('base64url') });
    if (!verifyDeviceSignature(device.publicKey, text, signature)) return 'device-signature-invalid';
    const verdict = await requests.accept(device.id, Number(timestamp), nonce);
    return verdict === 'accepted' ? undefined : verdict;
  }

  const verifyBeforeParsing: preParsingHookHandler = async (request, reply, payload) => {
    if (!request.device) return payload;
    const body = await readBody(request, payload, request.routeOptions.bodyLimit);
    const refused = await refusalOf(request, request.device, body);
    if (refused) {
      refuse(reply, refused);
      return payload;
    }
    verified.add(request);
    request.rawBody = body;
    return replayBody(body, payload);
  };

  // Route-level, so that it runs after Fastify's decompression (also route-level) and before the parser.
  scope.addHook('onRoute', (route) => {
    route.preParsing = [...(route.preParsing === undefined ? [] : [route.preParsing].flat()), verifyBeforeParsing];
  });

  // Every route of the scope went through verifyBeforeParsing; this only makes sure no signed request passes unverified.
  scope.addHook('preHandler', async (request, reply) => (request.device && !verified.has(request) ? refuse(reply, 'device-signature-invalid') : undefined));
}
