import type { AdditionSubmission } from '../shared/additions.ts';
import type { ResponderActionType } from '../shared/casework/responder-actions.ts';
import type { AdditionRecord, FieldDatabase } from './db.ts';

/** Puts a sealed addition in the outbox; the sender takes it from here, exactly as a referral. */
export async function queueAddition(db: FieldDatabase, referralId: string, kind: ResponderActionType, submission: AdditionSubmission, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.additions.add({ id: submission.id, referralId, kind, state: 'queued', createdAt: at, updatedAt: at, attempts: 0, nextAttemptAt: now.getTime(), submission });
}

/** What was added to a referral, newest first (the sealed bodies left out: the screens never need them). */
export async function additionsOf(db: FieldDatabase, referralId: string): Promise<Omit<AdditionRecord, 'submission'>[]> {
  const rows = await db.additions.where('referralId').equals(referralId).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(({ submission: _sealed, ...row }) => row);
}

/** Removes an addition the server would not take (after the user confirmed it); a delivered one stays. */
export async function discardAddition(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.additions, async () => {
    const row = await db.additions.get(id);
    if (row && row.state !== 'delivered') await db.additions.delete(id);
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
