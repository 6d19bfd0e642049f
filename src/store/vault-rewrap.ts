import type { FieldDatabase } from './db.ts';
import { DEFAULT_MAX_ATTEMPTS, WrongPassphraseError, unwrap } from './vault.ts';

/**
 * The data key, extractable, to wrap it a second way (a passkey). Asked for from an unlocked session
 * only, so a wrong passphrase here counts for nothing, as when changing it. Apart from vault.ts so
 * that it stays out of the first load.
 */
export async function extractableDataKey(db: FieldDatabase, passphrase: string): Promise<CryptoKey> {
  const record = await db.vault.get('device');
  if (!record) throw new Error('This device has no vault yet');
  try {
    return await unwrap(record, passphrase, true);
  } catch {
    throw new WrongPassphraseError(DEFAULT_MAX_ATTEMPTS - record.failedAttempts, record.retryAt);
  }
}
