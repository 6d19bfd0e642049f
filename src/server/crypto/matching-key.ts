import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, privateDirectory } from '../storage/private-files.ts';

/**
 * The server's secret for the possible-same-person finder: blocking keys are stored as HMACs under
 * it (equal names find each other; a stolen database does not give the names back), and each case's
 * features and each pair's reasons are sealed with it (AES-256-GCM, far cheaper to open than a whole
 * referral). A secret of its own, not one derived from the intake keyring: its keys rotate, and a
 * rotated key would make every stored blocking key unfindable.
 *
 * It is also the deployment's one shared secret for keyed hashes elsewhere, each under a subkey of its
 * own (HKDF): the sign-in limits' counters are kept under an HMAC of the address, not a plain hash
 * anyone could reverse by hashing every IPv4 address.
 */
export interface MatchingKey {
  /** A blocking key as stored: HMAC-SHA256, base64url. */
  hmac(value: string): string;
  /** A rate-limit counter's key as stored: HMAC-SHA256 under a subkey of its own, base64url. */
  rateLimitKey(value: string): string;
  /** SHA-256 of the secret, hex: recorded with the data, so an instance with another key refuses to start. */
  fingerprint: string;
  seal(value: unknown, aad: string): string;
  /** @throws when the key is wrong or any byte was changed. */
  open(sealed: string, aad: string): unknown;
}

const FORMAT = 'm1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function subkey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `nrm-field matching ${purpose}`, 32));
}

export function matchingKeyFrom(secret: Uint8Array): MatchingKey {
  const master = Buffer.from(secret);
  const hmacKey = subkey(master, 'blocking keys');
  const sealKey = subkey(master, 'sealing');
  const rateLimitKey = subkey(master, 'rate-limit keys');
  return {
    hmac: (value) => createHmac('sha256', hmacKey).update(value, 'utf8').digest('base64url'),
    rateLimitKey: (value) => createHmac('sha256', rateLimitKey).update(value, 'utf8').digest('base64url'),
    fingerprint: createHash('sha256').update(master).digest('hex'),
    seal(value, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv).setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${FORMAT}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, aad) {
      const [format, iv, body] = sealed.split('.');
      if (format !== FORMAT || !iv || !body) throw new Error('Not a value sealed with the matching key');
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8'));
    },
  };
}

/** Opens the matching key from its JSON (the key file's contents, or the MATCHING_KEY secret); `where` names it in errors. */
export function parseMatchingKey(text: string, where: string): MatchingKey {
  let parsed: { key?: unknown };
  try {
    parsed = JSON.parse(text) as { key?: unknown };
  } catch {
    parsed = {};
  }
  const secret = typeof parsed.key === 'string' ? Buffer.from(parsed.key, 'base64url') : Buffer.alloc(0);
  if (secret.length !== 32) throw new Error(`${where} does not hold a 32-byte matching key: restore it from the backup (a new key makes earlier referrals unfindable by the same-person finder)`);
  return matchingKeyFrom(secret);
}

/**
 * Makes the matching key file (mode 0600). `wx`: of two processes making it together, one makes the key
 * and the other reads it (false: it was there already).
 */
export function createMatchingKeyFile(file: string, now: Date): boolean {
  privateDirectory(dirname(file), { tightenExisting: false });
  try {
    writeFileSync(file, `${JSON.stringify({ createdAt: now.toISOString(), key: randomBytes(32).toString('base64url') }, null, 2)}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    chmodSync(file, PRIVATE_FILE_MODE);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/**
 * Loads the matching key file, making it on first use: for tests and tools with a key of their own. The
 * server opens it through crypto/deployment-keys.ts, which checks it against the database.
 */
export function loadMatchingKey(file: string, now: Date): MatchingKey {
  if (!existsSync(file)) createMatchingKeyFile(file, now);
  return parseMatchingKey(readFileSync(file, 'utf8'), file);
}
