/**
 * The unlocked data key, held in memory only, and the rules that take it away again: a lock button,
 * quick hide, inactivity, and time spent in the background.
 */
export type SessionState = { kind: 'locked'; hidden: boolean } | { kind: 'unlocked'; key: CryptoKey };

export interface SessionOptions {
  now: () => number;
  idleMs: () => number;
  backgroundMs: () => number;
}

export function createSession(options: SessionOptions) {
  let state: SessionState = { kind: 'locked', hidden: false };
  let lastActivity = options.now();
  let hiddenAt: number | undefined;
  const listeners = new Set<(state: SessionState) => void>();

  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  return {
    state: () => state,
    subscribe(listener: (state: SessionState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    unlock(key: CryptoKey) {
      lastActivity = options.now();
      set({ kind: 'unlocked', key });
    },
    lock() {
      set({ kind: 'locked', hidden: false });
    },
    /** Quick hide: locks at once and shows a neutral screen. */
    hide() {
      set({ kind: 'locked', hidden: true });
    },
    reveal() {
      if (state.kind === 'locked') set({ kind: 'locked', hidden: false });
    },
    /** Any touch or key press keeps the session open. */
    touch() {
      lastActivity = options.now();
    },
    /** Called on a timer and on return to the foreground; locks when a limit has passed. */
    check() {
      if (state.kind !== 'unlocked') return;
      const now = options.now();
      if (now - lastActivity >= options.idleMs()) this.lock();
      else if (hiddenAt !== undefined && now - hiddenAt >= options.backgroundMs()) this.lock();
    },
    wentToBackground() {
      hiddenAt = options.now();
    },
    cameToForeground() {
      this.check();
      hiddenAt = undefined;
      lastActivity = options.now();
    },
  };
}

export type Session = ReturnType<typeof createSession>;
