import { useEffect, useState } from 'preact/hooks';
import type { ConsoleApi, SignedIn } from './api.ts';
import { msUntilSessionEnds } from './session-end.ts';

/** When the server cannot be asked, ask again this much later, and leave the screen as it is meanwhile. */
const RETRY_MS = 60_000;

/**
 * Looks again just after the server would have ended the session, so the page never shows someone
 * as signed in who is not. The look counts as use of the session only if the session is still alive.
 */
export function useSessionWatch(api: ConsoleApi, signedIn: SignedIn | undefined, on: { renewed: (value: SignedIn) => void; ended: () => void }) {
  const [retries, setRetries] = useState(0);
  const { renewed, ended } = on;
  useEffect(() => {
    if (!signedIn) return undefined;
    let live = true;
    const delay = retries === 0 ? msUntilSessionEnds(signedIn.session, signedIn.serverTime) : RETRY_MS;
    const timer = setTimeout(async () => {
      const result = await api.session();
      if (!live) return;
      if (result.ok) {
        setRetries(0);
        renewed(result.value);
      } else if (result.failure.kind === 'unreachable') setRetries((n) => n + 1);
      else ended();
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, signedIn, retries, renewed, ended]);
}
