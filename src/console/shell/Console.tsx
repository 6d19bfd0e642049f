import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConsoleApi, SignedIn } from './api.ts';
import { Checking } from './Checking.tsx';
import { SetPassword } from '../admin/SetPassword.tsx';
import { Desk } from './Desk.tsx';
import { paths } from './routes.ts';
import { SignIn, type SignInNotice } from './SignIn.tsx';
import { Unreachable } from './Unreachable.tsx';
import { useSessionWatch } from './use-session-watch.ts';

/** Remembers, for this tab only, that someone was signed in: a 401 then means "ended", not "never began". */
export interface SignedInMemory {
  was(): boolean;
  set(signedIn: boolean): void;
}

type Screen =
  | { kind: 'checking' }
  | { kind: 'unreachable' }
  | { kind: 'sign-in'; notice: SignInNotice | undefined }
  | { kind: 'signed-in'; signedIn: SignedIn };

export function Console({ api, memory }: { api: ConsoleApi; memory: SignedInMemory }) {
  const [screen, setScreen] = useState<Screen>({ kind: 'checking' });

  const check = useCallback(async () => {
    const result = await api.session();
    if (result.ok) {
      memory.set(true);
      return setScreen({ kind: 'signed-in', signedIn: result.value });
    }
    if (result.failure.kind === 'unreachable') return setScreen({ kind: 'unreachable' });
    const ended = memory.was();
    memory.set(false);
    setScreen({ kind: 'sign-in', notice: ended ? 'session-ended' : undefined });
  }, [api, memory]);

  useEffect(() => void check(), [check]);

  const onSignedIn = useCallback(
    (value: SignedIn) => {
      memory.set(true);
      setScreen({ kind: 'signed-in', signedIn: value });
    },
    [memory],
  );
  const onSignedOut = useCallback(() => {
    memory.set(false);
    setScreen({ kind: 'sign-in', notice: 'signed-out' });
  }, [memory]);
  const onSessionEnded = useCallback(() => {
    memory.set(false);
    setScreen({ kind: 'sign-in', notice: 'session-ended' });
  }, [memory]);

  useSessionWatch(api, screen.kind === 'signed-in' ? screen.signedIn : undefined, { renewed: onSignedIn, ended: onSessionEnded });

  // Choosing a password with a one-time code needs no session, whoever is signed in on this browser.
  if (location.pathname === paths.setPassword) return <SetPassword api={api} />;
  switch (screen.kind) {
    case 'checking':
      return <Checking />;
    case 'unreachable':
      return <Unreachable onRetry={() => void check()} />;
    case 'sign-in':
      return <SignIn api={api} notice={screen.notice} onSignedIn={onSignedIn} />;
    case 'signed-in':
      return <Desk api={api} signedIn={screen.signedIn} onSignedOut={onSignedOut} onSessionEnded={onSessionEnded} />;
  }
}
