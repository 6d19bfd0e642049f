// The administrator's screens' small parts: what their addresses hold, and how the log's actions and a
// device's state read. The screens themselves are walked in Chromium (tests/e2e/admin-console.test.ts).
import { describe, expect, it } from 'vitest';
import { actionLabel, deviceState } from '../../src/console/admin/admin-words.ts';
import { auditQueryFrom } from '../../src/console/admin/AuditLog.tsx';
import { usersQueryFrom } from '../../src/console/admin/AdminUsers.tsx';
import { failureFrom } from '../../src/console/shell/failures.ts';
import { failureMessage, signInErrors } from '../../src/console/shell/messages.ts';
import { matchRoute, paths } from '../../src/console/shell/routes.ts';
import { auditCsvAddress, filterSearch } from '../../src/sync/api-admin.ts';

const ID = '0192f1a0-0000-7000-8000-000000000001';
const device = { id: ID, label: 'Team 3 phone', enrolledAt: '2026-03-01T10:00:00Z', lastSeenAt: null, revokedAt: null, suspendedAt: null };

describe('the administration screens’ addresses', () => {
  it('has a route for each screen, the invitation before a person’s page', () => {
    expect(matchRoute(paths.adminUsers())).toEqual({ name: 'adminUsers', params: {} });
    expect(matchRoute(paths.adminInvite)).toEqual({ name: 'adminInvite', params: {} });
    expect(matchRoute(paths.adminUser(ID))).toEqual({ name: 'adminUser', params: { id: ID } });
    expect(matchRoute(paths.adminAudit())).toEqual({ name: 'adminAudit', params: {} });
    expect(matchRoute(paths.setPassword)).toEqual({ name: 'setPassword', params: {} });
  });

  it('reads the filters from an address, leaving out what it cannot read rather than refusing the page', () => {
    expect(usersQueryFrom(`?organisation=${ID}&status=disabled&page=3`)).toEqual({ organisation: ID, status: 'disabled', page: 3 });
    expect(usersQueryFrom('?organisation=Northshire&status=asleep&page=0')).toEqual({});
    expect(auditQueryFrom(`?person=${ID}&case=NRM-7K3F-9Q&action=sign-ins&from=2026-03-01&to=2026-03-31&page=2`)).toEqual({
      person: ID,
      case: 'NRM-7K3F-9Q',
      action: 'sign-ins',
      from: '2026-03-01',
      to: '2026-03-31',
      page: 2,
    });
    expect(auditQueryFrom('?person=someone@example.org&from=2026-02-30&action=DROP')).toEqual({});
    expect(auditQueryFrom('?from=2026-03-31&to=2026-03-01')).toEqual({ from: '2026-03-31' });
  });

  it('puts only the filters that are set in a query, in a stable order; the CSV has no page', () => {
    expect(filterSearch({ to: '2026-03-31', action: 'case-read', person: undefined, case: '' }).toString()).toBe('action=case-read&to=2026-03-31');
    expect(auditCsvAddress({ action: 'devices', from: '2026-03-01' })).toBe('/api/v1/admin/audit.csv?action=devices&from=2026-03-01');
  });
});

describe('the audit log in words', () => {
  it('names each action, case actions by the casework screens’ names and role changes with the role', () => {
    expect(actionLabel('case-read')).toBe('Read a case');
    expect(actionLabel('case-decide-rg')).toBe('Case: Reasonable grounds decision');
    expect(actionLabel('role-changed-to-panel')).toBe('Changed a role to Independent review panel member');
    expect(actionLabel('sign-in-failed')).toBe('Failed to sign in');
    expect(actionLabel('something-new')).toBe('something-new');
    expect(actionLabel('role-changed-to-owner')).toBe('role-changed-to-owner');
  });

  it('tells an active device from one waiting for its owner to sign in, and a revoked one', () => {
    expect(deviceState(device)).toBe('active');
    expect(deviceState({ ...device, suspendedAt: '2026-03-02T10:00:00Z' })).toBe('held');
    expect(deviceState({ ...device, suspendedAt: '2026-03-02T10:00:00Z', revokedAt: '2026-03-03T10:00:00Z' })).toBe('revoked');
  });
});

describe('a disabled account at sign-in, and a refused invitation', () => {
  it('says plainly that the account is disabled and whom to ask, beside the email address', () => {
    const failure = failureFrom(403, undefined, { type: 'about:blank', title: 'This account has been disabled', status: 403, code: 'account-disabled' });
    expect(failure).toEqual({ kind: 'account-disabled' });
    expect(failureMessage(failure)).toBe('This account has been disabled. Ask an administrator of your organisation if you need it again');
    expect(signInErrors(failure).summary).toEqual([{ field: 'email', message: failureMessage(failure) }]);
  });

  it('puts a 409’s field errors (an account with that email exists) beside their fields', () => {
    const errors = [{ path: 'email', message: 'There is an account with this email address already' }];
    expect(failureFrom(409, undefined, { type: 'about:blank', title: 'Exists', status: 409, code: 'account-exists', errors })).toEqual({ kind: 'invalid', errors });
  });
});
