import type { Kysely } from 'kysely';
import type { EvidenceStore } from './evidence-store.ts';
import type { MissingChunks, RequiredFile } from './referral-store.ts';
import type { Database } from './schema.ts';

/** The chunks held of a file; with `uploadedBy`, only those that device uploaded. */
function held(on: Kysely<Database>, referralId: string, fileId: string, uploadedBy?: string) {
  let query = on.selectFrom('evidence_chunks').select(['idx', 'sha256']).where('referral_id', '=', referralId).where('file_id', '=', fileId);
  if (uploadedBy !== undefined) query = query.where('device_id', '=', uploadedBy);
  return query.execute();
}

/** One chunk's sealed bytes by its place and SHA-256 (the primary key): a single row, on either database. */
async function chunkOn(on: Kysely<Database>, referralId: string, fileId: string, index: number, sha256: string): Promise<Uint8Array | undefined> {
  const found = await on
    .selectFrom('evidence_chunks')
    .select('bytes')
    .where('referral_id', '=', referralId)
    .where('file_id', '=', fileId)
    .where('idx', '=', index)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return found ? new Uint8Array(found.bytes) : undefined;
}

/**
 * The chunks (by index) of each file that are not held as the manifest names them; files lacking none are
 * left out. With `uploadedBy`, a chunk counts only if that device uploaded it (an addition's files).
 */
export async function missingChunks(on: Kysely<Database>, referralId: string, files: readonly RequiredFile[], uploadedBy?: string): Promise<MissingChunks[]> {
  const missingFiles: MissingChunks[] = [];
  for (const file of files) {
    const have = new Set((await held(on, referralId, file.fileId, uploadedBy)).map((chunk) => `${Number(chunk.idx)}:${chunk.sha256}`));
    const missing = file.chunks.flatMap((sha256, index) => (have.has(`${index}:${sha256}`) ? [] : [index]));
    if (missing.length > 0) missingFiles.push({ fileId: file.fileId, missing });
  }
  return missingFiles;
}

/** Which of these files of a referral are already claimed (by the referral or an earlier addition). */
export async function claimedFiles(on: Kysely<Database>, referralId: string, fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const rows = await on.selectFrom('evidence_files').select('file_id').where('referral_id', '=', referralId).where('file_id', 'in', [...fileIds]).execute();
  return rows.map((row) => row.file_id);
}

/** Marks a stored referral's (or addition's) files complete, with their sizes; called in the transaction that inserts it. */
export async function claimFiles(on: Kysely<Database>, referralId: string, files: readonly RequiredFile[], at: string): Promise<void> {
  if (files.length === 0) return; // an insert needs at least one row
  const sizes = await on.selectFrom('evidence_chunks').select(['file_id', 'idx', 'sha256', 'size']).where('referral_id', '=', referralId).execute();
  await on
    .insertInto('evidence_files')
    .values(
      files.map((file) => ({
        referral_id: referralId,
        file_id: file.fileId,
        chunk_count: file.chunks.length,
        size: sizes.filter((s) => s.file_id === file.fileId && file.chunks[Number(s.idx)] === s.sha256).reduce((sum, s) => sum + Number(s.size), 0),
        completed_at: at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['referral_id', 'file_id']).doNothing())
    .execute();
}

export function createKyselyEvidenceStore(db: Kysely<Database>): EvidenceStore {
  return {
    async putChunk(chunk) {
      const result = await db
        .insertInto('evidence_chunks')
        .values({
          referral_id: chunk.referralId,
          file_id: chunk.fileId,
          idx: chunk.index,
          sha256: chunk.sha256,
          size: chunk.bytes.byteLength,
          bytes: chunk.bytes,
          received_at: chunk.receivedAt,
          device_id: chunk.deviceId ?? null,
        })
        // Two instances storing the same chunk at once: one row, and neither fails.
        .onConflict((conflict) => conflict.columns(['referral_id', 'file_id', 'idx', 'sha256']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async heldChunks(referralId, fileId, deviceId) {
      // Scoped to the uploader: one device never learns what another sent. Storing a referral checks every chunk, whoever sent it.
      const rows = await db
        .selectFrom('evidence_chunks')
        .select(['idx', 'sha256'])
        .where('referral_id', '=', referralId)
        .where('file_id', '=', fileId)
        .where('device_id', deviceId === null ? 'is' : '=', deviceId)
        .execute();
      return rows.map((row) => ({ index: Number(row.idx), sha256: row.sha256 })).sort((a, b) => a.index - b.index);
    },

    readChunk: (referralId, fileId, index, sha256) => chunkOn(db, referralId, fileId, index, sha256),

    async readFile(referralId, fileId, chunks) {
      const parts: Uint8Array[] = [];
      for (const [index, sha256] of chunks.entries()) {
        const found = await chunkOn(db, referralId, fileId, index, sha256);
        if (!found) return undefined;
        parts.push(found);
      }
      return parts;
    },

    async deleteUnclaimed(before) {
      const result = await db
        .deleteFrom('evidence_chunks')
        .where('received_at', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('referrals').select('referrals.id').whereRef('referrals.id', '=', 'evidence_chunks.referral_id').whereRef('referrals.received_at', '>=', 'evidence_chunks.received_at'))),
        )
        // Sent after its referral was stored (for an addition) and never claimed by one.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('evidence_files')
                .select('evidence_files.file_id')
                .whereRef('evidence_files.referral_id', '=', 'evidence_chunks.referral_id')
                .whereRef('evidence_files.file_id', '=', 'evidence_chunks.file_id'),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async countChunks(referralId) {
      const row = await db.selectFrom('evidence_chunks').select((eb) => eb.fn.countAll<number>().as('n')).where('referral_id', '=', referralId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async countFiles(referralId) {
      const row = await db.selectFrom('evidence_files').select((eb) => eb.fn.countAll<number>().as('n')).where('referral_id', '=', referralId).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
