import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from './api.ts';
import type { Failure } from './failures.ts';

export type Loaded<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; failure: Failure };

/**
 * Loads what a screen shows, again whenever `key` changes; a 401 ends the session on screen. Only the
 * latest request's answer is shown, so a slow answer to an earlier filter never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, key: string, onSessionEnded: () => void) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(
    async (quiet = false) => {
      const ticket = ++latest.current;
      if (!quiet) setState({ kind: 'loading' });
      const result = await loadRef.current();
      if (ticket !== latest.current) return;
      if (result.ok) return setState({ kind: 'loaded', value: result.value });
      if (result.failure.kind === 'signed-out') return onSessionEnded();
      setState({ kind: 'failed', failure: result.failure });
    },
    [onSessionEnded],
  );

  useEffect(() => void run(), [run, key]);
  /** `quiet`: keep showing what is there until the new answer comes (after a change made on this screen). */
  return { state, reload: (quiet = false) => run(quiet) };
}
