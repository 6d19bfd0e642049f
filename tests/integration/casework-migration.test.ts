import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/storage/migrate.ts';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import type { StorageConnection } from '../../src/server/storage/storage-connection.ts';
import { openStorage } from '../../src/server/storage/storage.ts';
import { freshTestSchema, type TestSchema } from '../support/postgres.ts';

interface Target {
  name: string;
  connect(): Promise<StorageConnection>;
  cleanUp(): Promise<void>;
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-migration-'));
  return { name: 'SQLite', connect: async () => connectSqlite(join(dir, 'before.sqlite')), cleanUp: async () => rmSync(dir, { recursive: true, force: true }) };
}

function postgresTarget(): Target {
  let schema: TestSchema | undefined;
  return {
    name: 'PostgreSQL',
    async connect() {
      schema ??= await freshTestSchema();
      return connectPostgres({ url: schema.url, schema: schema.schema, poolMax: 2, onIdleClientError: (error) => { throw error; } });
    },
    cleanUp: async () => schema?.drop(),
  };
}

const at = '2026-02-27T16:30:00.000Z';

describe.each([sqliteTarget(), postgresTarget()])('migration 0008 (casework) over a database in use on $name', (target) => {
  afterAll(() => target.cleanUp());

  it('keeps every account, session, code and device, allows panel members, and gives earlier referrals their cases', async () => {
    // The database as the release before casework left it.
    const before = await target.connect();
    await migrateToLatest({ ...before, migrations: Object.fromEntries(Object.entries(before.migrations).filter(([name]) => name < '0008')) });
    const [organisation, responder, caseworker, device] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const { db } = before;
    await db.insertInto('organisations').values({ id: organisation, name: 'Leeds City Council', created_at: at }).execute();
    await db
      .insertInto('users')
      .values([
        { id: responder, organisation_id: organisation, email: 'responder@example.org', role: 'responder', password_hash: 'scrypt$a', created_at: at },
        { id: caseworker, organisation_id: organisation, email: 'caseworker@example.org', role: 'caseworker', password_hash: null, created_at: at },
      ])
      .execute();
    await db.insertInto('sessions').values({ id_hash: 'h'.repeat(64), user_id: caseworker, created_at: at, idle_expires_at: at, expires_at: at }).execute();
    await db.insertInto('password_tokens').values({ token_hash: 't'.repeat(64), purpose: 'set-password', user_id: caseworker, created_at: at, expires_at: at }).execute();
    await db.insertInto('devices').values({ id: device, user_id: responder, label: 'Phone', public_key: 'k'.repeat(90), enrolled_at: at, revoked_at: null, last_seen_at: null }).execute();
    const referral = (path: 'child' | 'adult-nrm' | 'dtn', deviceId: string | null, n: number) => ({
      id: uuidv7(),
      reference: `NRM-AAAA-${'CDE'.charAt(n)}${'CDE'.charAt(n)}`,
      path,
      schema_version: 3,
      submitted_at: at,
      received_at: at,
      digest: 'd'.repeat(64),
      envelope: '{"format":"hpke"}',
      status_changed_at: at,
      device_id: deviceId,
    });
    const [child, adult, dtn] = [referral('child', device, 0), referral('adult-nrm', null, 1), referral('dtn', device, 2)];
    await db.insertInto('referrals').values([child, adult, dtn]).execute();
    const usersBefore = await db.selectFrom('users').selectAll().orderBy('email').execute();
    await db.destroy();

    const storage = await openStorage(await target.connect());
    try {
      expect(await storage.accounts.findUser(caseworker)).toMatchObject({ email: 'caseworker@example.org', role: 'caseworker' });
      expect((await storage.accounts.findUser(responder))?.passwordHash).toBe('scrypt$a');
      expect(await storage.accounts.useSession('h'.repeat(64), '2026-02-27T00:00:00.000Z', at)).toMatchObject({ userId: caseworker });
      expect(await storage.accounts.consumePasswordToken('t'.repeat(64), '2026-02-27T00:00:00.000Z')).toMatchObject({ userId: caseworker });
      expect(await storage.devices.findDevice(device)).toMatchObject({ userId: responder });
      await storage.accounts.createUser({ id: uuidv7(), organisationId: organisation, email: 'panel@example.org', role: 'panel', passwordHash: null, createdAt: at });
      // The rebuilt table still refuses what it refused: an unknown role, a user of no organisation.
      await expect(storage.accounts.createUser({ id: uuidv7(), organisationId: organisation, email: 'x@example.org', role: 'owner' as 'admin', passwordHash: null, createdAt: at })).rejects.toThrow();
      await expect(storage.accounts.createUser({ id: uuidv7(), organisationId: uuidv7(), email: 'y@example.org', role: 'admin', passwordHash: null, createdAt: at })).rejects.toThrow();

      // 27 February 2026 is a Friday: reasonable grounds are due the Friday after.
      expect(await storage.cases.find(child.id)).toMatchObject({ organisation: 'Leeds City Council', ageGroup: 'under-18', state: { stage: 'rg-pending', version: 1, rgDueOn: '2026-03-06' } });
      expect(await storage.cases.find(adult.id)).toMatchObject({ organisation: null, ageGroup: '18-or-over' });
      expect(await storage.cases.find(dtn.id)).toBeUndefined();
      expect((await storage.cases.events(child.id)).map((event) => [event.action, event.actor, event.to])).toEqual([['received', responder, 'rg-pending']]);
      expect((await storage.cases.events(adult.id)).map((event) => event.actor)).toEqual(['intake']);
      expect((await storage.referrals.statusesOf([child.id], '2000-01-01T00:00:00Z'))[0]?.progress).toEqual({ stage: 'received', on: null, reconsiderUntil: null });
    } finally {
      await storage.close();
    }
    const again = await openStorage(await target.connect());
    try {
      expect((await again.cases.queue({ sort: 'received', offset: 0, limit: 25 })).total).toBe(2);
      for (const user of usersBefore) {
        expect(await again.accounts.findUser(user.id)).toEqual({ id: user.id, organisationId: user.organisation_id, email: user.email, role: user.role, passwordHash: user.password_hash, createdAt: user.created_at, disabledAt: null });
      }
    } finally {
      await again.close();
    }
  });
});
