import type { Kysely } from 'kysely';
import type { AuditLog } from './audit-log.ts';
import type { Database } from './schema.ts';

export function createKyselyAuditLog(db: Kysely<Database>): AuditLog {
  return {
    async append(entry) {
      await db.insertInto('audit_log').values(entry).execute();
    },
    async entriesFor(subject) {
      return db.selectFrom('audit_log').select(['at', 'actor', 'action', 'subject']).where('subject', '=', subject).orderBy('id').execute();
    },
  };
}
