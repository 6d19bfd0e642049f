import { useEffect, useState } from 'preact/hooks';
import { outboxStates } from '../../store/outbox.ts';
import type { SyncProgress } from '../../sync/engine.ts';
import { content } from './content.ts';
import { paths } from './routes.ts';
import { useServices } from './services.ts';
import { useLiveQuery } from './use-live-query.ts';
import { Link } from './Link.tsx';

export function useSyncProgress(): SyncProgress {
  const { sync } = useServices();
  const [progress, setProgress] = useState(sync.progress());
  useEffect(() => sync.subscribe(setProgress), [sync]);
  return progress;
}

/** The header's one line about the outbox; it is also the way to the outbox. */
export function StatusLine() {
  const { db } = useServices();
  const states = useLiveQuery(() => outboxStates(db), [db]) ?? [];
  const progress = useSyncProgress();
  const attention = states.filter((state) => state === 'needs-attention').length;
  const waiting = states.filter((state) => state === 'queued' || state === 'sending').length;
  const paused = states.filter((state) => state === 'paused').length;

  // "All sent" only once something was: before that there is simply nothing to send.
  let text: string = states.includes('delivered') ? content.status.allSent : content.status.nothing;
  let tone = 'ok';
  if (attention > 0) {
    text = content.status.attention(attention);
    tone = 'attention';
  } else if (paused > 0) {
    text = content.status.paused(paused);
    tone = 'attention';
  } else if (progress.phase === 'sending' && progress.total > 0) {
    text = content.status.sending(progress.done, progress.total);
    tone = 'busy';
  } else if (waiting > 0) {
    // The last try failed, or the device knows it has no network: either way, nothing goes until it does.
    text = progress.lastError || !navigator.onLine ? content.status.waitingNoSignal(waiting) : content.status.waiting(waiting);
    tone = 'waiting';
  }
  return (
    <p class={`app-status app-status--${tone}`} role="status" data-testid="status-line">
      <Link href={paths.outbox} class="app-status__link">
        {text}
      </Link>
    </p>
  );
}
