import { createStore, get, set, type UseStore } from 'idb-keyval';

/** Small device settings that are not personal data, kept apart from the referral database. */
export function createSettings(store: UseStore = createStore('nrm-field-settings', 'settings')) {
  return {
    lastContactAt: () => get<string>('lastContactAt', store),
    setLastContactAt: (at: string) => set('lastContactAt', at, store),
  };
}

export type Settings = ReturnType<typeof createSettings>;
