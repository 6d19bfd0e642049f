import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import type { ReferralStore } from '../../src/server/storage/referral-store.ts';
import { openSqliteStore } from '../../src/server/storage/sqlite.ts';

export interface LoopbackServer {
  baseUrl: string;
  /** The public half of the server's intake key, to seal test referrals to. */
  intakeKey: IntakePublicKey;
  referrals: ReferralStore;
  sqliteFile: string;
  close(): Promise<void>;
}

/** The real app on a temporary SQLite file, listening on loopback (real HTTP, one process). */
export async function startLoopbackServer(options: { logLines?: string[] } = {}): Promise<LoopbackServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-it-'));
  const sqliteFile = join(dir, 'nrm-field.sqlite');
  const referrals = await openSqliteStore(sqliteFile);
  const keyring = await loadIntakeKeyring(join(dir, 'intake-keys.json'), new Date());
  const { logLines } = options;
  const logger = logLines ? { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } } : undefined;
  const app = await buildApp({ referrals, keyring, now: () => new Date(), randomInt: (n) => randomInt(n), logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    intakeKey: keyring.current,
    referrals,
    sqliteFile,
    async close() {
      await app.close();
      await referrals.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
