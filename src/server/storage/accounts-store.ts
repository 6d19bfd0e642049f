import type { Role } from '../../shared/accounts.ts';

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
}

export interface User {
  id: string;
  organisationId: string;
  email: string;
  role: Role;
  passwordHash: string | null;
  createdAt: string;
  /** When an administrator disabled the account; null while it may sign in. */
  disabledAt: string | null;
}

/** A user as created: every account starts enabled. */
export type NewUser = Omit<User, 'disabledAt'>;

export type PasswordTokenPurpose = 'setup' | 'set-password';

export interface PasswordToken {
  tokenHash: string;
  purpose: PasswordTokenPurpose;
  userId: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface Session {
  idHash: string;
  userId: string;
  createdAt: string;
  idleExpiresAt: string;
  expiresAt: string;
}

/** Thrown when a name or email that must be unique is taken already. */
export class AlreadyExistsError extends Error {
  constructor(what: string) {
    super(`${what} already exists`);
  }
}

/** Organisations, users, one-time password codes and sessions. Times are ISO 8601 strings. */
export interface AccountsStore {
  /** @throws AlreadyExistsError when the name is taken. */
  createOrganisation(organisation: Organisation): Promise<void>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  findOrganisationByName(name: string): Promise<Organisation | undefined>;

  /** @throws AlreadyExistsError when the email is taken. */
  createUser(user: NewUser): Promise<void>;
  findUser(id: string): Promise<User | undefined>;
  findUserByEmail(email: string): Promise<User | undefined>;
  countUsersWithRole(role: Role): Promise<number>;
  /** Null clears it: nobody can sign in as the user until a new one is set. */
  setPasswordHash(userId: string, passwordHash: string | null): Promise<void>;
  /** Every organisation, by name. */
  listOrganisations(): Promise<Organisation[]>;
  setRole(userId: string, role: Role): Promise<void>;
  /**
   * In one transaction: the password is cleared (`reset`) or the account disabled (`disable`), every
   * session and one-time code of the account ends, and each of its devices not revoked is suspended
   * until its owner signs in again on it (DeviceStore.resume).
   */
  hold(userId: string, kind: 'reset' | 'disable', now: string): Promise<void>;
  /** The account may sign in again; its devices stay suspended until signed in on again. */
  enable(userId: string): Promise<void>;

  createPasswordToken(token: PasswordToken): Promise<void>;
  /** Removes and returns the token if it exists and has not expired, in one statement: a code works once. */
  consumePasswordToken(tokenHash: string, now: string): Promise<PasswordToken | undefined>;

  createSession(session: Session): Promise<void>;
  /** The session if it has not expired (idle or absolute), its idle expiry moved to `idleExpiresAt`. */
  useSession(idHash: string, now: string, idleExpiresAt: string): Promise<Session | undefined>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;

  /** Forgets expired sessions and codes. */
  deleteExpired(now: string): Promise<void>;
}
