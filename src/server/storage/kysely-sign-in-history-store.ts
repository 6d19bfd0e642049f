import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { SignInHistoryStore } from './sign-in-history-store.ts';

/** The audit log's actions for sign-ins, as auth/sessions.ts writes them. */
const SIGNED_IN = 'sign-in';
const FAILED = 'sign-in-failed';

export function createKyselySignInHistoryStore(db: Kysely<Database>): SignInHistoryStore {
  return {
    async failedBeforeLatestSignIn(userId) {
      // The latest two sign-ins (the one just made, and the one before it), by the audit log's own order.
      const signIns = await db.selectFrom('audit_log').select(['id', 'at']).where('subject', '=', userId).where('action', '=', SIGNED_IN).orderBy('id', 'desc').limit(2).execute();
      const [latest, previous] = signIns;
      if (!latest) return undefined;
      let failures = db
        .selectFrom('audit_log')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
        .where('subject', '=', userId)
        .where('action', '=', FAILED)
        .where('id', '<', latest.id);
      if (previous) failures = failures.where('id', '>', previous.id);
      const row = await failures.executeTakeFirstOrThrow();
      const count = Number(row.n);
      if (count === 0) return undefined;
      return { count, since: previous?.at ?? String(row.first) };
    },
  };
}
