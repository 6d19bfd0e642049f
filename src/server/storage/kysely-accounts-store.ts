import type { Kysely, Selectable } from 'kysely';
import { AlreadyExistsError, type AccountsStore, type PasswordToken, type Session, type User } from './accounts-store.ts';
import type { Database, PasswordTokensTable, SessionsTable, UsersTable } from './schema.ts';

const inserted = (result: { numInsertedOrUpdatedRows?: bigint }) => Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;

function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

function tokenFromRow(row: Selectable<PasswordTokensTable>): PasswordToken {
  return { tokenHash: row.token_hash, purpose: row.purpose, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
}

function sessionFromRow(row: Selectable<SessionsTable>): Session {
  return { idHash: row.id_hash, userId: row.user_id, createdAt: row.created_at, idleExpiresAt: row.idle_expires_at, expiresAt: row.expires_at };
}

export function createKyselyAccountsStore(db: Kysely<Database>): AccountsStore {
  return {
    async createOrganisation(organisation) {
      const result = await db
        .insertInto('organisations')
        .values({ id: organisation.id, name: organisation.name, created_at: organisation.createdAt })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      if (!inserted(result)) throw new AlreadyExistsError(`An organisation named "${organisation.name}"`);
    },
    async findOrganisation(id) {
      const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },
    async findOrganisationByName(name) {
      const row = await db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },

    async createUser(user) {
      const result = await db
        .insertInto('users')
        .values({
          id: user.id,
          organisation_id: user.organisationId,
          email: user.email,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
        })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      if (!inserted(result)) throw new AlreadyExistsError('An account with this email');
    },
    async findUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },
    async findUserByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && userFromRow(row);
    },
    async countUsersWithRole(role) {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setPasswordHash(userId, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },
    async listOrganisations() {
      const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async setRole(userId, role) {
      await db.updateTable('users').set({ role }).where('id', '=', userId).execute();
    },
    async hold(userId, kind, now) {
      await db.transaction().execute(async (trx) => {
        if (kind === 'reset') await trx.updateTable('users').set({ password_hash: null }).where('id', '=', userId).execute();
        else await trx.updateTable('users').set({ disabled_at: now }).where('id', '=', userId).where('disabled_at', 'is', null).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await trx.deleteFrom('password_tokens').where('user_id', '=', userId).execute();
        await trx
          .updateTable('devices')
          .set({ suspended_at: now })
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .execute();
      });
    },
    async enable(userId) {
      await db.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
    },

    async createPasswordToken(token) {
      await db
        .insertInto('password_tokens')
        .values({ token_hash: token.tokenHash, purpose: token.purpose, user_id: token.userId, created_at: token.createdAt, expires_at: token.expiresAt })
        .execute();
    },
    async consumePasswordToken(tokenHash, now) {
      const row = await db
        .deleteFrom('password_tokens')
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row && tokenFromRow(row);
    },

    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          created_at: session.createdAt,
          idle_expires_at: session.idleExpiresAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async useSession(idHash, now, idleExpiresAt) {
      const row = await db
        .updateTable('sessions')
        .set({ idle_expires_at: idleExpiresAt })
        .where('id_hash', '=', idHash)
        .where('idle_expires_at', '>', now)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row && sessionFromRow(row);
    },
    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteSessionsOf(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async deleteExpired(now) {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('expires_at', '<=', now)]))
        .execute();
      await db.deleteFrom('password_tokens').where('expires_at', '<=', now).execute();
    },
  };
}
