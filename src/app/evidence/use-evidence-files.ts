import { useMemo } from 'preact/hooks';
import type { EvidenceType } from '../../shared/evidence-limits.ts';
import { attachFile, listFiles, removeFile } from '../../store/evidence.ts';
import { useKey, useServices } from '../shell/services.ts';

/** A draft's evidence files on this device, with the unlocked key and the clock already bound. */
export function useEvidenceFiles() {
  const { db, clock } = useServices();
  const key = useKey();
  return useMemo(
    () => ({
      list: (draftId: string) => listFiles(db, key, draftId),
      attach: (draftId: string, blob: Blob, name: string, type: EvidenceType) => attachFile(db, key, draftId, blob, name, type, clock.now()),
      remove: (fileId: string) => removeFile(db, fileId),
    }),
    [db, key, clock],
  );
}
