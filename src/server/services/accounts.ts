import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { normaliseEmail, type Role } from '../../shared/accounts.ts';
import type { HashingGate } from '../auth/hashing-gate.ts';
import { hashPassword, type ScryptCost } from '../auth/passwords.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import type { AccountsStore, Organisation, PasswordTokenPurpose, User } from '../storage/accounts-store.ts';
import type { AuditLog } from '../storage/audit-log.ts';

/** The first administrator's code is short-lived: it was printed where others may read it. */
export const SETUP_CODE_LIFETIME_MS = 30 * 60 * 1000;
/** A new account's or a reset's code travels from an administrator to a person, which can take a day. */
export const SET_PASSWORD_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const ADMIN_ORGANISATION = 'Service administration';
export const DEMO_ORGANISATION = 'Demo organisation';

export interface OneTimeCode {
  token: string;
  expiresAt: string;
}

export class AccountError extends Error {}

export interface AccountServiceDeps {
  accounts: AccountsStore;
  audit: AuditLog;
  now: () => Date;
  /** Real time, as sessions are stamped with (sessions.ts): when a hold on devices begins. Defaults to `now`. */
  realNow?: () => Date;
  scryptCost?: ScryptCost;
  /** The server's bound on password hashes at once (absent on the command line). */
  hashing?: HashingGate;
}

/** Readable and unambiguous, about 99 random bits: five groups of four, such as `k7mq-…`. */
function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet.charAt(randomInt(alphabet.length))).join('');
  return Array.from({ length: 5 }, group).join('-');
}

/** Accounts as administrators manage them: organisations, users, one-time codes, the first administrator. */
export function createAccountService({ accounts, audit, now, realNow, scryptCost, hashing }: AccountServiceDeps) {
  const at = () => now().toISOString();
  const hash = (password: string) => hashPassword(password, scryptCost, hashing);

  async function issueCode(purpose: PasswordTokenPurpose, userId: string | null, lifetimeMs: number): Promise<OneTimeCode> {
    const token = randomToken();
    const expiresAt = new Date(now().getTime() + lifetimeMs).toISOString();
    await accounts.createPasswordToken({ tokenHash: hashToken(token), purpose, userId, createdAt: at(), expiresAt });
    return { token, expiresAt };
  }

  async function organisationNamed(name: string, createIfMissing: boolean, actor: string): Promise<Organisation> {
    const found = await accounts.findOrganisationByName(name);
    if (found) return found;
    if (!createIfMissing) throw new AccountError(`There is no organisation named "${name}"`);
    return createOrganisation(name, actor);
  }

  async function createOrganisation(name: string, actor: string): Promise<Organisation> {
    const organisation = { id: uuidv7(), name: name.trim(), createdAt: at() };
    if (!organisation.name) throw new AccountError('Give the organisation a name');
    await accounts.createOrganisation(organisation);
    await audit.append({ at: organisation.createdAt, actor, action: 'organisation-created', subject: organisation.id });
    return organisation;
  }

  async function addUser(email: string, role: Role, organisation: Organisation, passwordHash: string | null, actor: string): Promise<User> {
    const user: User = { id: uuidv7(), organisationId: organisation.id, email: normaliseEmail(email), role, passwordHash, createdAt: at(), disabledAt: null };
    await accounts.createUser(user);
    await audit.append({ at: user.createdAt, actor, action: 'user-created', subject: user.id });
    return user;
  }

  /**
   * The old password and any earlier code stop working at once, every session ends, and the account's
   * devices stop sending until the person signs in again on each; the new code sets a new password.
   */
  async function resetPasswordOf(user: User, actor: string): Promise<{ user: User; code: OneTimeCode }> {
    await accounts.hold(user.id, 'reset', (realNow ?? now)().toISOString());
    await audit.append({ at: at(), actor, action: 'password-reset', subject: user.id });
    return { user, code: await issueCode('set-password', user.id, SET_PASSWORD_CODE_LIFETIME_MS) };
  }

  return {
    createOrganisation,

    /** A new account without a password, and the one-time code with which its owner sets one. */
    async createUser(input: { email: string; role: Role; organisation: string }, actor: string): Promise<{ user: User; code: OneTimeCode }> {
      const user = await addUser(input.email, input.role, await organisationNamed(input.organisation, false, actor), null, actor);
      return { user, code: await issueCode('set-password', user.id, SET_PASSWORD_CODE_LIFETIME_MS) };
    },

    /** By email (the command line); see resetPasswordOf. */
    async resetPassword(email: string, actor: string): Promise<{ user: User; code: OneTimeCode }> {
      const user = await accounts.findUserByEmail(normaliseEmail(email));
      if (!user) throw new AccountError(`There is no account for ${normaliseEmail(email)}`);
      return resetPasswordOf(user, actor);
    },

    resetPasswordOf,

    /** Sets the password of the account the code was given out for; the code is used up either way. */
    async setPassword(token: string, password: string): Promise<User | undefined> {
      const code = await accounts.consumePasswordToken(hashToken(token), at());
      if (code?.purpose !== 'set-password' || !code.userId) return undefined;
      const user = await accounts.findUser(code.userId);
      if (!user) return undefined;
      await accounts.setPasswordHash(user.id, await hash(password));
      await accounts.deleteSessionsOf(user.id);
      await audit.append({ at: at(), actor: user.id, action: 'password-set', subject: user.id });
      return user;
    },

    /** A code for the first administrator, while there is none; nothing once there is. */
    async issueSetupCode(): Promise<OneTimeCode | undefined> {
      if ((await accounts.countUsersWithRole('admin')) > 0) return undefined;
      return issueCode('setup', null, SETUP_CODE_LIFETIME_MS);
    },

    async completeSetup(input: { token: string; email: string; password: string }): Promise<
      { kind: 'done'; user: User } | { kind: 'token-invalid' } | { kind: 'setup-done' } | { kind: 'account-exists' }
    > {
      const code = await accounts.consumePasswordToken(hashToken(input.token), at());
      if (code?.purpose !== 'setup') return { kind: 'token-invalid' };
      if ((await accounts.countUsersWithRole('admin')) > 0) return { kind: 'setup-done' };
      if (await accounts.findUserByEmail(normaliseEmail(input.email))) return { kind: 'account-exists' };
      const organisation = await organisationNamed(ADMIN_ORGANISATION, true, 'setup');
      return { kind: 'done', user: await addUser(input.email, 'admin', organisation, await hash(input.password), 'setup') };
    },

    /** A demo organisation with one account per role, each with a random password shown once. */
    async seedDemo(actor: string): Promise<{ email: string; role: Role; password: string }[]> {
      if (await accounts.findOrganisationByName(DEMO_ORGANISATION)) {
        throw new AccountError('The demo accounts exist already; give one a new password with reset-password --email <address>');
      }
      const organisation = await createOrganisation(DEMO_ORGANISATION, actor);
      const roles: Role[] = ['responder', 'caseworker', 'reviewer', 'panel', 'analyst', 'admin'];
      const seeded = [];
      for (const role of roles) {
        const password = randomPassword();
        const user = await addUser(`${role}@demo.nrm-field.invalid`, role, organisation, await hash(password), actor);
        seeded.push({ email: user.email, role, password });
      }
      return seeded;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
