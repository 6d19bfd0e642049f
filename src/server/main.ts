import { randomInt } from 'node:crypto';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { loadIntakeKeyring } from './crypto/intake-keys.ts';
import { connectDatabase } from './storage/connect.ts';
import { openStore } from './storage/storage-connection.ts';

const config = readConfig(process.env, process.cwd());
const referrals = await openStore(
  connectDatabase(config.database, (error) => console.warn(`A pooled database connection was lost while idle and will be replaced: ${error.message}`)),
);
const app = await buildApp({
  referrals,
  keyring: await loadIntakeKeyring(config.intakeKeyFile, new Date()),
  now: () => new Date(),
  randomInt: (n) => randomInt(n),
  staticDir: config.staticDir,
  logger: { level: config.logLevel },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => referrals.close()).then(() => process.exit(0));
  });
}

await app.listen({ host: config.host, port: config.port });
app.log.info(`NRM Field is ready at http://${config.host}:${(app.server.address() as { port: number }).port} (${config.database.kind})`);
