import { useEffect, useRef, useState } from 'preact/hooks';
import { type DraftChange } from '../../store/drafts.ts';
import { formatTime } from '../shell/format.ts';
import { useServices } from '../shell/services.ts';
import { useDrafts } from './use-drafts.ts';
import { formContent } from './content.ts';

const DELAY_MS = 300;

/** IndexedDB reports a full device as QuotaExceededError, sometimes wrapped by Dexie. */
function isQuotaError(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.includes('QuotaExceededError');
}

/**
 * Saves a page's answers shortly after every change, and at once when the page is left, so a closed
 * tab or a flat battery loses at most a fraction of a second of typing.
 */
export function useAutosave(draftId: string) {
  const { clock } = useServices();
  const drafts = useDrafts();
  const [message, setMessage] = useState('');
  const pending = useRef<DraftChange | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = async () => {
    clearTimeout(timer.current);
    const change = pending.current;
    pending.current = undefined;
    if (!change) return;
    try {
      const now = clock.now();
      await drafts.save(draftId, change, now);
      setMessage(formContent.savedAt(formatTime(now)));
    } catch (error) {
      setMessage(isQuotaError(error) ? formContent.storageFull : formContent.saveFailed);
    }
  };

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [draftId]);

  return {
    message,
    schedule(change: DraftChange) {
      pending.current = change;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    flush,
  };
}
