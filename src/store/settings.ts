import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import type { IntakeKeyResponse } from '../shared/protocol.ts';

export const SETTINGS_DATABASE = 'nrm-field-settings';

export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const DEFAULT_BACKGROUND_LOCK_MINUTES = 2;

/** Small device settings that are not personal data, kept apart from the referral database. */
export function createSettings(store: UseStore = createStore(SETTINGS_DATABASE, 'settings')) {
  const number = async (name: string, fallback: number) => (await get<number>(name, store)) ?? fallback;
  return {
    lastContactAt: () => get<string>('lastContactAt', store),
    setLastContactAt: (at: string) => set('lastContactAt', at, store),
    /** The server's public intake key, kept so referrals can be sealed with no signal. */
    intakeKey: () => get<IntakeKeyResponse>('intakeKey', store),
    setIntakeKey: (key: IntakeKeyResponse) => set('intakeKey', key, store),
    autoLockMinutes: () => number('autoLockMinutes', DEFAULT_AUTO_LOCK_MINUTES),
    setAutoLockMinutes: (minutes: number) => set('autoLockMinutes', minutes, store),
    backgroundLockMinutes: () => number('backgroundLockMinutes', DEFAULT_BACKGROUND_LOCK_MINUTES),
    setBackgroundLockMinutes: (minutes: number) => set('backgroundLockMinutes', minutes, store),
    clear: () => clear(store),
  };
}

export type Settings = ReturnType<typeof createSettings>;
