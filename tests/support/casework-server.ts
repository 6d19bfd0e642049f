import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { createServices, type Services } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { createTestClock, type TestClock } from '../../src/server/test-clock.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { TEST_SCRYPT_COST } from './in-process-server.ts';
import type { Backend } from './storage-backends.ts';

/** One server instance over the backend's database. */
export interface CaseworkInstance {
  baseUrl: string;
  storage: Storage;
  services: Services;
}

export interface CaseworkServer extends CaseworkInstance {
  intakeKey: IntakePublicKey;
  /** The servers' shared clock, started at `start` and ticking; TEST_CLOCK's route moves it. */
  clock: TestClock;
  /** What the instances warned of (the same-person finder's failures). */
  warnings: string[];
  /**
   * A second instance over the same database, keys and clock: what a load balancer would spread requests
   * over. `independentReview` may differ, to see what the switch changes.
   */
  another(options?: { independentReview?: boolean }): Promise<CaseworkInstance>;
  close(): Promise<void>;
}

export interface CaseworkServerOptions {
  /** The servers' time when they start (the day cases are received on). */
  start: Date;
  independentReview?: boolean;
}

/**
 * The real app on either database, with signed requests required and the test clock on, listening on
 * loopback. Every instance shares the intake keyring and the matching key, as a deployment's must.
 */
export async function startCaseworkServer(backend: Backend, { start, independentReview = false }: CaseworkServerOptions): Promise<CaseworkServer> {
  const keyDir = mkdtempSync(join(tmpdir(), 'nrm-field-casework-'));
  const keyring = await loadIntakeKeyring(join(keyDir, 'intake-keys.json'), new Date());
  const matchingKey = loadMatchingKey(join(keyDir, 'matching-key.json'), new Date());
  const startedAt = Date.now();
  const clock = createTestClock(() => new Date(start.getTime() + (Date.now() - startedAt)));
  const warnings: string[] = [];
  const closers: (() => Promise<void>)[] = [];

  async function instance(switches: { independentReview?: boolean } = {}): Promise<CaseworkInstance> {
    const storage = await backend.open();
    const services = createServices(storage, {
      keyring,
      matchingKey,
      now: clock.now,
      realNow: () => new Date(),
      testClock: clock,
      independentReview: switches.independentReview ?? independentReview,
      randomInt: (n) => randomInt(n),
      scryptCost: TEST_SCRYPT_COST,
      warn: (message) => warnings.push(message),
    });
    const app = await buildApp(services, {});
    await app.listen({ host: '127.0.0.1', port: 0 });
    closers.push(async () => {
      await app.close();
      await storage.close();
    });
    const { port } = app.server.address() as { port: number };
    return { baseUrl: `http://127.0.0.1:${port}`, storage, services };
  }

  const first = await instance();
  return {
    ...first,
    intakeKey: keyring.current,
    clock,
    warnings,
    another: (switches) => instance(switches),
    async close() {
      for (const close of closers.reverse()) await close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
