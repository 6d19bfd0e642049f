import { createStore } from 'idb-keyval';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createProfileStore, PROFILE_DATABASE, type ProfileState, type ProfileStore } from '../../store/responder-profile.ts';
import { useKey } from '../shell/services.ts';

/** One connection for the whole session, opened when a screen first needs the profile. */
const profileDatabase = createStore(PROFILE_DATABASE, 'settings');

export function useProfileStore(): ProfileStore {
  const key = useKey();
  return useMemo(() => createProfileStore(key, profileDatabase), [key]);
}

/** The responder's saved details, read once; undefined while reading. */
export function useResponderProfile(): [ProfileState | undefined, ProfileStore] {
  const store = useProfileStore();
  const [state, setState] = useState<ProfileState | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void store.load().then((loaded) => {
      if (current) setState(loaded);
    });
    return () => {
      current = false;
    };
  }, [store]);
  return [state, store];
}
