import type { IntakeKeyResponse } from '../../shared/protocol.ts';
import type { Settings } from '../../store/settings.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import { intakeKey } from '../../sync/api-public.ts';

/** Fetches the server's intake key and keeps it on the device; quietly does nothing without signal. */
export async function refreshIntakeKey(api: ApiClient, settings: Settings): Promise<IntakeKeyResponse | undefined> {
  const answer = await intakeKey(api);
  if (!answer.ok) return undefined;
  try {
    await settings.setIntakeKey(answer.value);
    return answer.value;
  } catch {
    return undefined;
  }
}

/** The key to seal to: the one kept on the device, or, the very first time, a fresh one. */
export async function intakeKeyFor(api: ApiClient, settings: Settings): Promise<IntakeKeyResponse | undefined> {
  return (await settings.intakeKey()) ?? refreshIntakeKey(api, settings);
}
