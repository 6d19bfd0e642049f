// `npm run admin -- <command>`: account and device administration on the configured database.
// Its own composition root, reading the same configuration as the server (main.ts).
import { ADMIN_USAGE, runAdminCommand, UsageError } from './admin-commands.ts';
import { readConfig } from './config.ts';
import { createDeploymentKeys, KeyCheckError, openDeploymentKeys, rotateDeploymentIntakeKey } from './crypto/deployment-keys.ts';
import { AccountError, createAccountService } from './services/accounts.ts';
import { createDeviceService } from './services/devices.ts';
import { connectDatabase } from './storage/connect.ts';
import { openStorage } from './storage/storage.ts';

const args = process.argv.slice(2);
if (args.length === 0 || args[0] === 'help' || args.includes('--help')) {
  process.stdout.write(ADMIN_USAGE);
  process.exit(args.length === 0 ? 2 : 0);
}

const config = readConfig(process.env, process.cwd());
const storage = await openStorage(connectDatabase(config.database, (error) => console.warn(`Database connection lost while idle: ${error.message}`)));
const now = () => new Date();
const keySources = { ...config, database: config.database.kind };
// The key commands work on files and the database's key records, not on accounts.
const keyCommands: Record<string, () => Promise<string>> = {
  'create-keys': () => createDeploymentKeys(keySources, storage.deploymentKeys, now()),
  'rotate-intake-key': () => rotateDeploymentIntakeKey(keySources, storage.deploymentKeys, now()),
  'backfill-statistics': async () => {
    // Loaded only for this command: the intake's code would slow every other command's start.
    const [{ backfillStatistics }, { listLookupOf, shippedReferenceLists }] = await Promise.all([import('./services/statistics-backfill.ts'), import('./services/reference-lists.ts')]);
    const { keyring } = await openDeploymentKeys(keySources, storage.deploymentKeys, now());
    const written = await backfillStatistics({ statistics: storage.statistics, keyring, lists: listLookupOf(shippedReferenceLists()) });
    return `Derived the statistical record of ${written} referral(s) that had none.\n`;
  },
};
try {
  const keyCommand = keyCommands[args[0] ?? ''];
  process.stdout.write(
    keyCommand
      ? await keyCommand()
      : await runAdminCommand(args, {
          accounts: createAccountService({ ...storage, now }),
          devices: createDeviceService({ ...storage, now }),
          accountsStore: storage.accounts,
          publicUrl: config.publicUrl,
        }),
  );
} catch (error) {
  if (error instanceof KeyCheckError) {
    console.error(error.message);
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${ADMIN_USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof AccountError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await storage.close();
}
