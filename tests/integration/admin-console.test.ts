import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditResponseSchema, type AuditEntry } from '../../src/shared/admin/audit.ts';
import { codeResponseSchema, userDetailSchema, usersResponseSchema, type AdminUser } from '../../src/shared/admin/protocol.ts';
import { createAccount, enrolDevice, signIn, signedFetch, type TestAccount, type TestDevice } from '../support/accounts.ts';
import { deskFor, sendReferral, type Desk } from '../support/casework-desk.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { sealedSubmissionFor } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

// A summer day (BST), so that the audit log's UK days are not UTC days.
const START = new Date('2026-06-10T09:00:00.000Z');
const DAY = '2026-06-10';
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.each([sqliteBackend(), postgresBackend()])('the administrator’s console on $name', (backend) => {
  let server: CaseworkServer;
  let admin: Desk;
  let adminCookie = '';
  let adminId = '';
  let responder: TestAccount;
  let responderId = '';
  let device: TestDevice;
  let caseworker: Desk;
  let reference = '';

  const userId = async (email: string) => (await server.storage.accounts.findUserByEmail(email))!.id;
  /** A signed request from the device: its status and problem code. */
  const deviceSends = async (target: TestDevice = device) => {
    const response = await signedFetch(server.baseUrl, target, 'POST', '/api/v1/referrals', { body: JSON.stringify(await sealedSubmissionFor(server.intakeKey)) });
    const body = (await response.json()) as { code?: string; title?: string };
    return { status: response.status, code: body.code, title: body.title };
  };
  /** The device's own key enrolled again by its signed-in owner: how "signing in again on the device" reaches the server. */
  const enrolAgain = (cookie: string, target: TestDevice = device) =>
    fetch(`${server.baseUrl}/api/v1/devices`, { ...json({ publicKey: target.publicKey, label: 'Again' }), headers: { 'content-type': 'application/json', cookie } });
  const audit = async (query: Record<string, string> = {}) => {
    const answer = await admin.call('GET', `/api/v1/admin/audit?${new URLSearchParams(query)}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return auditResponseSchema.parse(answer.body);
  };
  const actions = (entries: AuditEntry[]) => entries.map((entry) => entry.action);

  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: START });
    const adminAccount = await createAccount(server, 'admin', 'Service administration');
    adminId = await userId(adminAccount.email);
    adminCookie = await signIn(server.baseUrl, adminAccount);
    admin = deskFor(server.baseUrl, adminCookie);
    responder = await createAccount(server, 'responder', 'Northshire Police');
    responderId = await userId(responder.email);
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, responder), '=HYPERLINK("http://evil.example","Team 3")');
    reference = (await sendReferral(server.baseUrl, server.intakeKey, device)).reference;
    caseworker = deskFor(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'caseworker', 'Northshire Police')));
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('lists accounts with role, organisation, status and devices, filtered by organisation and status', async () => {
    const all = usersResponseSchema.parse((await admin.call('GET', '/api/v1/admin/users')).body);
    const row = all.users.find((user) => user.id === responderId);
    expect(row).toMatchObject({ email: responder.email, role: 'responder', organisation: { name: 'Northshire Police' }, status: 'active', devices: 1 });
    expect(row?.lastContactAt).not.toBeNull();
    expect(all.organisations.map((organisation) => organisation.name)).toEqual(['Northshire Police', 'Service administration']);
    const northshire = all.organisations.find((organisation) => organisation.name === 'Northshire Police')!;
    const filtered = usersResponseSchema.parse((await admin.call('GET', `/api/v1/admin/users?organisation=${northshire.id}&status=active`)).body);
    expect(filtered.users.map((user) => user.organisation.name)).toEqual(['Northshire Police', 'Northshire Police']);
    expect(filtered.total).toBe(2);
    expect((await admin.call('GET', '/api/v1/admin/users?status=asleep')).status).toBe(400);
  });

  it('invites a person: the one-time code is returned once, sets their password, and the invitation is audited', async () => {
    const organisation = usersResponseSchema.parse((await admin.call('GET', '/api/v1/admin/users')).body).organisations.find((each) => each.name === 'Northshire Police')!;
    const invited = await admin.call('POST', '/api/v1/admin/users', { email: 'New.Caseworker@Northshire.example', role: 'caseworker', organisation: organisation.id });
    expect(invited.status).toBe(201);
    const { user, code } = codeResponseSchema.parse(invited.body);
    expect(user).toMatchObject({ email: 'new.caseworker@northshire.example', role: 'caseworker', status: 'no-password', devices: 0 });
    expect((await fetch(`${server.baseUrl}/api/v1/password`, json({ token: code.token, password: 'a long passphrase of mine' }))).status).toBe(204);
    expect(userDetailSchema.parse((await admin.call('GET', `/api/v1/admin/users/${user.id}`)).body).user.status).toBe('active');

    const again = await admin.call('POST', '/api/v1/admin/users', { email: 'new.caseworker@northshire.example', role: 'analyst', organisation: organisation.id });
    expect([again.status, again.body.code]).toEqual([409, 'account-exists']);
    const nowhere = await admin.call('POST', '/api/v1/admin/users', { email: 'someone@example.org', role: 'analyst', organisation: '0190a3c4-0000-7000-8000-000000000000' });
    expect([nowhere.status, nowhere.body.errors]).toEqual([422, [{ path: 'organisation', message: 'Choose an organisation from the list' }]]);
    const incomplete = await admin.call('POST', '/api/v1/admin/users', { email: 'not an email', organisation: organisation.id });
    expect(incomplete.status).toBe(422);
    expect((await audit({ person: user.id })).entries.map((entry) => [entry.action, entry.actor.id])).toEqual([
      ['password-set', user.id],
      ['user-created', adminId],
    ]);
  });

  it('finds a person by email without the address ever being in a URL', async () => {
    expect((await admin.call('POST', '/api/v1/admin/users/find', { email: responder.email.toUpperCase() })).body).toEqual({ id: responderId });
    expect((await admin.call('POST', '/api/v1/admin/users/find', { email: 'nobody@example.org' })).status).toBe(404);
  });

  it('changes a role: the person’s sessions end, and an administrator cannot change their own account', async () => {
    const person = await createAccount(server, 'analyst', 'Northshire Police');
    const cookie = await signIn(server.baseUrl, person);
    const id = await userId(person.email);
    const changed = await admin.call('PUT', `/api/v1/admin/users/${id}/role`, { role: 'reviewer' });
    expect([changed.status, (changed.body as AdminUser).role]).toEqual([200, 'reviewer']);
    expect((await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } })).status).toBe(401);
    expect((await admin.call('PUT', `/api/v1/admin/users/${id}/role`, { role: 'owner' })).status).toBe(422);
    const own = await admin.call('PUT', `/api/v1/admin/users/${adminId}/role`, { role: 'analyst' });
    expect([own.status, own.body.code, own.body.detail]).toEqual([422, 'action-refused', 'You cannot change your own account here: ask another administrator.']);
    expect((await admin.call('POST', `/api/v1/admin/users/${adminId}/disable`)).status).toBe(422);
    expect((await admin.call('PUT', '/api/v1/admin/users/0190a3c4-0000-7000-8000-000000000000/role', { role: 'analyst' })).status).toBe(404);
    expect(actions((await audit({ person: id, action: 'accounts' })).entries)).toEqual(['role-changed-to-reviewer', 'password-set', 'user-created']);

    // A device sends for a responder: one moved to another role sends nothing more.
    const mover = await createAccount(server, 'responder', 'Northshire Police');
    const phone = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, mover), 'Mover phone');
    expect((await deviceSends(phone)).status).toBe(201);
    expect((await admin.call('PUT', `/api/v1/admin/users/${await userId(mover.email)}/role`, { role: 'caseworker' })).status).toBe(200);
    expect((await deviceSends(phone)).code).toBe('device-needs-sign-in');
    expect((await enrolAgain(await signIn(server.baseUrl, mover), phone)).status).toBe(403);
  });

  it('disables an account: no sign-in (said plainly), sessions end, devices refused until the person signs in again on each', async () => {
    const cookie = await signIn(server.baseUrl, responder);
    expect((await deviceSends()).status).toBe(201);
    const disabled = await admin.call('POST', `/api/v1/admin/users/${responderId}/disable`);
    expect([disabled.status, (disabled.body as AdminUser).status]).toEqual([200, 'disabled']);

    expect((await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } })).status).toBe(401);
    const refused = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: responder.email, password: responder.password }));
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([403, 'account-disabled']);
    const wrong = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: responder.email, password: 'not the password at all' }));
    expect(wrong.status).toBe(401);
    expect(await deviceSends()).toEqual({ status: 401, code: 'device-needs-sign-in', title: 'Your account has been disabled or reset; sign in again on this device' });
    const detail = userDetailSchema.parse((await admin.call('GET', `/api/v1/admin/users/${responderId}`)).body);
    expect(detail.devices[0]).toMatchObject({ id: device.id, suspendedAt: expect.any(String), revokedAt: null });

    const enabled = await admin.call('POST', `/api/v1/admin/users/${responderId}/enable`);
    expect((enabled.body as AdminUser).status).toBe('active');
    // Enabled again, but the device still waits for its owner to sign in on it.
    expect((await deviceSends()).code).toBe('device-needs-sign-in');
    expect((await enrolAgain(await signIn(server.baseUrl, responder))).status).toBe(200);
    expect((await deviceSends()).status).toBe(201);
    expect(actions((await audit({ person: responderId, action: 'accounts' })).entries).slice(0, 2)).toEqual(['user-enabled', 'user-disabled']);
    expect(actions((await audit({ action: 'devices' })).entries)[0]).toBe('device-resumed');
  });

  it('resets a password: a new one-time code once, the old password and earlier codes stop, the devices wait for a sign-in', async () => {
    const spare = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, responder), 'Spare');
    const first = codeResponseSchema.parse((await admin.call('POST', `/api/v1/admin/users/${responderId}/reset-password`)).body);
    expect(first.user.status).toBe('no-password');
    const second = codeResponseSchema.parse((await admin.call('POST', `/api/v1/admin/users/${responderId}/reset-password`)).body);
    expect(second.code.token).not.toBe(first.code.token);
    expect((await fetch(`${server.baseUrl}/api/v1/session`, json({ email: responder.email, password: responder.password }))).status).toBe(401);
    expect((await deviceSends()).code).toBe('device-needs-sign-in');
    expect((await deviceSends(spare)).code).toBe('device-needs-sign-in');

    expect((await fetch(`${server.baseUrl}/api/v1/password`, json({ token: first.code.token, password: 'the first new passphrase' }))).status).toBe(401);
    responder = { ...responder, password: 'the second new passphrase' };
    expect((await fetch(`${server.baseUrl}/api/v1/password`, json({ token: second.code.token, password: responder.password }))).status).toBe(204);
    const cookie = await signIn(server.baseUrl, responder);
    expect((await enrolAgain(cookie)).status).toBe(200);
    expect((await deviceSends()).status).toBe(201);
    // Signing in on one device lifts only that device's hold.
    expect((await deviceSends(spare)).code).toBe('device-needs-sign-in');
  });

  it('lifts a hold only for a session begun after it, of an owner not disabled (the store’s own rule)', async () => {
    const owner = await createAccount(server, 'responder', 'Northshire Police');
    const ownerId = await userId(owner.email);
    const phone = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, owner), 'Held phone');
    const { accounts, devices } = server.storage;
    const session = (idHash: string, createdAt: string) => accounts.createSession({ idHash, userId: ownerId, createdAt, idleExpiresAt: '2099-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' });
    await accounts.hold(ownerId, 'reset', '2030-01-01T12:00:00.000Z');
    // A request that passed its session check just before the hold, enrolling just after, lifts nothing.
    await session(`before-${ownerId}`, '2030-01-01T11:59:59.999Z');
    expect(await devices.resume(phone.id, ownerId)).toBe(false);
    // Signed in again after the hold, but disabled meanwhile: still nothing.
    await accounts.hold(ownerId, 'disable', '2030-01-01T12:00:00.000Z');
    await session(`after-${ownerId}`, '2030-01-01T12:00:01.000Z');
    expect(await devices.resume(phone.id, ownerId)).toBe(false);
    await accounts.enable(ownerId);
    expect(await devices.resume(phone.id, ownerId)).toBe(true);
    expect((await devices.findDevice(phone.id))?.suspendedAt).toBeNull();
  });

  it('revokes a device: its next contact is refused as revoked (the field app wipes itself), and it is audited', async () => {
    const lost = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, responder), 'Lost phone');
    const revoked = await admin.call('POST', `/api/v1/admin/devices/${lost.id}/revoke`);
    expect([revoked.status, revoked.body.revokedAt]).toEqual([200, expect.any(String)]);
    expect(await deviceSends(lost)).toMatchObject({ status: 401, code: 'device-revoked' });
    expect((await admin.call('POST', '/api/v1/admin/devices/0190a3c4-0000-7000-8000-000000000000/revoke')).status).toBe(404);
    const entry = (await audit({ action: 'device-revoked' })).entries[0];
    expect(entry).toMatchObject({ actor: { id: adminId }, subject: { id: lost.id, kind: 'device', label: 'Lost phone' } });
    // Signing in again never brings a revoked key back.
    expect((await enrolAgain(await signIn(server.baseUrl, responder), lost)).status).toBe(409);
  });

  it('filters the audit log by case (its reference typed any way), action, person and UK day, a page at a time', async () => {
    const id = (await server.storage.admin.referralIdOf(reference))!;
    await caseworker.read(id);
    const byCase = await audit({ case: reference.toLowerCase().replace(/-/g, ' ') });
    expect(byCase.case).toEqual({ id, reference });
    expect(byCase.entries.map((entry) => [entry.action, entry.subject.kind, entry.subject.label])).toEqual([['case-read', 'case', reference]]);
    expect((await audit({ case: 'NRM-ZZZZ-ZZ' })).total).toBe(0);

    const signIns = await audit({ action: 'sign-ins' });
    expect(new Set(actions(signIns.entries))).toEqual(new Set(['sign-in', 'sign-in-failed', 'sign-in-disabled']));
    const failures = await audit({ action: 'sign-in-failed', person: responderId });
    expect(failures.person).toEqual({ id: responderId, email: responder.email });
    expect(failures.total).toBeGreaterThanOrEqual(1);

    // Sign-ins are stamped with real time, everything else with the servers' clock (moved to June).
    const onTheDay = await audit({ from: DAY, to: DAY });
    expect(onTheDay.total).toBeGreaterThan(0);
    expect(onTheDay.entries.every((entry) => !entry.action.startsWith('sign-in'))).toBe(true);
    expect((await audit({ from: '2026-06-11', to: '2026-06-11' })).total).toBe(0);
    const backwards = await admin.call('GET', `/api/v1/admin/audit?from=${DAY}&to=2026-06-01`);
    expect([backwards.status, backwards.body.errors]).toEqual([400, [{ path: 'to', message: 'The last day must be the same as or after the first day' }]]);

    const all = await audit();
    expect(all.pageSize).toBe(50);
    if (all.total > all.pageSize) expect((await audit({ page: '2' })).entries[0]?.id).toBeLessThan(all.entries.at(-1)!.id);
    const ids = all.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('exports the filtered log as CSV with a safe file name and cells a spreadsheet cannot run, and audits the export', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/admin/audit.csv?action=devices`, { headers: { cookie: adminCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('id,time,actor id,actor email,action,subject kind,subject id,subject');
    const enrolled = lines.find((line) => line.includes('device-enrolled') && line.includes(device.id));
    expect(enrolled).toContain(`,"'=HYPERLINK(""http://evil.example"",""Team 3"")"`);
    expect(lines.filter((line) => line !== '').slice(1).every((line) => /,device-[a-z]+,device,/.test(line))).toBe(true);
    expect((await audit({ action: 'exports' })).entries[0]).toMatchObject({ action: 'audit-exported', actor: { id: adminId } });
    expect((await fetch(`${server.baseUrl}/api/v1/admin/audit.csv`)).status).toBe(401);
    expect((await caseworker.call('GET', '/api/v1/admin/audit')).status).toBe(403);
  });
});
