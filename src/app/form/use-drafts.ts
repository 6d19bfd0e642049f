import { useMemo } from 'preact/hooks';
import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft, type DraftChange } from '../../store/drafts.ts';
import { useKey, useServices } from '../shell/services.ts';

/** The drafts on this device, with the unlocked key and the clock already bound. */
export function useDrafts() {
  const { db, clock } = useServices();
  const key = useKey();
  return useMemo(
    () => ({
      list: () => listDrafts(db, key),
      get: (id: string) => getDraft(db, key, id),
      create: () => createDraft(db, key, clock.now()),
      remove: (id: string) => deleteDraft(db, id),
      save: (id: string, change: DraftChange, now = clock.now()) => saveDraft(db, key, id, change, now),
    }),
    [db, key, clock],
  );
}
