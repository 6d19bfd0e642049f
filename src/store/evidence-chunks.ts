import type { FieldDatabase } from './db.ts';

/**
 * Deleting and reading stored evidence chunks: what the outbox and drafts need, without the crypto
 * and schemas of attaching (src/store/evidence.ts), which load only with the evidence page.
 */

export async function removeFile(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.files, db.fileChunks, async () => {
    await db.fileChunks.where('fileId').equals(id).delete();
    await db.files.delete(id);
  });
}

/** Every file of a draft or referral, and its chunks: after delivery, or when the draft is discarded. */
export async function purgeFiles(db: FieldDatabase, draftId: string): Promise<void> {
  await db.transaction('rw', db.files, db.fileChunks, async () => {
    const ids = (await db.files.where('draftId').equals(draftId).primaryKeys()) as string[];
    for (const id of ids) await db.fileChunks.where('fileId').equals(id).delete();
    await db.files.where('draftId').equals(draftId).delete();
  });
}

/** Files of the draft that the answers no longer name (removed, or forgotten when the path changed). */
export async function purgeFilesExcept(db: FieldDatabase, draftId: string, keep: readonly string[]): Promise<void> {
  const ids = (await db.files.where('draftId').equals(draftId).primaryKeys()) as string[];
  for (const id of ids.filter((id) => !keep.includes(id))) await removeFile(db, id);
}

/** One stored chunk as it is sent (the service worker reads these without the user's key). */
export async function readChunk(db: FieldDatabase, fileId: string, index: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const record = await db.fileChunks.get([fileId, index]);
  return record ? new Uint8Array(record.data) : undefined;
}
