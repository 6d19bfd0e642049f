import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { fromBase64Url, toBase64Url } from '../../shared/base64url.ts';
import type { HashingGate } from './hashing-gate.ts';

/**
 * scrypt (memory-hard) with N = 2^16, r = 8, p = 1: 64 MiB and about 0.4 s per hash on a small
 * 2-core server — above the long-standing interactive-login figure (N = 2^15) and one step below
 * OWASP's 2^17, which took a full second per sign-in there. The parameters are stored with each
 * hash, so raising them later only affects new passwords.
 */
export const SCRYPT_PARAMETERS: ScryptCost = { N: 2 ** 16, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Uint8Array, { N, r, p }: ScryptCost, gate: HashingGate | undefined): Promise<Buffer> {
  // Node refuses by default to use more than 32 MiB; allow what these parameters need (128·N·r) and a margin.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  const hash = () =>
    new Promise<Buffer>((resolve, reject) => {
      scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
    });
  return gate ? gate.run(hash) : hash();
}

/**
 * `scrypt$N$r$p$salt$hash`, salt and hash in base64url; a fresh random salt for every password. Only
 * tests pass a lower cost, to stay quick; the servers and the command line use the default. With a
 * `gate` (the server's), the hash waits for a slot, or throws HashingBusyError when too many wait.
 */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_PARAMETERS, gate?: HashingGate): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, gate);
  return ['scrypt', cost.N, cost.r, cost.p, toBase64Url(salt), toBase64Url(key)].join('$');
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Compares in constant time; false for a hash it cannot read rather than an error. */
export async function verifyPassword(password: string, stored: string, gate?: HashingGate): Promise<boolean> {
  const match = STORED.exec(stored);
  if (!match) return false;
  const [, N = '', r = '', p = '', salt = '', hash = ''] = match;
  const expected = fromBase64Url(hash);
  const actual = await derive(password, fromBase64Url(salt), { N: Number(N), r: Number(r), p: Number(p) }, gate);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
