import type { Page } from 'playwright-core';

/** What the responder did, counted in the page as it happened. */
export interface Counts {
  taps: number;
  keystrokes: number;
  /** Screens shown (each change of address, Back included). */
  screens: number;
}

interface Action {
  kind: 'tap' | 'keys';
  count: number;
  path: string;
}

/**
 * Counts a responder's taps (one per trusted pointerdown on the page, and one for each text field
 * focused without one, as a finger would tap into it) and keystrokes (the characters each trusted
 * input event inserts, so a filled-in field costs what typing it would) and the screens passed
 * through, for the whole life of `page`. `mark()` starts a stretch; `since(mark)` counts it.
 */
export async function countActions(page: Page) {
  const actions: Action[] = [];
  const screens: string[] = [];
  await page.exposeBinding('__nrmCount', (_source, action: Action) => {
    actions.push(action);
  });
  await page.addInitScript(() => {
    const report = (kind: 'tap' | 'keys', count: number) => (window as unknown as { __nrmCount: (action: Action) => void }).__nrmCount({ kind, count, path: location.pathname });
    let tapped: EventTarget | null = null;
    addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted) return;
        tapped = event.target;
        report('tap', 1);
      },
      true,
    );
    // A test fills a field without tapping it first; a responder taps into it, so that tap is counted too.
    addEventListener(
      'focusin',
      (event) => {
        const field = event.target;
        const typesInto = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && ['text', 'email', 'tel', 'number', 'password', 'search', 'date'].includes(field.type));
        if (typesInto && tapped !== field) report('tap', 1);
        tapped = null;
      },
      true,
    );
    addEventListener(
      'input',
      (event) => {
        const typed = event instanceof InputEvent && event.isTrusted ? (event.data?.length ?? 0) : 0;
        if (typed > 0) report('keys', typed);
      },
      true,
    );
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const path = new URL(frame.url()).pathname;
    if (screens.at(-1) !== path) screens.push(path);
  });
  const mark = () => ({ actions: actions.length, screens: screens.length });
  const since = (from: { actions: number; screens: number }, onPath: (path: string) => boolean = () => true): Counts => {
    const counted = actions.slice(from.actions).filter((action) => onPath(action.path));
    const sum = (kind: Action['kind']) => counted.filter((action) => action.kind === kind).reduce((total, action) => total + action.count, 0);
    return { taps: sum('tap'), keystrokes: sum('keys'), screens: screens.length - from.screens };
  };
  /** Taps and keystrokes by screen (the last part of its address), to see where a journey spends them. */
  const byScreen = (from: { actions: number }): Record<string, { taps: number; keystrokes: number }> => {
    const screensSeen: Record<string, { taps: number; keystrokes: number }> = {};
    for (const action of actions.slice(from.actions)) {
      const screen = (screensSeen[action.path.split('/').at(-1) || 'home'] ??= { taps: 0, keystrokes: 0 });
      if (action.kind === 'tap') screen.taps += action.count;
      else screen.keystrokes += action.count;
    }
    return screensSeen;
  };
  return { mark, since, byScreen };
}
