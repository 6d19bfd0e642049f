import type { Kysely } from 'kysely';
import type { QuotaStore } from './quota-store.ts';
import type { Database } from './schema.ts';

export function createKyselyQuotaStore(db: Kysely<Database>): QuotaStore {
  return {
    async hasReferral(id) {
      return (await db.selectFrom('referrals').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async referralTimesOf(deviceId, since, limit) {
      // Read through the (device_id, received_at) index: at most `limit` rows, however many the device ever sent.
      const rows = await db
        .selectFrom('referrals')
        .select('received_at')
        .where('device_id', '=', deviceId)
        .where('received_at', '>', since)
        .orderBy('received_at')
        .limit(limit)
        .execute();
      return rows.map((row) => row.received_at);
    },

    async unclaimedEvidenceBytesOf(deviceId, since) {
      const row = await db
        .selectFrom('evidence_chunks as c')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('c.size'), eb.lit(0)).as('bytes'))
        .where('c.device_id', '=', deviceId)
        .where('c.received_at', '>', since)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('referrals as r').select('r.id').whereRef('r.id', '=', 'c.referral_id').whereRef('r.received_at', '>=', 'c.received_at'))))
        // Sent after its referral was stored: an addition's, which counts until the addition claims its file.
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence_files as f').select('f.file_id').whereRef('f.referral_id', '=', 'c.referral_id').whereRef('f.file_id', '=', 'c.file_id'))))
        .executeTakeFirstOrThrow();
      return Number(row.bytes);
    },

    async hasChunk({ referralId, fileId, index, sha256 }) {
      const found = await db
        .selectFrom('evidence_chunks')
        .select('idx')
        .where('referral_id', '=', referralId)
        .where('file_id', '=', fileId)
        .where('idx', '=', index)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      return found !== undefined;
    },
  };
}
