import { box } from './box.ts';
import type { FieldDatabase } from './db.ts';
import { draftContext } from './drafts.ts';
import { labelContext } from './outbox.ts';

/**
 * Versions 1–2 of the app kept drafts and case labels in the clear. A database upgrade cannot
 * encrypt (it has no key), so this runs at the first unlock after the update.
 */
export async function encryptLegacyRecords(db: FieldDatabase, key: CryptoKey): Promise<number> {
  const drafts = (await db.drafts.toArray()).filter((draft) => !draft.content);
  const labels = (await db.outbox.toArray()).filter((item) => !item.label && item.caseLabel !== undefined);
  for (const draft of drafts) {
    const content = await box(key, { caseLabel: draft.caseLabel ?? '', answers: draft.answers ?? {} }, draftContext(draft.id));
    const { caseLabel: _label, answers: _answers, ...rest } = draft;
    await db.drafts.put({ ...rest, content });
  }
  for (const item of labels) {
    const label = await box(key, item.caseLabel ?? '', labelContext(item.id));
    const { caseLabel: _label, ...rest } = item;
    await db.outbox.put({ ...rest, label });
  }
  return drafts.length + labels.length;
}
