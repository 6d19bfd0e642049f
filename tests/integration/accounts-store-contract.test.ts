import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, type User } from '../../src/server/storage/accounts-store.ts';
import type { Device } from '../../src/server/storage/device-store.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe.each([sqliteBackend(), postgresBackend()])('accounts, devices, audit and rate-limit stores on $name', (backend) => {
  const opened: Storage[] = [];
  let storage: Storage;
  let organisationId = '';

  async function openAnother(): Promise<Storage> {
    const another = await backend.open();
    opened.push(another);
    return another;
  }

  async function newUser(overrides: Partial<User> = {}): Promise<User> {
    const user: User = { id: uuidv7(), organisationId, email: `${uuidv7()}@example.org`, role: 'responder', passwordHash: null, createdAt: at(0), disabledAt: null, ...overrides };
    await storage.accounts.createUser(user);
    return user;
  }

  async function newDevice(userId: string, overrides: Partial<Device> = {}): Promise<Device> {
    const device: Device = { id: uuidv7(), userId, label: 'Phone', publicKey: `key-${uuidv7()}`, enrolledAt: at(0), revokedAt: null, lastSeenAt: null, suspendedAt: null, ...overrides };
    return (await storage.devices.enrol(device)).device;
  }

  beforeAll(async () => {
    await backend.setUp();
    storage = await openAnother();
    organisationId = uuidv7();
    await storage.accounts.createOrganisation({ id: organisationId, name: 'Northshire Police', createdAt: at(0) });
  });
  afterAll(async () => {
    await Promise.all(opened.map((each) => each.close()));
    await backend.tearDown();
  });

  describe('organisations and users', () => {
    it('finds an organisation by id and by name, and refuses a second one of the same name', async () => {
      expect(await storage.accounts.findOrganisation(organisationId)).toEqual({ id: organisationId, name: 'Northshire Police', createdAt: at(0) });
      expect((await storage.accounts.findOrganisationByName('Northshire Police'))?.id).toBe(organisationId);
      expect(await storage.accounts.findOrganisationByName('Southshire Police')).toBeUndefined();
      await expect(storage.accounts.createOrganisation({ id: uuidv7(), name: 'Northshire Police', createdAt: at(1) })).rejects.toBeInstanceOf(AlreadyExistsError);
    });

    it('stores a user as given, finds them by id and email, and refuses a second account for one email', async () => {
      const user = await newUser({ role: 'caseworker', passwordHash: 'scrypt$…' });
      expect(await storage.accounts.findUser(user.id)).toEqual(user);
      expect(await storage.accounts.findUserByEmail(user.email)).toEqual(user);
      await expect(storage.accounts.createUser({ ...user, id: uuidv7() })).rejects.toBeInstanceOf(AlreadyExistsError);
      await storage.accounts.setPasswordHash(user.id, null);
      expect((await storage.accounts.findUser(user.id))?.passwordHash).toBeNull();
    });

    it('counts the users of a role', async () => {
      const before = await storage.accounts.countUsersWithRole('analyst');
      await newUser({ role: 'analyst' });
      await newUser({ role: 'analyst' });
      expect(await storage.accounts.countUsersWithRole('analyst')).toBe(before + 2);
    });

    it('refuses a role that does not exist (the database checks it too)', async () => {
      await expect(newUser({ role: 'superuser' as never })).rejects.toThrow();
    });
  });

  describe('one-time codes', () => {
    it('gives a code back once, and never once it has expired', async () => {
      const user = await newUser();
      await storage.accounts.createPasswordToken({ tokenHash: 'hash-a', purpose: 'set-password', userId: user.id, createdAt: at(0), expiresAt: at(30) });
      await storage.accounts.createPasswordToken({ tokenHash: 'hash-b', purpose: 'setup', userId: null, createdAt: at(0), expiresAt: at(30) });
      expect(await storage.accounts.consumePasswordToken('hash-a', at(29))).toEqual({ tokenHash: 'hash-a', purpose: 'set-password', userId: user.id, createdAt: at(0), expiresAt: at(30) });
      expect(await storage.accounts.consumePasswordToken('hash-a', at(29))).toBeUndefined();
      expect(await storage.accounts.consumePasswordToken('hash-b', at(30))).toBeUndefined();
      expect(await storage.accounts.consumePasswordToken('unknown', at(0))).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('serves a session until its idle or absolute expiry, moving the idle expiry on each use', async () => {
      const user = await newUser();
      await storage.accounts.createSession({ idHash: 's1', userId: user.id, createdAt: at(0), idleExpiresAt: at(30), expiresAt: at(720) });
      expect(await storage.accounts.useSession('s1', at(29), at(59))).toEqual({ idHash: 's1', userId: user.id, createdAt: at(0), idleExpiresAt: at(59), expiresAt: at(720) });
      expect(await storage.accounts.useSession('s1', at(59), at(89))).toBeUndefined();
      await storage.accounts.createSession({ idHash: 's2', userId: user.id, createdAt: at(0), idleExpiresAt: at(800), expiresAt: at(720) });
      expect(await storage.accounts.useSession('s2', at(720), at(750))).toBeUndefined();
      expect(await storage.accounts.useSession('missing', at(0), at(30))).toBeUndefined();
    });

    it('ends one session, or every session of a user', async () => {
      const user = await newUser();
      for (const id of ['e1', 'e2', 'e3']) await storage.accounts.createSession({ idHash: id, userId: user.id, createdAt: at(0), idleExpiresAt: at(30), expiresAt: at(720) });
      await storage.accounts.deleteSession('e1');
      expect(await storage.accounts.useSession('e1', at(1), at(31))).toBeUndefined();
      expect(await storage.accounts.useSession('e2', at(1), at(31))).toBeDefined();
      await storage.accounts.deleteSessionsOf(user.id);
      expect(await storage.accounts.useSession('e3', at(1), at(31))).toBeUndefined();
    });

    it('forgets expired sessions and codes, and keeps live ones', async () => {
      const user = await newUser();
      await storage.accounts.createSession({ idHash: 'old', userId: user.id, createdAt: at(0), idleExpiresAt: at(30), expiresAt: at(720) });
      await storage.accounts.createSession({ idHash: 'live', userId: user.id, createdAt: at(0), idleExpiresAt: at(90), expiresAt: at(720) });
      await storage.accounts.createPasswordToken({ tokenHash: 'old-code', purpose: 'set-password', userId: user.id, createdAt: at(0), expiresAt: at(30) });
      await storage.accounts.deleteExpired(at(60));
      expect(await storage.accounts.useSession('live', at(61), at(91))).toBeDefined();
      // Moving the clock back shows the expired rows are really gone, not merely refused.
      expect(await storage.accounts.useSession('old', at(1), at(31))).toBeUndefined();
      expect(await storage.accounts.consumePasswordToken('old-code', at(1))).toBeUndefined();
    });
  });

  describe('devices', () => {
    it('enrols a key once: the same key again answers with the device it made', async () => {
      const user = await newUser();
      const first = await newDevice(user.id, { publicKey: 'key-shared' });
      const again = await storage.devices.enrol({ ...first, id: uuidv7(), label: 'Another name', enrolledAt: at(5) });
      expect(again).toEqual({ enrolled: false, device: first });
      expect(await storage.devices.findDevice(first.id)).toEqual(first);
      expect(await storage.devices.findDevice(uuidv7())).toBeUndefined();
    });

    it('lists every device or one user’s, newest first', async () => {
      const [alice, bob] = [await newUser(), await newUser()];
      const a1 = await newDevice(alice.id, { enrolledAt: at(1) });
      const a2 = await newDevice(alice.id, { enrolledAt: at(2) });
      const b1 = await newDevice(bob.id, { enrolledAt: at(3) });
      expect(await storage.devices.listDevices(alice.id)).toEqual([a2, a1]);
      const all = (await storage.devices.listDevices()).map((device) => device.id);
      expect(all).toEqual(expect.arrayContaining([a1.id, a2.id, b1.id]));
      expect(all.indexOf(b1.id)).toBeLessThan(all.indexOf(a1.id));
    });

    it('revokes once, keeping the first time, and says when there is no such device', async () => {
      const device = await newDevice((await newUser()).id);
      expect(await storage.devices.revoke(device.id, at(10))).toBe(true);
      expect(await storage.devices.revoke(device.id, at(20))).toBe(true);
      expect((await storage.devices.findDevice(device.id))?.revokedAt).toBe(at(10));
      expect(await storage.devices.revoke(uuidv7(), at(10))).toBe(false);
    });

    it('records contact at most once a minute', async () => {
      const device = await newDevice((await newUser()).id);
      await storage.devices.touch(device.id, at(1));
      await storage.devices.touch(device.id, new Date(T0 + 90_000).toISOString());
      expect((await storage.devices.findDevice(device.id))?.lastSeenAt).toBe(at(1));
      await storage.devices.touch(device.id, at(3));
      expect((await storage.devices.findDevice(device.id))?.lastSeenAt).toBe(at(3));
    });

    it('accepts a nonce once per device, and again only after it has been forgotten', async () => {
      const user = await newUser();
      const [one, two] = [await newDevice(user.id), await newDevice(user.id)];
      expect(await storage.devices.rememberNonce(one.id, 'nonce-1', at(5))).toBe(true);
      expect(await storage.devices.rememberNonce(one.id, 'nonce-1', at(5))).toBe(false);
      expect(await storage.devices.rememberNonce(two.id, 'nonce-1', at(5))).toBe(true);
      await storage.devices.deleteExpired(at(4));
      expect(await storage.devices.rememberNonce(one.id, 'nonce-1', at(5))).toBe(false);
      await storage.devices.deleteExpired(at(5));
      expect(await storage.devices.rememberNonce(one.id, 'nonce-1', at(10))).toBe(true);
    });

    it('accepts a nonce once when two instances see it at the same moment', async () => {
      const second = await openAnother();
      const device = await newDevice((await newUser()).id);
      const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? second : storage).devices.rememberNonce(device.id, 'raced', at(5))));
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('referrals and their devices', () => {
    it('keeps the sending device, answers a device only about its own referrals, and counts by path', async () => {
      const user = await newUser();
      const [mine, theirs] = [await newDevice(user.id), await newDevice(user.id)];
      const row = (deviceId: string | null, path: 'child' | 'adult-nrm') => ({
        id: uuidv7(),
        reference: `NRM-${uuidv7().slice(-6).toUpperCase()}`,
        path,
        schemaVersion: 2,
        submittedAt: at(0),
        receivedAt: at(1),
        digest: 'c'.repeat(64),
        envelope: '{"format":"hpke"}',
        deviceId,
        encounterId: null,
        family: null,
      });
      const rows = [row(mine.id, 'child'), row(theirs.id, 'adult-nrm'), row(null, 'child')];
      for (const each of rows) await storage.referrals.insertIfAbsent(each, []);
      const [a, b, c] = rows as [ReturnType<typeof row>, ReturnType<typeof row>, ReturnType<typeof row>];
      expect(await storage.referrals.findById(a.id)).toEqual(a);
      expect(await storage.referrals.caseById(a.id)).toEqual({ ...a, status: 'received', statusChangedAt: at(1) });
      const ids = rows.map((each) => each.id);
      expect((await storage.referrals.statusesOf(ids, at(0), mine.id)).map((s) => s.id)).toEqual([a.id]);
      expect((await storage.referrals.statusesOf(ids, at(0))).map((s) => s.id).sort()).toEqual([a.id, b.id, c.id].sort());
      // An unsigned request (a try-out on loopback) learns only of referrals sent unsigned.
      expect((await storage.referrals.statusesOf(ids, at(0), null)).map((s) => s.id)).toEqual([c.id]);
    });
  });

  describe('audit log', () => {
    it('appends entries and reads them back in order', async () => {
      const subject = uuidv7();
      await storage.audit.append({ at: at(1), actor: 'user-1', action: 'case-read', subject });
      await storage.audit.append({ at: at(2), actor: 'user-2', action: 'case-read', subject });
      expect(await storage.audit.entriesFor(subject)).toEqual([
        { at: at(1), actor: 'user-1', action: 'case-read', subject },
        { at: at(2), actor: 'user-2', action: 'case-read', subject },
      ]);
    });

    it('is append-only in the database itself: UPDATE and DELETE are refused', async () => {
      const subject = uuidv7();
      await storage.audit.append({ at: at(1), actor: 'insider', action: 'case-read', subject });
      await expect(backend.sql(`update audit_log set actor = 'someone else' where subject = '${subject}'`)).rejects.toThrow(/append-only/);
      await expect(backend.sql(`delete from audit_log where subject = '${subject}'`)).rejects.toThrow(/append-only/);
      if (backend.name === 'PostgreSQL') await expect(backend.sql('truncate audit_log')).rejects.toThrow(/append-only/);
      expect(await storage.audit.entriesFor(subject)).toEqual([{ at: at(1), actor: 'insider', action: 'case-read', subject }]);
    });
  });

  describe('rate-limit counters', () => {
    it('counts hits in a window and starts again when it has ended', async () => {
      const key = `k-${uuidv7()}`;
      const window = 60_000;
      expect(await storage.rateLimits.hit(key, window, new Date(T0))).toEqual({ hits: 1, windowEndsAt: new Date(T0 + window) });
      expect(await storage.rateLimits.hit(key, window, new Date(T0 + 30_000))).toEqual({ hits: 2, windowEndsAt: new Date(T0 + window) });
      expect(await storage.rateLimits.hit(key, window, new Date(T0 + window))).toEqual({ hits: 1, windowEndsAt: new Date(T0 + 2 * window) });
      await storage.rateLimits.deleteExpired(new Date(T0 + 2 * window).toISOString());
      expect((await storage.rateLimits.hit(key, window, new Date(T0 + 30_000))).hits).toBe(1);
    });

    it('counts every hit when two instances count one key at the same moment', async () => {
      const second = await openAnother();
      const key = `k-${uuidv7()}`;
      const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? second : storage).rateLimits.hit(key, 60_000, new Date(T0))));
      expect(counts.map((count) => count.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
});
