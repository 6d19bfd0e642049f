import type { Kysely } from 'kysely';
import type { AdditionStore, TakeOutcome } from './addition-store.ts';
import { claimedFiles, claimFiles, missingChunks } from './kysely-evidence-store.ts';
import { addNoteRow, applyChange } from './kysely-case-store.ts';
import type { Database } from './schema.ts';

/** Thrown inside the transaction to roll the addition back when its case moved on first. */
class CaseMoved extends Error {}

export function createKyselyAdditionStore(db: Kysely<Database>): AdditionStore {
  return {
    async find(id) {
      const row = await db.selectFrom('case_additions').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && {
          id: row.id,
          referralId: row.referral_id,
          deviceId: row.device_id,
          kind: row.kind,
          receivedAt: row.received_at,
          digest: row.digest,
          ...(row.evidence === null ? {} : { evidence: row.evidence }),
        }
      );
    },

    async senderOf(referralId) {
      const row = await db
        .selectFrom('referrals as r')
        .leftJoin('devices as d', 'd.id', 'r.device_id')
        .select(['r.device_id as deviceId', 'd.user_id as userId'])
        .where('r.id', '=', referralId)
        .executeTakeFirst();
      return row && { deviceId: row.deviceId, userId: row.userId };
    },

    async take(addition, effect, files): Promise<TakeOutcome> {
      try {
        return await db.transaction().execute(async (trx): Promise<TakeOutcome> => {
          if (await trx.selectFrom('case_additions').select('id').where('id', '=', addition.id).executeTakeFirst()) return { kind: 'taken-before' };
          if ((await claimedFiles(trx, addition.referralId, files.map((file) => file.fileId))).length > 0) return { kind: 'file-taken' };
          // As for a referral's files: chunks are never deleted while they may still be claimed, so what is found held stays held.
          const missing = await missingChunks(trx, addition.referralId, files, addition.deviceId);
          if (missing.length > 0) return { kind: 'missing', files: missing };
          const inserted = await trx
            .insertInto('case_additions')
            .values({
              id: addition.id,
              referral_id: addition.referralId,
              device_id: addition.deviceId,
              kind: addition.kind,
              received_at: addition.receivedAt,
              digest: addition.digest,
              evidence: addition.evidence ?? null,
            })
            .onConflict((conflict) => conflict.column('id').doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return { kind: 'taken-before' };
          await claimFiles(trx, addition.referralId, files, addition.receivedAt);
          if (effect.kind === 'note') {
            await addNoteRow(trx, addition.referralId, effect.note, effect.audit);
            return { kind: 'taken' };
          }
          if (!(await applyChange(trx, effect.change))) throw new CaseMoved();
          return { kind: 'taken' };
        });
      } catch (error) {
        if (error instanceof CaseMoved) return { kind: 'moved' };
        throw error;
      }
    },

    async withFiles(referralId) {
      const rows = await db
        .selectFrom('case_additions')
        .select(['id', 'kind', 'received_at', 'evidence'])
        .where('referral_id', '=', referralId)
        .where('evidence', 'is not', null)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.flatMap((row) => (row.evidence === null ? [] : [{ id: row.id, kind: row.kind, receivedAt: row.received_at, evidence: row.evidence }]));
    },

    async questions(referralIds) {
      if (referralIds.length === 0) return [];
      const rows = await db
        .selectFrom('case_events')
        .select(['referral_id', 'detail', 'version'])
        .where('referral_id', 'in', [...referralIds])
        .where('action', '=', 'ask-information')
        .orderBy('version', 'desc')
        .execute();
      const latest = new Map<string, string>();
      for (const row of rows) if (row.detail !== null && !latest.has(row.referral_id)) latest.set(row.referral_id, row.detail);
      return [...latest].map(([referralId, detail]) => ({ referralId, detail }));
    },
  };
}
