import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { z } from 'zod/mini';
import { fromBase64Url, toBase64Url } from '../../shared/base64url.ts';
import type { devicePublicKeySchema } from '../../shared/accounts.ts';

type DevicePublicKey = z.infer<typeof devicePublicKeySchema>;

function keyObject(publicKey: DevicePublicKey): KeyObject {
  if (typeof publicKey === 'string') return createPublicKey({ key: Buffer.from(fromBase64Url(publicKey)), format: 'der', type: 'spki' });
  return createPublicKey({ key: publicKey, format: 'jwk' });
}

/**
 * The device's key as SPKI DER in base64url — one spelling whether it came as a JWK or SPKI, so the
 * same key is recognised however it was sent — or undefined unless it is an ECDSA P-256 public key.
 */
export function normaliseDevicePublicKey(publicKey: DevicePublicKey): string | undefined {
  let key: KeyObject;
  try {
    key = keyObject(publicKey);
  } catch {
    return undefined;
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return undefined;
  return toBase64Url(key.export({ format: 'der', type: 'spki' }));
}

/** Enrolled devices' keys, parsed once each: parsing the DER cost a third of checking a signature. */
const parsedKeys = new Map<string, KeyObject>();
const MAX_PARSED_KEYS = 10_000;

function parsedKey(spki: string): KeyObject {
  const kept = parsedKeys.get(spki);
  if (kept) return kept;
  const key = createPublicKey({ key: Buffer.from(fromBase64Url(spki)), format: 'der', type: 'spki' });
  if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.clear();
  parsedKeys.set(spki, key);
  return key;
}

/** Checks a WebCrypto ECDSA P-256/SHA-256 signature (IEEE P1363, r ‖ s) over `text`. */
export function verifyDeviceSignature(spki: string, text: string, signature: string): boolean {
  return verify('sha256', Buffer.from(text, 'utf8'), { key: parsedKey(spki), dsaEncoding: 'ieee-p1363' }, fromBase64Url(signature));
}
