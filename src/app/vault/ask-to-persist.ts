/** Asks the browser to keep this app's storage; harmless where it says no. */
export async function askToPersist(): Promise<void> {
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Not supported: the settings page explains the risk.
  }
}
