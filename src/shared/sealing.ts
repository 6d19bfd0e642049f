import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';

/**
 * Referrals are sealed on the device to the server's intake public key with HPKE (RFC 9180, base
 * mode). From then on the phone cannot read them, the service worker can send them without the
 * user's key, and no proxy or log sees them.
 */
export const INTAKE_SUITE = 'DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM';

export function intakeCipherSuite(): CipherSuite {
  return new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
}

export interface IntakePublicKey {
  keyId: string;
  /** The serialised public key, base64url. */
  publicKey: string;
}

export interface SealedParts {
  keyId: string;
  enc: string;
  ct: string;
}

/** Binds the ciphertext to its referral id and version, so it cannot be replayed under another id. */
export function sealingAad(id: string, schemaVersion: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`nrm-field referral v${schemaVersion} ${id}`);
}

export async function sealJson(key: IntakePublicKey, value: unknown, aad: Uint8Array<ArrayBuffer>): Promise<SealedParts> {
  const suite = intakeCipherSuite();
  const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(key.publicKey).buffer);
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  const { ct, enc } = await suite.seal({ recipientPublicKey }, plaintext.buffer, aad.buffer);
  return { keyId: key.keyId, enc: toBase64Url(new Uint8Array(enc)), ct: toBase64Url(new Uint8Array(ct)) };
}

/** The server's private key as the HPKE library holds it (a WebCrypto key in every runtime). */
export type IntakePrivateKey = Parameters<CipherSuite['open']>[0]['recipientKey'];

/** Opens a sealed value; throws if the key is wrong, any byte was changed, or it nests deeper than any referral does. */
export async function openJson(recipientKey: IntakePrivateKey, sealed: SealedParts, aad: Uint8Array<ArrayBuffer>): Promise<unknown> {
  const suite = intakeCipherSuite();
  const plaintext = new Uint8Array(await suite.open({ recipientKey, enc: fromBase64Url(sealed.enc).buffer }, fromBase64Url(sealed.ct).buffer, aad.buffer));
  if (nestsDeeperThan(plaintext)) throw new Error(`The sealed value nests arrays and objects more than ${MAX_JSON_DEPTH} deep`);
  return JSON.parse(new TextDecoder().decode(plaintext));
}
