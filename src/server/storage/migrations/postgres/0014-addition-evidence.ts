import type { Kysely } from 'kysely';

/**
 * Files an addition brings (new evidence with a reconsideration request): `case_additions.evidence`
 * keeps their manifest as the device sealed it (JSON: keyId, enc, ct), so only the server can list and
 * open them; their chunks are claimed in evidence_files, in the transaction that takes the addition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_additions').addColumn('evidence', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_additions').dropColumn('evidence').execute();
}
