// The server for the delivery bench, as its own process (a device and a server do not share a CPU):
// the real app on SQLite, plus a no-op route that exists only here, to time bare HTTP round trips.
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { createServices } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage } from '../../src/server/storage/storage.ts';
import { NOOP_PATH } from './noop-route.ts';

const file = process.env.BENCH_SQLITE_FILE;
const port = Number(process.env.BENCH_PORT);
if (!file || !Number.isInteger(port)) throw new Error('BENCH_SQLITE_FILE and BENCH_PORT must be set');

const storage = await openStorage(connectSqlite(file));
const keyring = await loadIntakeKeyring(join(dirname(file), 'intake-keys.json'), new Date());
const app = await buildApp(createServices(storage, { keyring, now: () => new Date(), randomInt: (n) => randomInt(n) }), { allowUnsignedFromLoopback: true });
app.post(NOOP_PATH, { bodyLimit: 2 * 1024 * 1024 }, async (_request, reply) => reply.code(204).send());
process.once('SIGTERM', () => void app.close().then(() => storage.close()).then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port });
