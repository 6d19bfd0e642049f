import { describe, expect, it } from 'vitest';
import { normaliseDevicePublicKey, verifyDeviceSignature } from '../../src/server/auth/device-keys.ts';
import { fromBase64Url } from '../../src/shared/base64url.ts';
import { DEVICE_SIGNATURE_HEADERS, NONCE_PATTERN, canonicalRequest, newNonce, sha256Base64Url, signRequest } from '../../src/shared/device-signature.ts';
import { deviceKeys } from '../support/accounts.ts';

const AT = new Date('2026-11-29T09:30:00.000Z');

describe('device request signatures', () => {
  it('builds the canonical text from every signed part, one per line', () => {
    const text = canonicalRequest({ deviceId: 'd', method: 'post', target: '/api/v1/receipts?since=x&id=y', timestamp: '1', nonce: 'n', bodySha256: 'h' });
    expect(text).toBe('nrm-field-device-request-v1\nPOST\n/api/v1/receipts?since=x&id=y\nd\n1\nn\nh');
  });

  it('hashes the body bytes as sent, and no body as the empty string', async () => {
    expect(await sha256Base64Url()).toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
    expect(await sha256Base64Url('{"a":1}')).toBe(await sha256Base64Url(new TextEncoder().encode('{"a":1}')));
    expect(await sha256Base64Url('{"a":1}')).not.toBe(await sha256Base64Url('{"a": 1}'));
  });

  it('signs in WebCrypto’s P1363 form, which the server verifies with the enrolled public key', async () => {
    const { privateKey, publicKey } = await deviceKeys();
    const headers = await signRequest(privateKey, { deviceId: 'device-1', method: 'POST', target: '/api/v1/referrals', body: '{}' }, AT, 'n'.repeat(24));
    expect(Object.keys(headers)).toEqual(Object.values(DEVICE_SIGNATURE_HEADERS));
    expect(headers['nrm-timestamp']).toBe(String(AT.getTime()));
    const signature = headers['nrm-signature'] ?? '';
    expect(fromBase64Url(signature)).toHaveLength(64);
    const spki = normaliseDevicePublicKey(publicKey) ?? '';
    const text = canonicalRequest({ deviceId: 'device-1', method: 'POST', target: '/api/v1/referrals', timestamp: String(AT.getTime()), nonce: 'n'.repeat(24), bodySha256: await sha256Base64Url('{}') });
    expect(verifyDeviceSignature(spki, text, signature)).toBe(true);
    expect(verifyDeviceSignature(spki, text.replace('POST', 'PUT'), signature)).toBe(false);
  });

  it('makes fresh nonces of at least 128 bits', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(NONCE_PATTERN);
  });

  it('recognises one P-256 key however it is sent, and nothing else', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64url');
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    expect(normaliseDevicePublicKey(jwk as { kty: 'EC'; crv: 'P-256'; x: string; y: string })).toBe(normaliseDevicePublicKey(spki));
    const rsa = await crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    expect(normaliseDevicePublicKey(Buffer.from(await crypto.subtle.exportKey('spki', rsa.publicKey)).toString('base64url'))).toBeUndefined();
    expect(normaliseDevicePublicKey('A'.repeat(120))).toBeUndefined();
  });
});
