import { useMemo } from 'preact/hooks';
import type { Submission } from '../../shared/protocol.ts';
import type { UploadFile } from '../../shared/evidence-protocol.ts';
import type { Draft } from '../../store/drafts.ts';
import { discardOutboxItem, getOutboxItem, listOutbox, reopenForFix, resendAsNew, resumePaused } from '../../store/outbox.ts';
import { useKey, useServices } from '../shell/services.ts';

/** The outbox's items and what a responder may do with them, with the key and the clock already bound. */
export function useOutbox() {
  const { db, clock } = useServices();
  const key = useKey();
  return useMemo(
    () => ({
      list: () => listOutbox(db, key),
      get: (id: string) => getOutboxItem(db, key, id),
      discard: (id: string) => discardOutboxItem(db, id),
      resumePaused: () => resumePaused(db, clock.now()),
      reopenForFix: (id: string) => reopenForFix(db, id),
      resendAsNew: (id: string, seal: (draft: Draft, newId: string) => Promise<{ submission: Submission; files?: UploadFile[] }>) => resendAsNew(db, key, id, clock.now(), seal),
    }),
    [db, key, clock],
  );
}
