import type { AdditionSubmission } from '../shared/additions.ts';
import type { ResponderActionType } from '../shared/casework/responder-actions.ts';
import type { UploadFile } from '../shared/evidence-protocol.ts';
import type { FieldDatabase } from './db.ts';

// Queuing an addition, apart from store/additions.ts, so that only the page that writes one loads it.

/**
 * Where the files chosen for a reconsideration request wait, encrypted, while it is written (the
 * `draftId` of their rows): kept if the responder leaves the page, handed to the request when it is queued.
 */
export const reconsiderationFilesKey = (referralId: string) => `reconsideration:${referralId}`;

/**
 * Puts a sealed addition in the outbox; the sender takes it from here, exactly as a referral. `files`:
 * what it brings (uploaded first), taken from those waiting under `filesFrom`, in the same transaction.
 */
export async function queueAddition(
  db: FieldDatabase,
  referralId: string,
  kind: ResponderActionType,
  submission: AdditionSubmission,
  now: Date,
  files?: { uploads: UploadFile[]; from: string },
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.additions, db.files, async () => {
    await db.additions.add({
      id: submission.id,
      referralId,
      kind,
      state: 'queued',
      createdAt: at,
      updatedAt: at,
      attempts: 0,
      nextAttemptAt: now.getTime(),
      submission,
      ...(files && files.uploads.length > 0 ? { files: files.uploads } : {}),
    });
    if (files) await db.files.where('draftId').equals(files.from).modify({ draftId: submission.id });
  });
}
