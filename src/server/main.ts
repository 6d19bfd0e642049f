import { randomInt } from 'node:crypto';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openSqliteStore } from './storage/sqlite.ts';

const config = readConfig(process.env, process.cwd());
const referrals = await openSqliteStore(config.sqliteFile);
const app = await buildApp({
  referrals,
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
app.log.info(`NRM Field is ready at http://${config.host}:${(app.server.address() as { port: number }).port}`);
