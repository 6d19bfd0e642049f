declare global {
  interface Window {
    /** For each watched selector: milliseconds from navigation start until it could take input. */
    benchReady?: Record<string, Promise<number>>;
  }
}

/**
 * Runs in the page before its own scripts (an init script). "Ready" is taken as: the element is in the
 * page, a frame has been painted with it, and the main thread is free again (a task queued after that
 * frame runs) — so a tap or a keystroke would be handled at once.
 */
export function readyProbe(selectors: string[]): void {
  // No named inner functions: tsx wraps those in a helper that does not exist in the page.
  window.benchReady = Object.fromEntries(
    selectors.map((selector) => [
      selector,
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        });
        observer.observe(document, { childList: true, subtree: true });
      }),
    ]),
  );
}
