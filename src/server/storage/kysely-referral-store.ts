import type { Kysely, Selectable } from 'kysely';
import type { Database, ReferralsTable } from './schema.ts';
import { ReferenceTakenError, type ReferralStore, type StoredCase, type StoredReferral } from './referral-store.ts';

function fromRow(row: Selectable<ReferralsTable>): StoredCase {
  return {
    id: row.id,
    reference: row.reference,
    path: row.path,
    schemaVersion: Number(row.schema_version),
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    digest: row.digest,
    envelope: row.envelope,
    deviceId: row.device_id,
    encounterId: row.encounter_id,
    family: row.family === null ? null : (JSON.parse(row.family) as string[]),
    status: row.status,
    statusChangedAt: row.status_changed_at,
  };
}

function withoutStatus({ status: _status, statusChangedAt: _changed, ...referral }: StoredCase): StoredReferral {
  return referral;
}

export interface KyselyReferralStoreOptions {
  db: Kysely<Database>;
  /** Tells a unique-constraint failure on the reference column apart from any other error. */
  isReferenceCollision: (error: unknown) => boolean;
}

export function createKyselyReferralStore({ db, isReferenceCollision }: KyselyReferralStoreOptions): ReferralStore {
  async function caseById(id: string) {
    const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }
  async function findById(id: string) {
    const found = await caseById(id);
    return found ? withoutStatus(found) : undefined;
  }

  return {
    async insertIfAbsent(referral) {
      let result;
      try {
        result = await db
          .insertInto('referrals')
          .values({
            id: referral.id,
            reference: referral.reference,
            path: referral.path,
            schema_version: referral.schemaVersion,
            submitted_at: referral.submittedAt,
            received_at: referral.receivedAt,
            digest: referral.digest,
            envelope: referral.envelope,
            status_changed_at: referral.receivedAt,
            device_id: referral.deviceId,
            encounter_id: referral.encounterId,
            family: referral.family === null ? null : JSON.stringify(referral.family),
          })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .executeTakeFirst();
      } catch (error) {
        if (isReferenceCollision(error)) throw new ReferenceTakenError();
        throw error;
      }
      const stored = await findById(referral.id);
      if (!stored) throw new Error('Referral row missing straight after insert');
      return { inserted: Number(result.numInsertedOrUpdatedRows ?? 0n) === 1, stored };
    },
    findById,
    caseById,
    async findByEncounter(encounterId) {
      const rows = await db.selectFrom('referrals').selectAll().where('encounter_id', '=', encounterId).orderBy('received_at').orderBy('id').execute();
      return rows.map((row) => withoutStatus(fromRow(row)));
    },
    async statusesOf(ids, since, deviceId) {
      if (ids.length === 0) return [];
      let query = db
        .selectFrom('referrals')
        .select(['id', 'reference', 'status', 'status_changed_at'])
        .where('id', 'in', [...ids])
        .where('status_changed_at', '>', since);
      if (deviceId !== undefined) query = query.where('device_id', '=', deviceId);
      const rows = await query.orderBy('status_changed_at').execute();
      return rows.map((row) => ({ id: row.id, reference: row.reference, status: row.status, statusChangedAt: row.status_changed_at }));
    },
    async count() {
      const row = await db.selectFrom('referrals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countByPath() {
      const rows = await db
        .selectFrom('referrals')
        .select((eb) => ['path', eb.fn.countAll<number>().as('n')])
        .groupBy('path')
        .orderBy('path')
        .execute();
      return rows.map((row) => ({ path: row.path, count: Number(row.n) }));
    },
  };
}
