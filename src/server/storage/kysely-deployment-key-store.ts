import type { Kysely } from 'kysely';
import type { DeploymentKeyStore } from './deployment-key-store.ts';
import type { Database } from './schema.ts';

function keyIdOf(envelope: string): string | undefined {
  try {
    const keyId = (JSON.parse(envelope) as { keyId?: unknown }).keyId;
    return typeof keyId === 'string' ? keyId : undefined;
  } catch {
    return undefined;
  }
}

export function createKyselyDeploymentKeyStore(db: Kysely<Database>): DeploymentKeyStore {
  return {
    async list() {
      const rows = await db.selectFrom('deployment_keys').selectAll().orderBy('recorded_at').orderBy('key_id').execute();
      return rows.map((row) => ({ kind: row.kind, keyId: row.key_id, fingerprint: row.fingerprint, recordedAt: row.recorded_at }));
    },

    async record(key) {
      const result = await db
        .insertInto('deployment_keys')
        .values({ kind: key.kind, key_id: key.keyId, fingerprint: key.fingerprint, recorded_at: key.recordedAt })
        // Two instances starting together: the first one's key is recorded, and the other reads it back.
        .onConflict((conflict) => conflict.columns(['kind', 'key_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async hasReferrals() {
      return (await db.selectFrom('referrals').select('id').limit(1).executeTakeFirst()) !== undefined;
    },

    async envelopeKeyIdsOfOldestAndNewest() {
      const ends = await Promise.all(
        (['asc', 'desc'] as const).map((order) => db.selectFrom('referrals').select('envelope').orderBy('received_at', order).limit(1).executeTakeFirst()),
      );
      const ids = ends.flatMap((row) => {
        const keyId = row && keyIdOf(row.envelope);
        return keyId ? [keyId] : [];
      });
      return [...new Set(ids)];
    },
  };
}
