import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppDeps } from '../../src/server/app.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
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
  sqliteFile: string;
  close(): Promise<void>;
}

export interface LoopbackOptions extends Partial<Pick<AppDeps, 'now' | 'requireDeviceSignatures' | 'signInLimits' | 'secureCookies' | 'trustProxy' | 'scryptCost' | 'ping'>> {
  logLines?: string[];
}

/**
 * A scrypt cost a thousand times cheaper than the servers' (N = 2^10, 1 MiB), so that tests signing in
 * dozens of times stay quick. The real cost is checked in tests/unit/passwords.test.ts and used by every
 * test that starts the server or the admin command line as a process.
 */
export const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

/** The real app on a temporary SQLite file, listening on loopback (real HTTP, one process). */
export async function startLoopbackServer(options: LoopbackOptions = {}): Promise<LoopbackServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-it-'));
  const sqliteFile = join(dir, 'nrm-field.sqlite');
  const storage = await openStorage(connectSqlite(sqliteFile));
  const keyring = await loadIntakeKeyring(join(dir, 'intake-keys.json'), new Date());
  const { logLines, ...overrides } = options;
  const logger = logLines ? { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } } : undefined;
  const app = await buildApp({
    ...storage,
    keyring,
    now: () => new Date(),
    randomInt: (n) => randomInt(n),
    requireDeviceSignatures: false,
    scryptCost: TEST_SCRYPT_COST,
    logger,
    ...overrides,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    intakeKey: keyring.current,
    referrals: storage.referrals,
    storage,
    sqliteFile,
    async close() {
      await app.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
