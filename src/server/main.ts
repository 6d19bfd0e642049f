import { randomInt } from 'node:crypto';
import { buildApp } from './app.ts';
import { createHashingGate } from './auth/hashing-gate.ts';
import { createServices } from './compose.ts';
import { readConfig } from './config.ts';
import { KeyCheckError, openDeploymentKeys, type DeploymentKeys } from './crypto/deployment-keys.ts';
import { keysMadeNotice, settingsNotice, setupInstructions, testClockWarning, unsignedWarning } from './instructions.ts';
import { forgetExpired, HOUSEKEEPING_INTERVAL_MS } from './services/housekeeping.ts';
import { closeWithDeadline } from './shutdown.ts';
import { connectDatabase } from './storage/connect.ts';
import { openStorage } from './storage/storage.ts';
import { createTestClock } from './test-clock.ts';

// The composition root: configuration, storage and the keyring go into the services, the services into the app.
const config = (() => {
  try {
    return readConfig(process.env, process.cwd());
  } catch (error) {
    // A setting it cannot use: its message says which and what to write instead; a stack would only bury it.
    console.error(`NRM Field did not start: ${(error as Error).message}`);
    return process.exit(1);
  }
})();
const storage = await openStorage(
  connectDatabase(config.database, (error) => console.warn(`A pooled database connection was lost while idle and will be replaced: ${error.message}`)),
);
const realNow = () => new Date();
let keys: DeploymentKeys;
try {
  keys = await openDeploymentKeys({ ...config, database: config.database.kind }, storage.deploymentKeys, realNow());
} catch (error) {
  await storage.close();
  if (!(error instanceof KeyCheckError)) throw error;
  console.error(`NRM Field did not start: ${error.message}`);
  process.exit(1);
}
// One clock for every service; under TEST_CLOCK (loopback only) it can be moved forward.
const testClock = config.testClock ? createTestClock(realNow) : undefined;
const now = testClock?.now ?? realNow;
const services = createServices(storage, {
  keyring: keys.keyring,
  matchingKey: keys.matchingKey,
  deviceQuotas: config.deviceQuotas,
  now,
  realNow,
  testClock,
  independentReview: config.independentReview,
  figuresThreshold: config.figuresThreshold,
  randomInt: (n) => randomInt(n),
  passwordHashing: createHashingGate({ concurrency: config.limits.passwordHashConcurrency, maxWaiting: config.limits.passwordHashQueue }),
});
const app = await buildApp(services, {
  allowUnsignedFromLoopback: config.allowUnsignedFromLoopback,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
  staticDir: config.staticDir,
  logger: { level: config.logLevel },
  limits: config.limits,
});

const housekeeping = setInterval(() => {
  forgetExpired(storage, realNow()).catch((error: Error) => console.warn(`Clearing expired sessions and nonces failed; will try again: ${error.message}`));
}, HOUSEKEEPING_INTERVAL_MS);
housekeeping.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(housekeeping);
    const cut = (connections: number) => app.log.warn(`Stopping: ${connections} connection(s) still open after SHUTDOWN_TIMEOUT_MS were cut`);
    void closeWithDeadline(app, config.limits.shutdownTimeoutMs, cut)
      .then(() => storage.close())
      .then(
        () => process.exit(0),
        (error: Error) => {
          console.error(`Stopping failed: ${error.message}`);
          process.exit(1);
        },
      );
  });
}

await app.listen({ host: config.host, port: config.port });
app.log.info(`NRM Field is ready at http://${config.host}:${(app.server.address() as { port: number }).port} (${config.database.kind})`);
process.stdout.write(settingsNotice(config));
if (keys.made.length > 0) process.stdout.write(keysMadeNotice(keys.made));
if (config.allowUnsignedFromLoopback) console.warn(unsignedWarning());
if (testClock) console.warn(testClockWarning(config.publicUrl));
// Printed, never logged: the code is a credential until it is used or expires.
const setupCode = await services.accounts.issueSetupCode();
if (setupCode) process.stdout.write(setupInstructions(config.publicUrl, setupCode));
