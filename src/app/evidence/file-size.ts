/** Sizes as phones show them: decimal units, one decimal place from megabytes up. */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en-GB')} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

/** Space the browser still grants this app, or undefined where it cannot say. */
export async function freeSpace(): Promise<number | undefined> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate?.quota) return undefined;
    return Math.max(0, estimate.quota - (estimate.usage ?? 0));
  } catch {
    return undefined;
  }
}
