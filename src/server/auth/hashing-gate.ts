/** Thrown when every hashing slot is taken and the queue is full: the route answers 503 with Retry-After. */
export class HashingBusyError extends Error {
  constructor() {
    super('Too many password checks are waiting');
  }
}

/** How long a refused sign-in is asked to wait: a few hashes' time, so the queue has moved on. */
export const HASHING_BUSY_RETRY_AFTER_SECONDS = 5;

export interface HashingGateStats {
  running: number;
  waiting: number;
  /** The most that ever ran at once: never above the concurrency. */
  peakRunning: number;
  /** How many were refused with HashingBusyError. */
  refused: number;
}

export interface HashingGate {
  /** Runs `task` once a slot is free, in order of arrival; throws HashingBusyError at once when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  stats(): HashingGateStats;
}

/**
 * Password hashing (scrypt, 64 MiB and ~0.4 s each) runs on Node's thread pool of four threads, which
 * intake's HPKE and the rest of node:crypto share. Fifty sign-ins at once took every thread for ten
 * seconds and stalled referrals; this lets `concurrency` hashes run and `maxWaiting` wait, and refuses
 * the rest, so the pool always has threads for intake.
 */
export function createHashingGate({ concurrency, maxWaiting }: { concurrency: number; maxWaiting: number }): HashingGate {
  let running = 0;
  let peakRunning = 0;
  let refused = 0;
  const queue: (() => void)[] = [];

  function release(): void {
    const next = queue.shift();
    // A waiting task takes the slot over; only when none waits does the slot come free.
    if (next) next();
    else running -= 1;
  }

  return {
    async run(task) {
      if (running < concurrency) {
        running += 1;
        peakRunning = Math.max(peakRunning, running);
      } else if (queue.length >= maxWaiting) {
        refused += 1;
        throw new HashingBusyError();
      } else {
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: queue.length, peakRunning, refused }),
  };
}
