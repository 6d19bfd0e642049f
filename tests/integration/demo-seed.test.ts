import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../src/shared/accounts.ts';
import { createServices, type Services } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { seedDemoCases, type DemoSummary } from '../../src/server/demo/seed-demo-cases.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { TEST_SCRYPT_COST } from '../support/in-process-server.ts';
import { sqliteBackend } from '../support/storage-backends.ts';

const TODAY = new Date('2026-12-04T12:00:00.000Z');

describe('npm run demo', () => {
  const backend = sqliteBackend();
  const keyDir = mkdtempSync(join(tmpdir(), 'nrm-field-demo-'));
  let storage: Storage;
  let services: Services;
  let summary: DemoSummary;
  let caseworker: SignedInUser;
  let at = TODAY;

  beforeAll(async () => {
    await backend.setUp();
    storage = await backend.open();
    services = createServices(storage, {
      keyring: await loadIntakeKeyring(join(keyDir, 'intake-keys.json'), TODAY),
      matchingKey: loadMatchingKey(join(keyDir, 'matching-key.json'), TODAY),
      now: () => at,
      randomInt: (n) => Math.floor(Math.random() * n),
      scryptCost: TEST_SCRYPT_COST,
    });
    await services.accounts.seedDemo('test');
    const user = async (email: string): Promise<SignedInUser> => {
      const found = (await storage.accounts.findUserByEmail(email))!;
      return { id: found.id, email: found.email, role: found.role, organisation: { id: found.organisationId, name: 'Demo organisation' } };
    };
    caseworker = await user('caseworker@demo.nrm-field.invalid');
    const reviewer = await user('reviewer@demo.nrm-field.invalid');
    summary = await seedDemoCases(services, { set: (when) => (at = when) }, { caseworkers: [caseworker], reviewer }, seededRandom(2026), { count: 90, today: TODAY });
  });
  afterAll(async () => {
    await storage?.close();
    await backend.tearDown();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('fills the queue with cases at many stages, and Duty to Notify reports beside them', async () => {
    expect(summary.referrals + summary.dtnReports).toBe(90);
    expect(summary.dtnReports).toBeGreaterThan(5);
    expect(Object.keys(summary.byStage).length).toBeGreaterThanOrEqual(5);
    for (const stage of ['rg-pending', 'cg-pending', 'cg-positive', 'rg-negative']) expect(summary.byStage[stage], stage).toBeGreaterThan(0);
    const queue = await services.casework.queue(caseworker, {});
    expect(queue.total).toBe(summary.referrals);
    expect(queue.today).toBe('2026-12-04');
    // Each referring organisation sends from an enrolled device, so the queue can say who referred.
    expect(queue.organisations.length).toBeGreaterThan(3);
    expect(queue.rows.every((row) => row.organisation)).toBe(true);
  });

  it('leaves some cases overdue and some due, as a real unit has', async () => {
    const overdue = await services.casework.queue(caseworker, { due: 'overdue' });
    expect(overdue.total).toBeGreaterThan(0);
    for (const row of overdue.rows) expect(row.dueOn! < '2026-12-04').toBe(true);
  });

  it('marks the county lines cases it takes as county lines, so the figures have some to count', async () => {
    const rows = await backend.rows('select count(*) as n from referral_statistics where county_lines = 1');
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it('finds people met twice under another spelling', async () => {
    const rows = await backend.rows('select count(*) as n from possible_matches');
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });
});
