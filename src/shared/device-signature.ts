import { toBase64Url } from './base64url.ts';

/**
 * How an enrolled device signs a sync request, so the server knows which device sent it and that
 * nothing was changed or replayed on the way. The field app signs with this very code; the server
 * rebuilds the same canonical text and checks the signature with the device's public key.
 *
 * The key is ECDSA P-256 made with WebCrypto (non-extractable on the device); the signature is what
 * `crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, …)` returns: IEEE P1363 (r ‖ s, 64 bytes).
 */
export const DEVICE_SIGNATURE_HEADERS = {
  device: 'nrm-device',
  timestamp: 'nrm-timestamp',
  nonce: 'nrm-nonce',
  signature: 'nrm-signature',
} as const;

export const DEVICE_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const DEVICE_SIGNATURE_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** How far the device's clock may be from the server's; a signed request older than this is refused. */
export const SIGNATURE_MAX_SKEW_MS = 5 * 60 * 1000;

/** Milliseconds since the Unix epoch, in decimal: no time zones or formats to disagree on. */
export const TIMESTAMP_PATTERN = /^[0-9]{1,15}$/;
/** At least 128 random bits, base64url. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

const CANONICAL_PREFIX = 'nrm-field-device-request-v1';

export interface SignedRequestParts {
  deviceId: string;
  method: string;
  /** Path and query exactly as sent: `url.pathname + url.search` of the request's URL. */
  target: string;
  timestamp: string;
  nonce: string;
  /** base64url of the SHA-256 of the body bytes as sent (of no bytes for a request without a body). */
  bodySha256: string;
}

/** The text that is signed: one field a line, in a fixed order, none of which may hold a line break. */
export function canonicalRequest(parts: SignedRequestParts): string {
  return [CANONICAL_PREFIX, parts.method.toUpperCase(), parts.target, parts.deviceId, parts.timestamp, parts.nonce, parts.bodySha256].join('\n');
}

export async function sha256Base64Url(body: Uint8Array<ArrayBuffer> | string = ''): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(18)));
}

/** A WebCrypto private key in any runtime (page, service worker, Node). */
export type DeviceSigningKey = Parameters<typeof crypto.subtle.sign>[1];

export interface RequestToSign {
  deviceId: string;
  method: string;
  target: string;
  /** The exact body that will be sent; sign what goes on the wire, not an object that is serialised again. */
  body?: Uint8Array<ArrayBuffer> | string;
}

/** The four headers to add to the request. */
export async function signRequest(privateKey: DeviceSigningKey, request: RequestToSign, now: Date, nonce: string = newNonce()): Promise<Record<string, string>> {
  const timestamp = String(now.getTime());
  const text = canonicalRequest({ ...request, timestamp, nonce, bodySha256: await sha256Base64Url(request.body) });
  const signature = await crypto.subtle.sign(DEVICE_SIGNATURE_ALGORITHM, privateKey, new TextEncoder().encode(text));
  return {
    [DEVICE_SIGNATURE_HEADERS.device]: request.deviceId,
    [DEVICE_SIGNATURE_HEADERS.timestamp]: timestamp,
    [DEVICE_SIGNATURE_HEADERS.nonce]: nonce,
    [DEVICE_SIGNATURE_HEADERS.signature]: toBase64Url(new Uint8Array(signature)),
  };
}
