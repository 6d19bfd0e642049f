import type { AdditionRecord, FieldDatabase } from './db.ts';
import { purgeFiles } from './evidence-chunks.ts';

/** What was added to a referral, newest first (the sealed bodies left out: the screens never need them). */
export async function additionsOf(db: FieldDatabase, referralId: string): Promise<Omit<AdditionRecord, 'submission'>[]> {
  const rows = await db.additions.where('referralId').equals(referralId).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(({ submission: _sealed, ...row }) => row);
}

/** Removes an addition the server would not take, with its files (after the user confirmed it); a delivered one stays. */
export async function discardAddition(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.additions, db.files, db.fileChunks], async () => {
    const row = await db.additions.get(id);
    if (row && row.state !== 'delivered') {
      await db.additions.delete(id);
      await purgeFiles(db, id);
    }
  });
}

/** Every addition on the device by its referral (without the sealed bodies), for the outbox. */
export async function additionsByReferral(db: FieldDatabase): Promise<Map<string, Omit<AdditionRecord, 'submission'>[]>> {
  const byReferral = new Map<string, Omit<AdditionRecord, 'submission'>[]>();
  for (const { submission: _sealed, ...row } of (await db.additions.toArray()).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
    byReferral.set(row.referralId, [...(byReferral.get(row.referralId) ?? []), row]);
  }
  return byReferral;
}
