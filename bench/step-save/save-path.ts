import { FieldDatabase } from '../../src/store/db.ts';
import { createDraft, saveDraft } from '../../src/store/drafts.ts';
import { createVault } from '../../src/store/vault.ts';

const DATABASE = 'nrm-field-bench';
const PASSPHRASE = 'bench lantern harbour pebble';

/**
 * The app's autosave path, as the form's autosave (src/app/form) calls it (encrypt with the vault's data key, then
 * commit to IndexedDB): the one place to change when the store's save changes.
 */
export async function openStepSaver(): Promise<(account: string) => Promise<void>> {
  await new FieldDatabase(DATABASE).delete();
  const db = new FieldDatabase(DATABASE);
  // The same kind of key the app saves with: the device's data key, from a real vault.
  const key = await createVault(db).create(PASSPHRASE, new Date());
  const draft = await createDraft(db, key, new Date());
  return (account) => saveDraft(db, key, draft.id, { answers: { howStarted: account } }, new Date());
}
