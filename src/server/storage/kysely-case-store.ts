import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CaseState } from '../../shared/casework/machine.ts';
import type { Progress } from '../../shared/casework/progress.ts';
import { DECISION_MAKERS } from '../../shared/casework/roles.ts';
import { RECONSIDERATION_ACTIONS } from '../../shared/figures/decision-columns.ts';
import { INTAKE_ACTOR } from './case-backfill.ts';
import { stateColumns } from './case-columns.ts';
import type { AuditedBy, CaseChange, CaseNoteRecord, CaseStore, QueueFilter } from './case-store.ts';
import type { CaseOpening, StoredReferral } from './referral-store.ts';
import type { Database } from './schema.ts';
import { updateStatisticsRow } from './statistics-rows.ts';

/** Applies a transition in the caller's transaction; false, and nothing written, when the case moved on first. */
export async function applyChange(trx: Kysely<Database>, change: CaseChange): Promise<boolean> {
  const progress = change.progress ? { progress: JSON.stringify(change.progress.value), progress_changed_at: change.progress.at } : {};
  const updated = await trx
    .updateTable('cases')
    .set({ ...stateColumns(change.state), ...progress })
    .where('referral_id', '=', change.id)
    .where('version', '=', change.fromVersion)
    .executeTakeFirst();
  // Another server (or another person) moved the case first: nothing is written.
  if (Number(updated.numUpdatedRows) !== 1) return false;
  const { event } = change;
  await trx
    .insertInto('case_events')
    .values({ referral_id: change.id, version: change.state.version, at: event.at, actor: event.actor, action: event.action, from_stage: event.from, to_stage: event.to, detail: event.detail })
    .execute();
  await audited(trx, change.id, change.audit);
  await updateStatisticsRow(trx, change.id, change.state, RECONSIDERATION_ACTIONS.includes(event.action));
  // The responder's device polls receipts by status_changed_at: a served step must move it.
  if (change.progress) {
    await trx.updateTable('referrals').set({ status: change.progress.value.stage, status_changed_at: change.progress.at }).where('id', '=', change.id).execute();
  }
  return true;
}

/** Appends a note in the caller's transaction. */
export async function addNoteRow(trx: Kysely<Database>, id: string, note: CaseNoteRecord, audit: AuditedBy): Promise<void> {
  await trx.insertInto('case_notes').values({ referral_id: id, ...note }).execute();
  await audited(trx, id, audit);
}

/**
 * Writes a new referral's case and its 'received' event, in the caller's transaction (the referral's own).
 * The organisation is the one of the user whose enrolled device sent it; an unsigned referral has none.
 */
export async function openCaseRow(trx: Kysely<Database>, referral: StoredReferral, opening: CaseOpening): Promise<void> {
  const sender = referral.deviceId
    ? await trx
        .selectFrom('devices as d')
        .innerJoin('users as u', 'u.id', 'd.user_id')
        .select(['u.id as userId', 'u.organisation_id as organisationId'])
        .where('d.id', '=', referral.deviceId)
        .executeTakeFirst()
    : undefined;
  await trx
    .insertInto('cases')
    .values({
      referral_id: referral.id,
      ...stateColumns(opening.state),
      organisation_id: sender?.organisationId ?? null,
      age_group: opening.ageGroup,
      path: referral.path,
      received_at: referral.receivedAt,
      progress: JSON.stringify(opening.progress),
      progress_changed_at: referral.receivedAt,
    })
    .execute();
  await trx
    .insertInto('case_events')
    .values({
      referral_id: referral.id,
      version: opening.state.version,
      at: referral.receivedAt,
      actor: sender?.userId ?? INTAKE_ACTOR,
      action: 'received',
      from_stage: null,
      to_stage: opening.state.stage,
      detail: null,
    })
    .execute();
}

async function audited(trx: Kysely<Database>, subject: string, entry: AuditedBy): Promise<void> {
  await trx.insertInto('audit_log').values({ ...entry, subject }).execute();
}

type CasesScope = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;

/** The queue's filters as one condition over `cases` alone (reference and organisation resolved to ids first). */
function filtered(eb: CasesScope, filter: QueueFilter, ids: { referralId?: string; organisationId?: string }): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (ids.referralId !== undefined) all.push(eb('c.referral_id', '=', ids.referralId));
  if (ids.organisationId !== undefined) all.push(eb('c.organisation_id', '=', ids.organisationId));
  if (filter.stage) all.push(eb('c.stage', '=', filter.stage));
  if (filter.path) all.push(eb('c.path', '=', filter.path));
  if (filter.heldBy === null) all.push(eb('c.held_by', 'is', null));
  else if (filter.heldBy !== undefined) all.push(eb('c.held_by', '=', filter.heldBy));
  if (filter.due && 'before' in filter.due) all.push(eb('c.due_on', '<', filter.due.before));
  else if (filter.due) all.push(eb('c.due_on', '=', filter.due.on));
  return eb.and(all);
}

export function createKyselyCaseStore(db: Kysely<Database>): CaseStore {
  return {
    async find(id) {
      const row = await db
        .selectFrom('cases as c')
        .innerJoin('referrals as r', 'r.id', 'c.referral_id')
        .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select(['r.id', 'r.reference', 'r.received_at', 'r.path', 'r.schema_version', 'r.envelope', 'r.encounter_id', 'r.family', 'c.age_group', 'o.name as organisation', 'c.state', 'c.progress'])
        .where('c.referral_id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        reference: row.reference,
        receivedAt: row.received_at,
        path: row.path,
        schemaVersion: Number(row.schema_version),
        envelope: row.envelope,
        encounterId: row.encounter_id,
        family: row.family === null ? null : (JSON.parse(row.family) as string[]),
        ageGroup: row.age_group,
        organisation: row.organisation,
        state: JSON.parse(row.state) as CaseState,
        progress: JSON.parse(row.progress) as Progress,
      };
    },

    async queue(filter) {
      const empty = { rows: [], total: 0 };
      const ids: { referralId?: string; organisationId?: string } = {};
      if (filter.reference !== undefined) {
        const referral = await db.selectFrom('referrals').select('id').where('reference', '=', filter.reference).executeTakeFirst();
        if (!referral) return empty;
        ids.referralId = referral.id;
      }
      if (filter.organisation !== undefined) {
        const organisation = await db.selectFrom('organisations').select('id').where('name', '=', filter.organisation).executeTakeFirst();
        if (!organisation) return empty;
        ids.organisationId = organisation.id;
      }
      const counted = await db
        .selectFrom('cases as c')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('c.due_on').as('dated')])
        .where((eb) => filtered(eb, filter, ids))
        .executeTakeFirstOrThrow();
      const total = Number(counted.n);
      if (total === 0 || filter.offset >= total) return { rows: [], total };
      // The page's ids are chosen from `cases` alone, read in order from an index that holds every filter and
      // sort column, and only those (at most 25) are joined: joining first would read a referral for every case
      // the filter matches, and for every case skipped on the way to a deep page. The page is put in order by
      // the subquery's own columns: ordered by the joined case's, SQLite may instead walk every case in that
      // order and look each up in the page. The due date is chosen only where it orders the page, so a sort
      // by received stays within the index of received.
      const page = (due: 'dated' | 'undated' | 'any', offset: number, limit: number) => {
        let chosen = db
          .selectFrom('cases as c')
          .select((eb) => ['c.referral_id', 'c.received_at', (due === 'dated' ? sql<string | null>`${eb.ref('c.due_on')}` : sql<string | null>`null`).as('due_on')])
          .where((eb) => filtered(eb, filter, ids));
        if (due === 'dated') chosen = chosen.where('c.due_on', 'is not', null).orderBy('c.due_on');
        if (due === 'undated') chosen = chosen.where('c.due_on', 'is', null);
        let query = db
          .selectFrom(chosen.orderBy('c.received_at').orderBy('c.referral_id').limit(limit).offset(offset).as('p'))
          .innerJoin('cases as c', 'c.referral_id', 'p.referral_id')
          .innerJoin('referrals as r', 'r.id', 'c.referral_id')
          .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
          .leftJoin('users as u', 'u.id', 'c.held_by')
          .select(['c.referral_id as id', 'r.reference', 'c.received_at', 'c.path', 'c.age_group', 'o.name as organisation', 'c.stage', 'c.held_by', 'u.email', 'c.due_on', 'c.due_kind']);
        if (due === 'dated') query = query.orderBy('p.due_on');
        return query.orderBy('p.received_at').orderBy('p.referral_id').execute();
      };
      let rows: Awaited<ReturnType<typeof page>>;
      if (filter.sort === 'received') rows = await page('any', filter.offset, filter.limit);
      else {
        // Due first, cases with no due date after: read as two index ranges rather than one sort of every case
        // (SQLite keeps nulls first in an index, so "nulls last" over the whole table would sort it all).
        const dated = Number(counted.dated);
        rows = filter.offset < dated ? await page('dated', filter.offset, filter.limit) : [];
        if (rows.length < filter.limit && filter.offset + filter.limit > dated) rows = [...rows, ...(await page('undated', Math.max(0, filter.offset - dated), filter.limit - rows.length))];
      }
      return {
        total,
        rows: rows.map((row) => ({
          id: row.id,
          reference: row.reference,
          receivedAt: row.received_at,
          path: row.path,
          ageGroup: row.age_group,
          organisation: row.organisation,
          stage: row.stage,
          heldBy: row.held_by === null ? null : { id: row.held_by, email: row.email ?? row.held_by },
          dueOn: row.due_on,
          dueKind: row.due_kind,
        })),
      };
    },

    async organisations() {
      const rows = await db
        .selectFrom('organisations as o')
        .select('o.name')
        .where((eb) => eb.exists(eb.selectFrom('cases as c').select('c.referral_id').whereRef('c.organisation_id', '=', 'o.id')))
        .orderBy('o.name')
        .execute();
      return rows.map((row) => row.name);
    },

    async events(id, afterVersion = 0) {
      const rows = await db.selectFrom('case_events').selectAll().where('referral_id', '=', id).where('version', '>', afterVersion).orderBy('id').execute();
      return rows.map((row) => ({ version: Number(row.version), at: row.at, actor: row.actor, action: row.action, from: row.from_stage, to: row.to_stage, detail: row.detail }));
    },

    async notes(id) {
      return db.selectFrom('case_notes').select(['at', 'author', 'body']).where('referral_id', '=', id).orderBy('id').execute();
    },

    async matches(id) {
      const rows = await db
        .selectFrom('possible_matches as m')
        .innerJoin('referrals as r', 'r.id', 'm.other_id')
        .select(['m.other_id', 'r.reference', 'm.score', 'm.reasons', 'm.verdict', 'm.decided_by'])
        .where('m.referral_id', '=', id)
        .orderBy('m.score', 'desc')
        .orderBy('m.other_id')
        .execute();
      return rows.map((row) => ({ otherId: row.other_id, otherReference: row.reference, score: Number(row.score), reasons: row.reasons, verdict: row.verdict, decidedBy: row.decided_by }));
    },

    async referencesOf(ids) {
      if (ids.length === 0) return [];
      return db.selectFrom('referrals').select(['id', 'reference', 'path']).where('id', 'in', [...ids]).execute();
    },

    async people(ids) {
      if (ids.length === 0) return [];
      return db.selectFrom('users').select(['id', 'email', 'role']).where('id', 'in', [...ids]).execute();
    },

    async decisionMakers() {
      return db.selectFrom('users').select(['id', 'email', 'role']).where('role', 'in', [...DECISION_MAKERS]).orderBy('email').execute();
    },

    apply(change) {
      return db.transaction().execute((trx) => applyChange(trx, change));
    },

    addNote(id, note, audit) {
      return db.transaction().execute((trx) => addNoteRow(trx, id, note, audit));
    },

    decideMatch(id, otherId, verdict, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('possible_matches')
          .set({ verdict, decided_by: audit.actor, decided_at: audit.at })
          .where((eb) =>
            eb.or([
              eb.and([eb('referral_id', '=', id), eb('other_id', '=', otherId)]),
              eb.and([eb('referral_id', '=', otherId), eb('other_id', '=', id)]),
            ]),
          )
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return false;
        await audited(trx, id, audit);
        return true;
      });
    },

    async dtnReports(offset, limit) {
      const counted = await db
        .selectFrom('referrals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('path', '=', 'dtn')
        .executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('referrals')
        .select(['id', 'reference', 'received_at', 'police_force_area', 'nation'])
        .where('path', '=', 'dtn')
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return {
        total: Number(counted.n),
        rows: rows.map((row) => ({ id: row.id, reference: row.reference, receivedAt: row.received_at, policeForceArea: row.police_force_area, nation: row.nation })),
      };
    },

    async candidates(keys, exceptId, limit) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('person_keys as k')
        .innerJoin('person_features as f', 'f.referral_id', 'k.referral_id')
        .select((eb) => ['k.referral_id', 'f.sealed', eb.fn.countAll<number>().as('shared')])
        .where('k.key', 'in', [...keys])
        .where('k.referral_id', '<>', exceptId)
        .groupBy(['k.referral_id', 'f.sealed'])
        // Ids are UUIDv7: among equally close people, the latest referrals first.
        .orderBy('shared', 'desc')
        .orderBy('k.referral_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.referral_id, features: row.sealed }));
    },

    savePerson(id, keys, features, found, at) {
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('person_features').values({ referral_id: id, sealed: features }).onConflict((conflict) => conflict.column('referral_id').doNothing()).execute();
        if (keys.length > 0) {
          await trx
            .insertInto('person_keys')
            .values(keys.map((key) => ({ key, referral_id: id })))
            .onConflict((conflict) => conflict.columns(['key', 'referral_id']).doNothing())
            .execute();
        }
        if (found.length === 0) return;
        const pairs = found.flatMap((match) => [
          { referral_id: id, other_id: match.otherId, score: match.score, reasons: match.reasons, found_at: at, verdict: null, decided_by: null, decided_at: null },
          { referral_id: match.otherId, other_id: id, score: match.score, reasons: match.reverseReasons, found_at: at, verdict: null, decided_by: null, decided_at: null },
        ]);
        await trx
          .insertInto('possible_matches')
          .values(pairs)
          .onConflict((conflict) => conflict.columns(['referral_id', 'other_id']).doNothing())
          .execute();
      });
    },
  };
}
