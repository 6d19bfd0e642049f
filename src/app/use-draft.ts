import { useEffect, useState } from 'preact/hooks';
import type { DraftRecord } from '../store/db.ts';
import { getDraft } from '../store/drafts.ts';
import { useServices } from './services.ts';

/** Reads a draft once (not live: a form must not be reset by its own autosave). null: no such draft. */
export function useDraft(id: string): DraftRecord | null | undefined {
  const { db } = useServices();
  const [draft, setDraft] = useState<DraftRecord | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void getDraft(db, id).then((found) => {
      if (current) setDraft(found ?? null);
    });
    return () => {
      current = false;
    };
  }, [db, id]);
  return draft;
}
