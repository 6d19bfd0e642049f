import { normaliseEmail, type SignedInUser } from '../../shared/accounts.ts';
import type { AccountsStore } from '../storage/accounts-store.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { HashingGate } from './hashing-gate.ts';
import { hashPassword, verifyPassword, type ScryptCost } from './passwords.ts';
import { hashToken, randomToken } from './tokens.ts';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export interface CurrentSession {
  user: SignedInUser;
  idleExpiresAt: string;
  expiresAt: string;
}

/** Who failed to sign in, in the audit log: the account if the email is one (the typed email is never kept). */
export const UNKNOWN_ACCOUNT = 'unknown-account';

/**
 * Sign-in, the session behind a cookie, sign-out. Sessions live in the database, never in memory.
 * Every sign-in, failed or not, is audited (`sign-in`, `sign-in-failed`, `sign-in-disabled`).
 */
export function createSessionService({
  accounts,
  audit,
  now,
  scryptCost,
  hashing,
}: {
  accounts: AccountsStore;
  audit: AuditLog;
  now: () => Date;
  scryptCost?: ScryptCost;
  /** The server's bound on password hashes at once; a sign-in past it throws HashingBusyError. */
  hashing?: HashingGate;
}) {
  const later = (ms: number) => new Date(now().getTime() + ms).toISOString();
  // Checked against when the email is unknown, so that an unknown account takes as long to refuse as a wrong password.
  let decoy: Promise<string> | undefined;

  async function describe(userId: string, idleExpiresAt: string, expiresAt: string): Promise<CurrentSession | undefined> {
    const user = await accounts.findUser(userId);
    const organisation = user && (await accounts.findOrganisation(user.organisationId));
    if (!user || !organisation || user.disabledAt) return undefined;
    return { user: { id: user.id, email: user.email, role: user.role, organisation: { id: organisation.id, name: organisation.name } }, idleExpiresAt, expiresAt };
  }

  return {
    /** `disabled` only once the password is right, so that it tells nobody else the account exists. */
    async signIn(email: string, password: string): Promise<{ token: string; session: CurrentSession } | 'disabled' | undefined> {
      const user = await accounts.findUserByEmail(normaliseEmail(email));
      const audited = (action: string) => audit.append({ at: now().toISOString(), actor: user?.id ?? UNKNOWN_ACCOUNT, action, subject: user?.id ?? UNKNOWN_ACCOUNT });
      if (!user?.passwordHash) {
        decoy ??= hashPassword(randomToken(), scryptCost);
        await verifyPassword(password, await decoy, hashing);
        await audited('sign-in-failed');
        return undefined;
      }
      if (!(await verifyPassword(password, user.passwordHash, hashing))) {
        await audited('sign-in-failed');
        return undefined;
      }
      if (user.disabledAt) {
        await audited('sign-in-disabled');
        return 'disabled';
      }
      await audited('sign-in');
      const token = randomToken();
      const session = { idHash: hashToken(token), userId: user.id, createdAt: now().toISOString(), idleExpiresAt: later(SESSION_IDLE_MS), expiresAt: later(SESSION_ABSOLUTE_MS) };
      await accounts.createSession(session);
      const current = await describe(user.id, session.idleExpiresAt, session.expiresAt);
      return current && { token, session: current };
    },

    /** The session behind the token, if it is still alive; using it moves its idle expiry on. */
    async current(token: string): Promise<CurrentSession | undefined> {
      const session = await accounts.useSession(hashToken(token), now().toISOString(), later(SESSION_IDLE_MS));
      return session && describe(session.userId, session.idleExpiresAt, session.expiresAt);
    },

    async signOut(token: string): Promise<void> {
      await accounts.deleteSession(hashToken(token));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
