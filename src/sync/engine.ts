import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts';
import type { Clock, DueItem, ExclusiveRunner, NotDelivered, OutboxPort, SendOutcome, TransportPort } from './ports.ts';
import type { UploadFiles, UploadPolicy } from './upload.ts';

const BATCH_SIZE = 20;

export interface SyncProgress {
  phase: 'idle' | 'sending';
  /** Items finished in the current run, and the number the run started with. */
  done: number;
  total: number;
  /** When the server last answered anything at all (proof of signal). */
  lastContactAt?: string;
  lastError?: string;
  /** The server says this device was revoked: the app must wipe it. */
  revoked?: boolean;
  /** Bytes of evidence files of the item being sent: on the server (held before or sent now), of all. */
  upload?: { id: string; done: number; total: number };
}

export interface SyncEngineDeps {
  outbox: OutboxPort;
  transport: TransportPort;
  clock: Clock;
  random: () => number;
  exclusive: ExclusiveRunner;
  backoff?: BackoffPolicy;
  /** Least time between two status refreshes. */
  statusRefreshMs?: number;
  /**
   * Uploads an item's evidence files (upload.ts). Given by whoever builds the engine, like the
   * transport's submitAddition: the page loads it when first needed, to keep it out of the first load.
   */
  uploadFiles: UploadFiles;
  /** How evidence files upload (window, resuming after a drop); DEFAULT_UPLOAD_POLICY unless told. */
  upload?: UploadPolicy;
}

export interface DrainOptions {
  /** Send every waiting item now, not only those whose backoff has run out (signal is back; "Send now"). */
  now?: boolean;
}

export interface SyncEngine {
  /** Sends what is due. A call made during a run gets one more run straight after it, so no trigger is lost. */
  drain(options?: DrainOptions): Promise<SyncProgress>;
  /** Asks the server whether it can be reached and, if so, sends everything waiting without waiting out backoff. */
  probeAndDrain(): Promise<SyncProgress>;
  /** Refreshes the case status of delivered referrals (at most every few minutes unless forced). */
  refreshStatuses(options?: { force?: boolean }): Promise<void>;
  /** Tells the engine when the server was last heard from before it started (remembered on the device). */
  recallContact(at: string): void;
  progress(): SyncProgress;
  subscribe(listener: (progress: SyncProgress) => void): () => void;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const listeners = new Set<(progress: SyncProgress) => void>();
  let progress: SyncProgress = { phase: 'idle', done: 0, total: 0 };
  let running: Promise<SyncProgress> | undefined;
  let rerun: DrainOptions | undefined;
  let lastStatusRefresh = Number.NEGATIVE_INFINITY;
  const statusRefreshMs = deps.statusRefreshMs ?? 10 * 60_000;

  function update(change: Partial<SyncProgress>) {
    progress = { ...progress, ...change };
    for (const listener of listeners) listener(progress);
  }

  /**
   * Files first, then the record: the server takes a referral (or an addition) only once it holds every
   * chunk its sealed manifest names, so it is delivered with all of its files or not at all.
   */
  async function attempt(item: DueItem): Promise<SendOutcome> {
    if (item.files && item.files.length > 0) {
      // An addition's files go where its referral's went: the server claims them for the referral it adds to.
      const uploaded: NotDelivered | undefined = await deps.uploadFiles({
        referralId: item.kind === 'addition' ? item.referralId : item.id,
        files: item.files,
        outbox: deps.outbox,
        transport: deps.transport,
        onProgress: (done, total) => update({ upload: { id: item.id, done, total } }),
        policy: deps.upload,
      });
      if (uploaded) return uploaded;
    }
    return item.kind === 'addition' ? deps.transport.sendAddition(item.referralId, item.addition) : deps.transport.send(item.submission);
  }

  /** Sends one item; true when the run should go on to the next. */
  async function sendOne(item: DueItem): Promise<boolean> {
    await deps.outbox.markSending(item.id, deps.clock.now());
    const outcome = await attempt(item).finally(() => {
      if (progress.upload) update({ upload: undefined });
    });
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
    if (outcome.kind === 'unauthorised') {
      await deps.outbox.markPaused(item.id, outcome.reason, now);
      update({ lastContactAt: now.toISOString(), lastError: outcome.reason, revoked: outcome.revoked || undefined });
      return false;
    }
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoffDelay(item.attempts, deps.random, policy));
    await deps.outbox.markRetry(item.id, item.attempts + 1, now.getTime() + wait, outcome.reason, now);
    update({ lastError: outcome.reason });
    // No signal or a struggling server: the rest would fail the same way, so wait for the next trigger.
    return false;
  }

  async function run(options: DrainOptions): Promise<void> {
    const dueAt = options.now ? Number.POSITIVE_INFINITY : deps.clock.now().getTime();
    update({ phase: 'sending', done: 0, total: await deps.outbox.countDue(dueAt) });
    try {
      // In batches, so a long queue is never read into memory at once. Every item sent leaves the due
      // set (delivered, refused) or ends the run (retry, paused), so this loop always ends.
      for (;;) {
        const batch = await deps.outbox.due(dueAt, BATCH_SIZE);
        if (batch.length === 0) return;
        for (const item of batch) {
          const goOn = await sendOne(item);
          update({ done: progress.done + 1, total: Math.max(progress.total, progress.done + 1) });
          if (!goOn) return;
        }
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

  function drain(options: DrainOptions = {}): Promise<SyncProgress> {
    if (running) {
      rerun = { now: Boolean(rerun?.now) || Boolean(options.now) };
      return running;
    }
    running = loop(options).finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    drain,
    async probeAndDrain() {
      if (!(await deps.transport.reachable())) return progress;
      update({ lastContactAt: deps.clock.now().toISOString() });
      return drain({ now: true });
    },
    async refreshStatuses(options = {}) {
      const now = deps.clock.now().getTime();
      if (!options.force && now - lastStatusRefresh < statusRefreshMs) return;
      const { ids, since } = await deps.outbox.delivered();
      if (ids.length === 0) return;
      const statuses = await deps.transport.statuses(ids, since);
      if (!statuses) return;
      lastStatusRefresh = now;
      await deps.outbox.applyStatuses(statuses);
    },
    recallContact(at) {
      if (!progress.lastContactAt || at > progress.lastContactAt) update({ lastContactAt: at });
    },
    progress: () => progress,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
