/**
 * Loads something once and hands every caller the same promise; a load that failed (a chunk not
 * fetched, offline before the app was cached) is forgotten, so the next caller asks again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
