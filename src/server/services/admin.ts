import { normaliseEmail, type Role, type SignedInUser } from '../../shared/accounts.ts';
import { AUDIT_PAGE_SIZE, auditActionGroups, isAuditActionGroup, nextDay, startOfUkDay, type AuditEntry, type AuditQuery, type AuditResponse } from '../../shared/admin/audit.ts';
import { USERS_PAGE_SIZE, type AdminDevice, type AdminUser, type CodeResponse, type InviteRequest, type UserDetail, type UsersQuery, type UsersResponse } from '../../shared/admin/protocol.ts';
import type { AccountsStore } from '../storage/accounts-store.ts';
import { AlreadyExistsError } from '../storage/accounts-store.ts';
import type { AdminStore, AuditFilter, AuditRow, UserListing } from '../storage/admin-store.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { Device, DeviceStore } from '../storage/device-store.ts';
import type { AccountService } from './accounts.ts';
import { csvLine } from './admin-csv.ts';
import { normaliseReference } from './casework-queue.ts';
import type { DeviceService } from './devices.ts';

export interface AdminServiceDeps {
  accounts: AccountService;
  devices: DeviceService;
  accountsStore: AccountsStore;
  deviceStore: DeviceStore;
  adminStore: AdminStore;
  audit: AuditLog;
  now: () => Date;
  /** Real time, as sessions are stamped with: when a hold on devices begins (see DeviceStore.resume). */
  realNow: () => Date;
}

/** Why an administrator's change to an account was not made. */
export type AccountChangeRefusal = { kind: 'not-found' } | { kind: 'own-account' };
export type AccountChange<T> = { kind: 'done'; value: T } | AccountChangeRefusal;

export type InviteOutcome = { kind: 'done'; value: CodeResponse } | { kind: 'no-organisation' } | { kind: 'account-exists' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CSV_BATCH = 500;

export const AUDIT_CSV_COLUMNS = ['id', 'time', 'actor id', 'actor email', 'action', 'subject kind', 'subject id', 'subject'] as const;

function userFrom(listing: UserListing): AdminUser {
  const status = listing.disabledAt ? 'disabled' : listing.hasPassword ? 'active' : 'no-password';
  const { hasPassword: _hasPassword, ...rest } = listing;
  return { ...rest, status };
}

function deviceFrom({ id, label, enrolledAt, lastSeenAt, revokedAt, suspendedAt }: Device): AdminDevice {
  return { id, label, enrolledAt, lastSeenAt, revokedAt, suspendedAt };
}

function entryFrom(row: AuditRow): AuditEntry {
  return { id: row.id, at: row.at, actor: { id: row.actor, email: row.actorEmail }, action: row.action, subject: { id: row.subject, kind: row.subjectKind, label: row.subjectLabel } };
}

/**
 * The administrator's console on top of the services the command line uses (accounts.ts, devices.ts):
 * accounts, their devices, and the audit log. Every change is audited; nothing reads case content.
 * An administrator never changes their own account here, so the console cannot lock its last
 * administrator out (another administrator, or the command line, can).
 */
export function createAdminService({ accounts, devices, accountsStore, deviceStore, adminStore, audit, now, realNow }: AdminServiceDeps) {
  const at = () => now().toISOString();
  const holdStarts = () => realNow().toISOString();

  async function listing(id: string): Promise<AdminUser | undefined> {
    if (!UUID.test(id)) return undefined;
    const found = await adminStore.findUserListing(id);
    return found && userFrom(found);
  }

  /** Finds the account and refuses the administrator's own; `change` runs only on another person's account. */
  async function onAccount<T>(actor: SignedInUser, id: string, change: (user: AdminUser) => Promise<T>): Promise<AccountChange<T>> {
    const user = await listing(id);
    if (!user) return { kind: 'not-found' };
    if (user.id === actor.id) return { kind: 'own-account' };
    return { kind: 'done', value: await change(user) };
  }

  async function reread(id: string): Promise<AdminUser> {
    const user = await listing(id);
    if (!user) throw new Error('The account disappeared while it was being changed');
    return user;
  }

  /** The log's filter as the database takes it: the case found by reference, UK days as instants. */
  async function auditFilter(query: AuditQuery): Promise<{ filter: AuditFilter; caseRef: AuditResponse['case']; nothing: boolean }> {
    const filter: AuditFilter = {};
    let caseRef: AuditResponse['case'] = null;
    let nothing = false;
    if (query.person) filter.person = query.person;
    if (query.case) {
      const typed = query.case.trim().toLowerCase();
      const id = UUID.test(typed) ? typed : await adminStore.referralIdOf(normaliseReference(typed) ?? '');
      const reference = id && (await adminStore.referenceOf(id));
      if (id && reference) caseRef = { id, reference };
      else nothing = true;
      filter.subject = id ?? typed;
    }
    if (query.action) filter.actions = isAuditActionGroup(query.action) ? auditActionGroups[query.action] : { exact: [query.action] };
    if (query.from) filter.from = startOfUkDay(query.from);
    if (query.to) filter.until = startOfUkDay(nextDay(query.to));
    return { filter, caseRef, nothing };
  }

  return {
    async users(query: UsersQuery): Promise<UsersResponse> {
      const page = query.page ?? 1;
      const { rows, total } = await adminStore.listUsers({ organisationId: query.organisation, status: query.status }, { offset: (page - 1) * USERS_PAGE_SIZE, limit: USERS_PAGE_SIZE });
      const organisations = (await accountsStore.listOrganisations()).map(({ id, name }) => ({ id, name }));
      return { users: rows.map(userFrom), total, page, pageSize: USERS_PAGE_SIZE, organisations };
    },

    async user(id: string): Promise<UserDetail | undefined> {
      const user = await listing(id);
      if (!user) return undefined;
      return { user, devices: (await deviceStore.listDevices(user.id)).map(deviceFrom) };
    },

    async findUser(email: string): Promise<string | undefined> {
      return (await accountsStore.findUserByEmail(normaliseEmail(email)))?.id;
    },

    /** A new account, and the one-time code with which the person sets their password, shown once. */
    async invite(actor: SignedInUser, request: InviteRequest): Promise<InviteOutcome> {
      const organisation = UUID.test(request.organisation) ? await accountsStore.findOrganisation(request.organisation) : undefined;
      if (!organisation) return { kind: 'no-organisation' };
      try {
        const { user, code } = await accounts.createUser({ email: request.email, role: request.role, organisation: organisation.name }, actor.id);
        return { kind: 'done', value: { user: await reread(user.id), code } };
      } catch (error) {
        if (error instanceof AlreadyExistsError) return { kind: 'account-exists' };
        throw error;
      }
    },

    /**
     * Every session of the person ends, so they meet their new role's screens at once; a responder's
     * devices stop sending (a device sends for a responder: enrolment is theirs alone).
     */
    changeRole(actor: SignedInUser, id: string, role: Role): Promise<AccountChange<AdminUser>> {
      return onAccount(actor, id, async (user) => {
        if (user.role === role) return user;
        await accountsStore.setRole(user.id, role);
        await accountsStore.deleteSessionsOf(user.id);
        if (user.role === 'responder') await deviceStore.suspendAllOf(user.id, holdStarts());
        await audit.append({ at: at(), actor: actor.id, action: `role-changed-to-${role}`, subject: user.id });
        return reread(user.id);
      });
    },

    /** The person cannot sign in, their sessions end, and their devices stop sending until they sign in again on each. */
    disable(actor: SignedInUser, id: string): Promise<AccountChange<AdminUser>> {
      return onAccount(actor, id, async (user) => {
        if (user.status === 'disabled') return user;
        await accountsStore.hold(user.id, 'disable', holdStarts());
        await audit.append({ at: at(), actor: actor.id, action: 'user-disabled', subject: user.id });
        return reread(user.id);
      });
    },

    /** The person may sign in again; each of their devices sends again once they sign in again on it. */
    enable(actor: SignedInUser, id: string): Promise<AccountChange<AdminUser>> {
      return onAccount(actor, id, async (user) => {
        if (user.status !== 'disabled') return user;
        await accountsStore.enable(user.id);
        await audit.append({ at: at(), actor: actor.id, action: 'user-enabled', subject: user.id });
        return reread(user.id);
      });
    },

    /** As the command line's reset-password (accounts.ts): a new one-time code, shown once. */
    resetPassword(actor: SignedInUser, id: string): Promise<AccountChange<CodeResponse>> {
      return onAccount(actor, id, async (user) => {
        const stored = await accountsStore.findUser(user.id);
        if (!stored) throw new Error('The account disappeared while it was being reset');
        const { code } = await accounts.resetPasswordOf(stored, actor.id);
        return { user: await reread(user.id), code };
      });
    },

    /** The device is refused from its next contact, and the field app wipes itself (devices.ts audits it). */
    async revokeDevice(actor: SignedInUser, deviceId: string): Promise<AdminDevice | undefined> {
      if (!UUID.test(deviceId) || !(await devices.revoke({ user: actor }, deviceId))) return undefined;
      const device = await deviceStore.findDevice(deviceId);
      return device && deviceFrom(device);
    },

    async auditLog(query: AuditQuery): Promise<AuditResponse> {
      const page = query.page ?? 1;
      const { filter, caseRef, nothing } = await auditFilter(query);
      const personAccount = query.person ? await accountsStore.findUser(query.person) : undefined;
      const person = personAccount ? { id: personAccount.id, email: personAccount.email } : null;
      const empty = { entries: [], total: 0, page, pageSize: AUDIT_PAGE_SIZE, person, case: caseRef };
      if (nothing) return empty;
      const { rows, total } = await adminStore.searchAudit(filter, { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
      return { ...empty, entries: rows.map(entryFrom), total };
    },

    /**
     * The matching entries as CSV lines, newest first, read a batch at a time. The export itself is
     * audited first (`audit-exported`): who took a copy of the log, and when.
     */
    async auditCsv(actor: SignedInUser, query: AuditQuery): Promise<AsyncIterable<string>> {
      const { filter, nothing } = await auditFilter(query);
      await audit.append({ at: at(), actor: actor.id, action: 'audit-exported', subject: 'audit-log' });
      async function* lines(): AsyncIterable<string> {
        yield csvLine(AUDIT_CSV_COLUMNS);
        if (nothing) return;
        for await (const batch of adminStore.streamAudit(filter, CSV_BATCH)) {
          yield batch.map((row) => csvLine([row.id, row.at, row.actor, row.actorEmail, row.action, row.subjectKind, row.subject, row.subjectLabel])).join('');
        }
      }
      return lines();
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
