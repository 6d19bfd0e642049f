import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CaseState } from '../../shared/casework/machine.ts';
import { quarterOf } from '../../shared/figures/periods.ts';
import { referralOfRow } from './kysely-referral-store.ts';
import type { Database } from './schema.ts';
import { CURRENT_DERIVATION, insertPlaceRows, refreshEncounterSizes, statisticsRow } from './statistics-rows.ts';
import type { CountRow, GroupColumn, StatisticsStore } from './statistics-store.ts';

/** The column holding the quarter of the day a count is dated by. */
const quarterColumn = { received_on: 'quarter', rg_on: 'rg_quarter', cg_on: 'cg_quarter' } as const;

const INSERT_BATCH = 500;

export function createKyselyStatisticsStore(db: Kysely<Database>): StatisticsStore {
  return {
    async count(query) {
      const quarter = quarterColumn[query.datedBy];
      const expressions = query.groupBy.map((column): [GroupColumn, RawBuilder<unknown>] => [column, sql`${sql.ref(column === 'quarter' ? quarter : column)}`]);
      let select = db
        .selectFrom('referral_statistics')
        .select(expressions.map(([column, expression]) => expression.as(column)))
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), query.sumReconsiderations ? eb.fn.sum<number | string | null>('reconsiderations').as('reconsiderations') : sql<number>`0`.as('reconsiderations')]);
      // Counts that group by quarter first read only the period's quarters of their quarter-led index (migration 0015).
      if (query.groupBy[0] === 'quarter') select = select.where(sql.ref(quarter), '>=', quarterOf(query.from)).where(sql.ref(quarter), '<=', quarterOf(query.to));
      select = select.where(sql.ref(query.datedBy), '>=', query.from).where(sql.ref(query.datedBy), '<=', query.to);
      if (query.scheme) select = select.where('scheme', '=', query.scheme);
      // A literal, not a bound value, so both databases can read the partial index of migration 0017.
      if (query.countyLinesOnly) select = select.where(sql<boolean>`county_lines = 1`);
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

    async placeRecurrence({ from, to }) {
      const rows = await db
        .selectFrom('referral_statistics_towns')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('received_on', '>=', from)
        .where('received_on', '<=', to)
        .groupBy('place')
        .execute();
      return rows.map((row) => Number(row.n));
    },

    async waiting({ on, since }) {
      // One sum per band over the waiting cases' partial index, grouped by its first column: nothing to sort.
      const bounds = [...since.map((day) => sql`rg_on >= ${day}`), sql`1 = 1`];
      const bands = bounds.map((bound, i) => sql<number | string>`sum(case when ${bound}${i > 0 ? sql` and rg_on < ${since[i - 1]!}` : sql``} then 1 else 0 end)`.as(`band${i}`));
      const rows = (await db
        .selectFrom('referral_statistics')
        .select('age_at_exploitation')
        .select(bands)
        .where('scheme', '=', 'nrm')
        .where('rg_outcome', '=', 'positive')
        .where('withdrawn', '=', 0)
        .where('rg_on', '<=', on)
        .where((eb) => eb.or([eb('cg_on', 'is', null), eb('cg_on', '>', on)]))
        .groupBy('age_at_exploitation')
        .execute()) as Record<string, unknown>[];
      return rows.map((row) => ({ age: String(row['age_at_exploitation']), bands: bounds.map((_, i) => Number(row[`band${i}`] ?? 0)) }));
    },

    async insertMany(records) {
      let inserted = 0;
      await db.transaction().execute(async (trx) => {
        for (let at = 0; at < records.length; at += INSERT_BATCH) {
          const batch = records.slice(at, at + INSERT_BATCH);
          // A record an older derivation wrote gains what this one adds; its decisions, moved by casework since, are kept.
          const result = await trx
            .insertInto('referral_statistics')
            .values(batch.map(statisticsRow))
            .onConflict((conflict) =>
              conflict
                .column('referral_id')
                .doUpdateSet((eb) => ({ encounter_id: eb.ref('excluded.encounter_id'), derivation: eb.ref('excluded.derivation') }))
                .where('referral_statistics.derivation', '<', CURRENT_DERIVATION),
            )
            .executeTakeFirst();
          inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
          await insertPlaceRows(trx, batch);
          await refreshEncounterSizes(trx, batch.map((record) => record.encounterId));
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
        .where((eb) => eb.or([eb('s.referral_id', 'is', null), eb('s.derivation', '<', CURRENT_DERIVATION)]))
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
