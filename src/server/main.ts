import { randomInt } from 'node:crypto';
import { buildApp } from './app.ts';
import { createServices } from './compose.ts';
import { readConfig } from './config.ts';
import { loadIntakeKeyring } from './crypto/intake-keys.ts';
import { setupInstructions } from './instructions.ts';
import { forgetExpired, HOUSEKEEPING_INTERVAL_MS } from './services/housekeeping.ts';
import { connectDatabase } from './storage/connect.ts';
import { openStorage } from './storage/storage.ts';

// The composition root: configuration, storage and the keyring go into the services, the services into the app.
const config = readConfig(process.env, process.cwd());
const storage = await openStorage(
  connectDatabase(config.database, (error) => console.warn(`A pooled database connection was lost while idle and will be replaced: ${error.message}`)),
);
const now = () => new Date();
const services = createServices(storage, {
  keyring: await loadIntakeKeyring(config.intakeKeyFile, now()),
  now,
  randomInt: (n) => randomInt(n),
});
const app = await buildApp(services, {
  requireDeviceSignatures: config.requireDeviceSignatures,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
  staticDir: config.staticDir,
  logger: { level: config.logLevel },
});

const housekeeping = setInterval(() => {
  forgetExpired(storage, now()).catch((error: Error) => console.warn(`Clearing expired sessions and nonces failed; will try again: ${error.message}`));
}, HOUSEKEEPING_INTERVAL_MS);
housekeeping.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(housekeeping);
    void app.close().then(() => storage.close()).then(() => process.exit(0));
  });
}

await app.listen({ host: config.host, port: config.port });
app.log.info(`NRM Field is ready at http://${config.host}:${(app.server.address() as { port: number }).port} (${config.database.kind})`);
// Printed, never logged: the code is a credential until it is used or expires.
const setupCode = await services.accounts.issueSetupCode();
if (setupCode) process.stdout.write(setupInstructions(config.publicUrl, setupCode));
