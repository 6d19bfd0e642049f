import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The server's secret for the possible-same-person finder: blocking keys are stored as HMACs under
 * it (equal names find each other; a stolen database does not give the names back), and each case's
 * features and each pair's reasons are sealed with it (AES-256-GCM, far cheaper to open than a whole
 * referral). A secret of its own, not one derived from the intake keyring: its keys rotate, and a
 * rotated key would make every stored blocking key unfindable.
 */
export interface MatchingKey {
  /** A blocking key as stored: HMAC-SHA256, base64url. */
  hmac(value: string): string;
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
  return {
    hmac: (value) => createHmac('sha256', hmacKey).update(value, 'utf8').digest('base64url'),
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

/**
 * Loads the matching key, making it (file mode 0600) on first start, as the intake keyring is made.
 * Every instance of one deployment must read the same file.
 */
export function loadMatchingKey(file: string, now: Date): MatchingKey {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      // 'wx': of two instances starting together, one makes the key and the other reads it.
      writeFileSync(file, `${JSON.stringify({ createdAt: now.toISOString(), key: randomBytes(32).toString('base64url') }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown };
  const secret = typeof parsed.key === 'string' ? Buffer.from(parsed.key, 'base64url') : Buffer.alloc(0);
  if (secret.length !== 32) throw new Error(`${file} does not hold a 32-byte matching key: restore it from the backup (a new key makes earlier referrals unfindable by the same-person finder)`);
  return matchingKeyFrom(secret);
}
