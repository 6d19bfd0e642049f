// `npm run demo`: a fresh database filled for trying the service — one account per role (passwords
// printed once) and a few hundred made-up referrals worked to every stage. Its own composition root,
// reading the same configuration as the server (main.ts). Never for a database holding real cases.
import { randomInt } from 'node:crypto';
import type { SignedInUser } from '../shared/accounts.ts';
import { createServices } from './compose.ts';
import { readConfig } from './config.ts';
import { KeyCheckError, openDeploymentKeys } from './crypto/deployment-keys.ts';
import { seededRandom } from '../shared/seeded-random.ts';
import { seedDemoCases } from './demo/seed-demo-cases.ts';
import { PUBLISHED_QUARTER, PublishedTablesError, readPublished, recordsFromPublished } from './demo/published-figures.ts';
import { AccountError, DEMO_ORGANISATION } from './services/accounts.ts';
import { connectDatabase } from './storage/connect.ts';
import { openStorage } from './storage/storage.ts';

const SECOND_CASEWORKER = 'second.caseworker@demo.nrm-field.invalid';

const config = readConfig(process.env, process.cwd());
const storage = await openStorage(connectDatabase(config.database, (error) => console.warn(`Database connection lost while idle: ${error.message}`)));
const today = new Date();
let at = today;
// The same keys, checked the same way, as the server will use on this database.
const keys = await openDeploymentKeys({ ...config, database: config.database.kind }, storage.deploymentKeys, today).catch(async (error: unknown) => {
  await storage.close();
  if (!(error instanceof KeyCheckError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const services = createServices(storage, {
  keyring: keys.keyring,
  matchingKey: keys.matchingKey,
  now: () => at,
  independentReview: config.independentReview,
  randomInt: (n) => randomInt(n),
});

async function person(email: string): Promise<SignedInUser> {
  const user = await storage.accounts.findUserByEmail(email);
  if (!user) throw new Error(`The demo account ${email} is missing`);
  const organisation = await storage.accounts.findOrganisation(user.organisationId);
  return { id: user.id, email: user.email, role: user.role, organisation: { id: user.organisationId, name: organisation?.name ?? '' } };
}

const fromPublished = process.argv.indexOf('--from-published');
try {
  if (fromPublished >= 0) {
    const dir = process.argv[fromPublished + 1];
    if (!dir) throw new PublishedTablesError('Name the folder of the published tables: npm run demo -- --from-published published/ho-statistics');
    const records = recordsFromPublished(await readPublished(dir));
    const added = await storage.statistics.insertMany(records);
    process.stdout.write(
      `Added ${added} statistical records, one per person in the Home Office's ${PUBLISHED_QUARTER} first responder tables (no cases: figures only).\n` +
        `Sign in to ${config.publicUrl}/console/ as an analyst (npm run admin -- seed-demo makes one) and open Figures for ${PUBLISHED_QUARTER}.\n`,
    );
  } else if ((await storage.referrals.count()) > 0) {
    console.error('This database holds referrals already: the demo set goes only into a fresh one. Point DATA_DIR (or DATABASE_URL) at an empty place and run npm run demo again.');
    process.exitCode = 1;
  } else {
    const seeded = await services.accounts.seedDemo('demo');
    // A second caseworker (no password: nobody signs in as them) so the queue shows work held by others.
    await services.accounts.createUser({ email: SECOND_CASEWORKER, role: 'caseworker', organisation: DEMO_ORGANISATION }, 'demo');
    const desk = { caseworkers: [await person('caseworker@demo.nrm-field.invalid'), await person(SECOND_CASEWORKER)], reviewer: await person('reviewer@demo.nrm-field.invalid') };
    const summary = await seedDemoCases(services, { set: (when) => (at = when) }, desk, seededRandom(2026), { today });
    const lines = seeded.map(({ role, email, password }) => `  ${role.padEnd(10)}  ${email.padEnd(38)}  ${password}`);
    process.stdout.write(
      `Demo accounts (for trying the service, never for real cases). The passwords are shown this once:\n\n${lines.join('\n')}\n\n` +
        `Added ${summary.referrals} referrals and ${summary.dtnReports} Duty to Notify reports, received over the last 150 days.\n` +
        `Start the server (npm start) and sign in to ${config.publicUrl}/console/ as the caseworker to see the queue.\n`,
    );
  }
} catch (error) {
  if (!(error instanceof AccountError || error instanceof PublishedTablesError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await storage.close();
}
