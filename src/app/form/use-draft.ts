import { useEffect, useState } from 'preact/hooks';
import { getDraft, type Draft } from '../../store/drafts.ts';
import { useKey, useServices } from '../shell/services.ts';

/** Reads a draft once (not live: a form must not be reset by its own autosave). null: no such draft. */
export function useDraft(id: string): Draft | null | undefined {
  const { db } = useServices();
  const key = useKey();
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void getDraft(db, key, id).then((found) => {
      if (current) setDraft(found ?? null);
    });
    return () => {
      current = false;
    };
  }, [db, key, id]);
  return draft;
}
