import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A screen whose code loads when it is first shown (and is precached for offline use): nothing renders
 * until it is there. A chunk that cannot be fetched throws on render, for the nearest error boundary to
 * say so. Written here rather than taken from preact/compat's lazy and Suspense, which would put the whole
 * React compatibility layer in the first load for these few lines.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let failure: unknown;
  let loading: Promise<void> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        failure = error ?? new Error('The screen could not be loaded');
        // The next time the screen is asked for (after Try again), the fetch is tried again.
        loading = undefined;
      },
    ));
  return function LazyScreen(props: P) {
    const [, settled] = useState(0);
    useEffect(() => {
      if (loaded) return undefined;
      let live = true;
      void start().then(() => live && settled((n) => n + 1));
      return () => {
        live = false;
      };
    }, []);
    if (failure !== undefined) {
      const error = failure;
      failure = undefined;
      throw error;
    }
    return loaded ? h(loaded, props) : null;
  };
}
