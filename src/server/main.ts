import { randomInt } from 'node:crypto';
import { buildApp } from './app.ts';
import { createServices } from './compose.ts';
import { readConfig } from './config.ts';
import { loadIntakeKeyring } from './crypto/intake-keys.ts';
import { loadMatchingKey } from './crypto/matching-key.ts';
import { settingsNotice, setupInstructions, testClockWarning } from './instructions.ts';
import { forgetExpired, HOUSEKEEPING_INTERVAL_MS } from './services/housekeeping.ts';
import { connectDatabase } from './storage/connect.ts';
import { openStorage } from './storage/storage.ts';
import { createTestClock } from './test-clock.ts';

// The composition root: configuration, storage and the keyring go into the services, the services into the app.
const config = readConfig(process.env, process.cwd());
const storage = await openStorage(
  connectDatabase(config.database, (error) => console.warn(`A pooled database connection was lost while idle and will be replaced: ${error.message}`)),
);
const realNow = () => new Date();
// One clock for every service; under TEST_CLOCK (loopback only) it can be moved forward.
const testClock = config.testClock ? createTestClock(realNow) : undefined;
const now = testClock?.now ?? realNow;
const services = createServices(storage, {
  keyring: await loadIntakeKeyring(config.intakeKeyFile, realNow()),
  matchingKey: loadMatchingKey(config.matchingKeyFile, realNow()),
  now,
  realNow,
  testClock,
  independentReview: config.independentReview,
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
  forgetExpired(storage, realNow()).catch((error: Error) => console.warn(`Clearing expired sessions and nonces failed; will try again: ${error.message}`));
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
process.stdout.write(settingsNotice(config));
if (testClock) console.warn(testClockWarning(config.publicUrl));
// Printed, never logged: the code is a credential until it is used or expires.
const setupCode = await services.accounts.issueSetupCode();
if (setupCode) process.stdout.write(setupInstructions(config.publicUrl, setupCode));
