import { useEffect, useState } from 'preact/hooks';
import { type Draft } from '../../store/drafts.ts';
import { useDrafts } from './use-drafts.ts';

/** Reads a draft once (not live: a form must not be reset by its own autosave). null: no such draft. */
export function useDraft(id: string): Draft | null | undefined {
  const drafts = useDrafts();
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void drafts.get(id).then((found) => {
      if (current) setDraft(found ?? null);
    });
    return () => {
      current = false;
    };
  }, [drafts, id]);
  return draft;
}
