import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component loaded after first render, once `load` is given; undefined until it is there, and for
 * good if it cannot be fetched.
 */
export function useLazy<P>(load: (() => Promise<ComponentType<P>>) | undefined): ComponentType<P> | undefined {
  const [loaded, setLoaded] = useState<{ component: ComponentType<P> } | undefined>(undefined);
  useEffect(() => {
    if (!load) return undefined;
    let current = true;
    load().then(
      (component) => current && setLoaded({ component }),
      () => undefined, // Not cached yet and no signal: the screen works without it.
    );
    return () => {
      current = false;
    };
  }, [load]);
  return loaded?.component;
}
