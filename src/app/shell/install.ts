export type InstallState = 'hidden' | 'available' | 'ios';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
}

/**
 * Keeps the browser's install prompt for when the user asks for it. Browsers without one (iOS Safari)
 * get instructions instead, unless the app already runs installed.
 */
export function createInstallOffer(win: Window) {
  const listeners = new Set<(state: InstallState) => void>();
  const standalone = win.matchMedia('(display-mode: standalone)').matches || (win.navigator as { standalone?: boolean }).standalone === true;
  const ios = /iPhone|iPad|iPod/.test(win.navigator.userAgent);
  let deferred: BeforeInstallPromptEvent | undefined;
  let state: InstallState = !standalone && ios ? 'ios' : 'hidden';

  const set = (next: InstallState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };
  win.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    set('available');
  });
  win.addEventListener('appinstalled', () => set('hidden'));

  return {
    state: () => state,
    subscribe(listener: (state: InstallState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async install() {
      if (!deferred) return;
      const prompt = deferred;
      deferred = undefined;
      await prompt.prompt();
      set('hidden');
    },
  };
}

export type InstallOfferController = ReturnType<typeof createInstallOffer>;
