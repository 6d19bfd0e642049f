import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { createServices, type ServiceOptions, type Services } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import type { ReferralStore } from '../../src/server/storage/referral-store.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage, type Storage } from '../../src/server/storage/storage.ts';

export interface LoopbackServer {
  baseUrl: string;
  /** The public half of the server's intake key, to seal test referrals to. */
  intakeKey: IntakePublicKey;
  referrals: ReferralStore;
  storage: Storage;
  /** The services the app runs on, over `storage`. */
  services: Services;
  sqliteFile: string;
  close(): Promise<void>;
}

export interface LoopbackOptions
  extends Partial<Pick<ServiceOptions, 'now' | 'scryptCost' | 'independentReview' | 'deviceQuotas' | 'minFreeDiskBytes' | 'passwordHashing'>>,
    Partial<Pick<AppOptions, 'allowUnsignedFromLoopback' | 'signInLimits' | 'secureCookies' | 'trustProxy' | 'limits'>>,
    Partial<Pick<Storage, 'ping'>> {
  logLines?: string[];
}

/**
 * A scrypt cost a thousand times cheaper than the servers' (N = 2^10, 1 MiB), so that tests signing in
 * dozens of times stay quick. The real cost is checked in tests/unit/passwords.test.ts and used by every
 * test that starts the server or the admin command line as a process.
 */
export const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

/**
 * The real app on a temporary SQLite file, listening on loopback (real HTTP, one process). Device signatures
 * are required, as in a deployment, unless `allowUnsignedFromLoopback` (the try-out setting) says otherwise.
 */
export async function startLoopbackServer(options: LoopbackOptions = {}): Promise<LoopbackServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-it-'));
  const sqliteFile = join(dir, 'nrm-field.sqlite');
  const storage = await openStorage(connectSqlite(sqliteFile));
  const keyring = await loadIntakeKeyring(join(dir, 'intake-keys.json'), new Date());
  const matchingKey = loadMatchingKey(join(dir, 'matching-key.json'), new Date());
  const { logLines, now = () => new Date(), scryptCost = TEST_SCRYPT_COST, independentReview, deviceQuotas, minFreeDiskBytes, passwordHashing, ping = storage.ping, ...appOptions } = options;
  const logger = logLines ? { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } } : undefined;
  const services = createServices({ ...storage, ping }, { keyring, matchingKey, now, randomInt: (n) => randomInt(n), scryptCost, independentReview, deviceQuotas, minFreeDiskBytes, passwordHashing });
  const app = await buildApp(services, { logger, ...appOptions });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    intakeKey: keyring.current,
    referrals: storage.referrals,
    storage,
    services,
    sqliteFile,
    async close() {
      await app.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
