import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { createServices, type ServiceOptions, type Services } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { TEST_SCRYPT_COST } from './in-process-server.ts';
import type { Backend } from './storage-backends.ts';

export interface BackendServer {
  baseUrl: string;
  intakeKey: IntakePublicKey;
  storage: Storage;
  services: Services;
  close(): Promise<void>;
}

export type BackendServerOptions = Partial<Pick<ServiceOptions, 'now' | 'deviceQuotas' | 'minFreeDiskBytes'>> & Omit<AppOptions, 'logger'>;

/**
 * The real app over one backend (a SQLite file or a fresh PostgreSQL schema, set up by the caller), listening
 * on loopback, with its own keys; signatures required unless the options say otherwise. `storage` may be
 * given, to run the app over a database the test then breaks.
 */
export async function startOnBackend(backend: Backend, options: BackendServerOptions = {}, storage?: Storage): Promise<BackendServer> {
  const opened = storage ?? (await backend.open());
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-backend-'));
  const keyring = await loadIntakeKeyring(join(dir, 'intake-keys.json'), new Date());
  const matchingKey = loadMatchingKey(join(dir, 'matching-key.json'), new Date());
  const { now = () => new Date(), deviceQuotas, minFreeDiskBytes, ...appOptions } = options;
  const services = createServices(opened, { keyring, matchingKey, now, randomInt: (n) => randomInt(n), scryptCost: TEST_SCRYPT_COST, deviceQuotas, minFreeDiskBytes });
  const app = await buildApp(services, appOptions);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    intakeKey: keyring.current,
    storage: opened,
    services,
    async close() {
      await app.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
