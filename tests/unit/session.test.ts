import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/app/shell/session.ts';

function setup() {
  let now = 0;
  const session = createSession({ now: () => now, idleMs: () => 5 * 60_000, backgroundMs: () => 2 * 60_000 });
  return { session, advance: (ms: number) => (now += ms) };
}

const key = {} as CryptoKey; // the session only holds the key; it never uses it

describe('session locking', () => {
  it('locks after the idle time, and activity keeps it open', () => {
    const { session, advance } = setup();
    session.unlock(key);
    advance(4 * 60_000);
    session.touch();
    advance(4 * 60_000);
    session.check();
    expect(session.state().kind).toBe('unlocked');
    advance(60_000);
    session.check();
    expect(session.state()).toEqual({ kind: 'locked', hidden: false });
  });

  it('locks on return from a long time in the background, not a short one', () => {
    const { session, advance } = setup();
    session.unlock(key);
    session.wentToBackground();
    advance(60_000);
    session.cameToForeground();
    expect(session.state().kind).toBe('unlocked');
    session.wentToBackground();
    advance(2 * 60_000);
    session.cameToForeground();
    expect(session.state().kind).toBe('locked');
  });

  it('hides at once behind a neutral screen, and reveals only the unlock screen', () => {
    const { session } = setup();
    session.unlock(key);
    const seen: string[] = [];
    session.subscribe((state) => seen.push(state.kind === 'locked' ? `locked${state.hidden ? ' hidden' : ''}` : 'unlocked'));
    session.hide();
    session.reveal();
    expect(seen).toEqual(['locked hidden', 'locked']);
  });
});
