import type { FieldDatabase, VaultRecord } from './db.ts';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const DEFAULT_MAX_ATTEMPTS = 10;

export class WrongPassphraseError extends Error {
  constructor(readonly attemptsLeft: number, readonly retryAt: number) {
    super('That passphrase is not right');
  }
}

export class TooSoonError extends Error {
  constructor(readonly retryAt: number) {
    super('Wait before trying again');
  }
}

/** Thrown when the last allowed attempt failed: the caller wipes the device. */
export class AttemptsExhaustedError extends Error {
  constructor() {
    super('Too many wrong passphrases');
  }
}

/** Delay after `failures` wrong tries: none for the first three, then 5 s doubling to 5 minutes. */
export function unlockDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(300_000, 5_000 * 2 ** (failures - 3));
}

async function deriveWrappingKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Exported for src/store/vault-rewrap.ts; kept here so the passphrase's key is derived in one place. */
export async function unwrap(record: VaultRecord, passphrase: string, extractable: boolean): Promise<CryptoKey> {
  const wrapping = await deriveWrappingKey(passphrase, record.salt, record.iterations);
  return crypto.subtle.unwrapKey('raw', record.wrappedKey, wrapping, { name: 'AES-GCM', iv: record.wrapIv }, { name: 'AES-GCM' }, extractable, ['encrypt', 'decrypt']);
}

async function wrap(dataKey: CryptoKey, passphrase: string, iterations: number) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapIv = crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await deriveWrappingKey(passphrase, salt, iterations);
  const wrappedKey = await crypto.subtle.wrapKey('raw', dataKey, wrapping, { name: 'AES-GCM', iv: wrapIv });
  return { salt, wrapIv, wrappedKey, iterations };
}

/**
 * The device vault: one random AES-GCM data key per device, stored only wrapped by a key derived from
 * the user's passphrase. The unwrapped key is non-extractable and lives only in memory.
 */
export function createVault(db: FieldDatabase, options: { iterations?: number; maxAttempts?: number } = {}) {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const read = () => db.vault.get('device');

  return {
    maxAttempts,
    exists: async () => (await read()) !== undefined,

    /** How unlocking stands: attempts left before the wipe, and when the next try is allowed. */
    async status() {
      const record = await read();
      return { attemptsLeft: maxAttempts - (record?.failedAttempts ?? 0), retryAt: record?.retryAt ?? 0 };
    },

    async create(passphrase: string, now: Date): Promise<CryptoKey> {
      if (await read()) throw new Error('This device already has a vault');
      const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      const wrapped = await wrap(extractable, passphrase, iterations);
      await db.vault.add({ id: 'device', ...wrapped, failedAttempts: 0, retryAt: 0, createdAt: now.toISOString() });
      const record = await read();
      if (!record) throw new Error('The vault was not saved');
      return unwrap(record, passphrase, false);
    },

    async unlock(passphrase: string, now: Date): Promise<CryptoKey> {
      const record = await read();
      if (!record) throw new Error('This device has no vault yet');
      if (now.getTime() < record.retryAt) throw new TooSoonError(record.retryAt);
      try {
        const key = await unwrap(record, passphrase, false);
        await db.vault.update('device', { failedAttempts: 0, retryAt: 0 });
        return key;
      } catch {
        const failures = record.failedAttempts + 1;
        if (failures >= maxAttempts) throw new AttemptsExhaustedError();
        const retryAt = now.getTime() + unlockDelayMs(failures);
        await db.vault.update('device', { failedAttempts: failures, retryAt });
        throw new WrongPassphraseError(maxAttempts - failures, retryAt);
      }
    },

    /** Re-wraps the same data key under a new passphrase: nothing stored needs re-encrypting, and a passkey keeps working. */
    async changePassphrase(current: string, next: string): Promise<void> {
      const record = await read();
      if (!record) throw new Error('This device has no vault yet');
      let dataKey: CryptoKey;
      try {
        dataKey = await unwrap(record, current, true);
      } catch {
        throw new WrongPassphraseError(maxAttempts - record.failedAttempts, record.retryAt);
      }
      await db.vault.update('device', await wrap(dataKey, next, iterations));
    },
  };
}

export type Vault = ReturnType<typeof createVault>;
