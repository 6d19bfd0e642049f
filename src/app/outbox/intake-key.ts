import { API_PATHS, intakeKeyResponseSchema, type IntakeKeyResponse } from '../../shared/protocol.ts';
import type { Settings } from '../../store/settings.ts';

/** Fetches the server's intake key and keeps it on the device; quietly does nothing without signal. */
export async function refreshIntakeKey(fetcher: typeof fetch, settings: Settings): Promise<IntakeKeyResponse | undefined> {
  try {
    const response = await fetcher(API_PATHS.intakeKey, { cache: 'no-store' });
    const parsed = intakeKeyResponseSchema.safeParse(response.ok ? await response.json() : undefined);
    if (!parsed.success) return undefined;
    await settings.setIntakeKey(parsed.data);
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** The key to seal to: the one kept on the device, or, the very first time, a fresh one. */
export async function intakeKeyFor(fetcher: typeof fetch, settings: Settings): Promise<IntakeKeyResponse | undefined> {
  return (await settings.intakeKey()) ?? refreshIntakeKey(fetcher, settings);
}
