import { sql, type Kysely } from 'kysely';
import type { RateLimitStore } from './rate-limit-store.ts';
import type { Database } from './schema.ts';

export function createKyselyRateLimitStore(db: Kysely<Database>): RateLimitStore {
  return {
    async hit(key, windowMs, now) {
      const at = now.toISOString();
      const nextWindowEnds = new Date(now.getTime() + windowMs).toISOString();
      // One upsert, so two instances counting the same key at once both count.
      const windowOver = sql<boolean>`rate_limit_counters.window_ends_at <= ${at}`;
      const row = await db
        .insertInto('rate_limit_counters')
        .values({ key, hits: 1, window_ends_at: nextWindowEnds })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            hits: sql<number>`case when ${windowOver} then 1 else rate_limit_counters.hits + 1 end`,
            window_ends_at: sql<string>`case when ${windowOver} then ${nextWindowEnds} else rate_limit_counters.window_ends_at end`,
          }),
        )
        .returning(['hits', 'window_ends_at'])
        .executeTakeFirstOrThrow();
      return { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) };
    },
    async deleteExpired(now) {
      await db.deleteFrom('rate_limit_counters').where('window_ends_at', '<=', now).execute();
    },
  };
}
