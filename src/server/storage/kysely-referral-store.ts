import type { Kysely, Selectable } from 'kysely';
import type { Progress } from '../../shared/casework/progress.ts';
import { openCaseRow } from './kysely-case-store.ts';
import { claimFiles, missingChunks } from './kysely-evidence-store.ts';
import { createGroupCommitter, type GroupCommitter } from './group-commit.ts';
import type { Database, ReferralsTable } from './schema.ts';
import { insertStatisticsRow } from './statistics-rows.ts';
import { ReferenceTakenError, type InsertOutcome, type IntakeIndex, type ReferralStore, type StoredCase, type StoredReferral } from './referral-store.ts';

/** A referral as stored, from its row's columns (any select that names them). */
export function referralOfRow(row: Omit<Selectable<ReferralsTable>, 'status' | 'status_changed_at' | 'police_force_area' | 'nation'>): StoredReferral {
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
  };
}

function fromRow(row: Selectable<ReferralsTable>): StoredCase {
  return { ...referralOfRow(row), status: row.status, statusChangedAt: row.status_changed_at };
}

function withoutStatus({ status: _status, statusChangedAt: _changed, ...referral }: StoredCase): StoredReferral {
  return referral;
}

export interface KyselyReferralStoreOptions {
  db: Kysely<Database>;
  /** Tells a unique-constraint failure on the reference column apart from any other error. */
  isReferenceCollision: (error: unknown) => boolean;
  /** Shares commits with the other writes that answer a device (storage.ts); one of its own when absent. */
  commits?: GroupCommitter;
}

export function createKyselyReferralStore({ db, isReferenceCollision, commits = createGroupCommitter(db) }: KyselyReferralStoreOptions): ReferralStore {
  async function caseOn(on: Kysely<Database>, id: string) {
    const row = await on.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }
  async function findOn(on: Kysely<Database>, id: string) {
    const found = await caseOn(on, id);
    return found ? withoutStatus(found) : undefined;
  }

  /** Inserts the row unless its id is taken, in one statement; true when it was inserted. */
  async function insertRow(on: Kysely<Database>, referral: StoredReferral, index: IntakeIndex | undefined): Promise<boolean> {
    const dtn = index?.kind === 'dtn' ? { police_force_area: index.policeForceArea, nation: index.nation } : {};
    try {
      const result = await on
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
          ...dtn,
        })
        // Another instance inserting the same id meanwhile: its row stays, and this one answers with it.
        .onConflict((conflict) => conflict.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    } catch (error) {
      if (isReferenceCollision(error)) throw new ReferenceTakenError();
      throw error;
    }
  }

  return {
    insertIfAbsent(referral, files, index) {
      // Chunks are never updated or deleted while a referral may still arrive, so what this
      // transaction finds held stays held until it commits: no lock is needed on either database.
      // The row, its files, its case and its statistical record go in one piece of work, which may
      // share its transaction (and its fsync) with other referrals arriving at the same moment.
      return commits.run(async (trx): Promise<InsertOutcome> => {
        const existing = await findOn(trx, referral.id);
        if (existing) return { kind: 'stored', inserted: false, stored: existing };
        const missing = await missingChunks(trx, referral.id, files);
        if (missing.length > 0) return { kind: 'missing', files: missing };
        const inserted = await insertRow(trx, referral, index);
        const stored = await findOn(trx, referral.id);
        if (!stored) throw new Error('Referral row missing straight after insert');
        if (inserted) await claimFiles(trx, referral.id, files, referral.receivedAt);
        if (inserted && index?.kind === 'case') await openCaseRow(trx, stored, index.opening);
        if (inserted && index?.statistics) await insertStatisticsRow(trx, index.statistics);
        return { kind: 'stored', inserted, stored };
      }, `referral ${referral.id}`);
    },
    findById: (id) => findOn(db, id),
    caseById: (id) => caseOn(db, id),
    async findByEncounter(encounterId) {
      const rows = await db.selectFrom('referrals').selectAll().where('encounter_id', '=', encounterId).orderBy('received_at').orderBy('id').execute();
      return rows.map((row) => withoutStatus(fromRow(row)));
    },
    async statusesOf(ids, since, deviceId) {
      if (ids.length === 0) return [];
      let query = db
        .selectFrom('referrals as r')
        .leftJoin('cases as c', 'c.referral_id', 'r.id')
        .select(['r.id', 'r.reference', 'r.status', 'r.status_changed_at', 'c.progress'])
        .where('r.id', 'in', [...ids])
        .where('r.status_changed_at', '>', since);
      if (deviceId === null) query = query.where('r.device_id', 'is', null);
      else if (deviceId !== undefined) query = query.where('r.device_id', '=', deviceId);
      const rows = await query.orderBy('r.status_changed_at').execute();
      return rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        status: row.status,
        statusChangedAt: row.status_changed_at,
        ...(row.progress === null ? {} : { progress: JSON.parse(row.progress) as Progress }),
      }));
    },
    async count() {
      const row = await db.selectFrom('referrals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
