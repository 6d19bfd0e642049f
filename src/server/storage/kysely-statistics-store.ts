import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CaseState } from '../../shared/casework/machine.ts';
import { referralOfRow } from './kysely-referral-store.ts';
import type { Database } from './schema.ts';
import { statisticsRow } from './statistics-rows.ts';
import type { CountRow, GroupColumn, StatisticsStore } from './statistics-store.ts';

/** "2022-Q4" from a YYYY-MM-DD column, the same on both databases. */
function quarterOfColumn(column: 'received_on' | 'rg_on' | 'cg_on'): RawBuilder<string> {
  if (column === 'received_on') return sql<string>`quarter`;
  return sql<string>`substr(${sql.ref(column)}, 1, 4) || '-Q' || cast((cast(substr(${sql.ref(column)}, 6, 2) as integer) + 2) / 3 as text)`;
}

const INSERT_BATCH = 500;

export function createKyselyStatisticsStore(db: Kysely<Database>): StatisticsStore {
  return {
    async count(query) {
      const expressions = query.groupBy.map((column): [GroupColumn, RawBuilder<unknown>] => [column, column === 'quarter' ? quarterOfColumn(query.datedBy) : sql`${sql.ref(column)}`]);
      let select = db
        .selectFrom('referral_statistics')
        .select(expressions.map(([column, expression]) => expression.as(column)))
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), query.sumReconsiderations ? eb.fn.sum<number | string | null>('reconsiderations').as('reconsiderations') : sql<number>`0`.as('reconsiderations')])
        .where(sql.ref(query.datedBy), '>=', query.from)
        .where(sql.ref(query.datedBy), '<=', query.to);
      if (query.scheme) select = select.where('scheme', '=', query.scheme);
      if (query.waitingForCg) {
        select = select
          .where('rg_outcome', '=', 'positive')
          .where('withdrawn', '=', 0)
          .where((eb) => eb.or([eb('cg_on', 'is', null), eb('cg_on', '>', query.to)]));
      }
      for (const [, expression] of expressions) select = select.groupBy(expression);
      const rows = (await select.execute()) as Record<string, unknown>[];
      return rows.map((row): CountRow => {
        const keys: CountRow['keys'] = {};
        for (const [column] of expressions) {
          const value = row[column];
          keys[column] = value === null || value === undefined ? null : String(value);
        }
        return { keys, n: Number(row['n']), reconsiderations: Number(row['reconsiderations'] ?? 0) };
      });
    },

    async insertMany(records) {
      let inserted = 0;
      await db.transaction().execute(async (trx) => {
        for (let at = 0; at < records.length; at += INSERT_BATCH) {
          const result = await trx
            .insertInto('referral_statistics')
            .values(records.slice(at, at + INSERT_BATCH).map(statisticsRow))
            .onConflict((conflict) => conflict.column('referral_id').doNothing())
            .executeTakeFirst();
          inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
        }
      });
      return inserted;
    },

    async unrecorded(limit) {
      const rows = await db
        .selectFrom('referrals as r')
        .leftJoin('referral_statistics as s', 's.referral_id', 'r.id')
        .leftJoin('cases as c', 'c.referral_id', 'r.id')
        .select(['r.id', 'r.reference', 'r.path', 'r.schema_version', 'r.submitted_at', 'r.received_at', 'r.digest', 'r.envelope', 'r.device_id', 'r.encounter_id', 'r.family', 'c.state'])
        .where('s.referral_id', 'is', null)
        .orderBy('r.received_at')
        .orderBy('r.id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        referral: referralOfRow(row),
        state: row.state === null ? null : (JSON.parse(row.state) as CaseState),
      }));
    },
  };
}
