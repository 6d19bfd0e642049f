import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts';
import type { Clock, DueItem, ExclusiveRunner, OutboxPort, TransportPort } from './ports.ts';

export interface SyncProgress {
  phase: 'idle' | 'sending';
  /** Items finished in the current run, and the number the run started with. */
  done: number;
  total: number;
  /** When the server last answered anything at all (proof of signal). */
  lastContactAt?: string;
  lastError?: string;
}

export interface SyncEngineDeps {
  outbox: OutboxPort;
  transport: TransportPort;
  clock: Clock;
  random: () => number;
  exclusive: ExclusiveRunner;
  backoff?: BackoffPolicy;
}

export interface DrainOptions {
  /** Send every waiting item now, not only those whose backoff has run out (signal is back; "Send now"). */
  now?: boolean;
}

export interface SyncEngine {
  /** Sends what is due. A call made during a run gets one more run straight after it, so no trigger is lost. */
  drain(options?: DrainOptions): Promise<SyncProgress>;
  progress(): SyncProgress;
  subscribe(listener: (progress: SyncProgress) => void): () => void;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const listeners = new Set<(progress: SyncProgress) => void>();
  let progress: SyncProgress = { phase: 'idle', done: 0, total: 0 };
  let running: Promise<SyncProgress> | undefined;
  let rerun: DrainOptions | undefined;

  function update(change: Partial<SyncProgress>) {
    progress = { ...progress, ...change };
    for (const listener of listeners) listener(progress);
  }

  /** Sends one item; true when the run should go on to the next. */
  async function sendOne(item: DueItem): Promise<boolean> {
    await deps.outbox.markSending(item.id, deps.clock.now());
    const outcome = await deps.transport.send(item.submission);
    const now = deps.clock.now();
    if (outcome.kind === 'delivered') {
      await deps.outbox.markDelivered(item.id, outcome.receipt, now);
      update({ lastContactAt: now.toISOString(), lastError: undefined });
      return true;
    }
    if (outcome.kind === 'refused') {
      await deps.outbox.markNeedsAttention(item.id, outcome.problem, now);
      update({ lastContactAt: now.toISOString() });
      return true;
    }
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoffDelay(item.attempts, deps.random, policy));
    await deps.outbox.markRetry(item.id, item.attempts + 1, now.getTime() + wait, outcome.reason, now);
    update({ lastError: outcome.reason });
    // No signal or a struggling server: the rest would fail the same way, so wait for the next trigger.
    return false;
  }

  async function run(options: DrainOptions): Promise<void> {
    const items = await deps.outbox.due(options.now ? Number.POSITIVE_INFINITY : deps.clock.now().getTime());
    update({ phase: 'sending', done: 0, total: items.length });
    try {
      for (const item of items) {
        const goOn = await sendOne(item);
        update({ done: progress.done + 1 });
        if (!goOn) break;
      }
    } finally {
      update({ phase: 'idle' });
    }
  }

  async function loop(first: DrainOptions): Promise<SyncProgress> {
    let options: DrainOptions | undefined = first;
    while (options) {
      const current: DrainOptions = options;
      rerun = undefined;
      await deps.exclusive(() => run(current));
      options = rerun;
    }
    return progress;
  }

  return {
    drain(options = {}) {
      if (running) {
        rerun = { now: Boolean(rerun?.now) || Boolean(options.now) };
        return running;
      }
      running = loop(options).finally(() => {
        running = undefined;
      });
      return running;
    },
    progress: () => progress,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
