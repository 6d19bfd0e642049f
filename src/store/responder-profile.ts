import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { profileFrom, type ResponderProfile } from '../shared/form/responder-profile.ts';
import { box, unbox, type Boxed } from './box.ts';

/**
 * The device settings' database (settings.ts's SETTINGS_DATABASE, so wiping the device clears it too),
 * named here again: importing settings.ts into a lazily loaded screen would split it out of the first
 * load's chunk into a chunk of its own, which the first-load budget pays for.
 */
export const PROFILE_DATABASE = 'nrm-field-settings';
const PROFILE_KEY = 'responderProfile';
const PROFILE_CONTEXT = 'profile:responder';

/**
 * What is kept: the profile sealed with the device's data key, as drafts are (its context bound in,
 * so no other sealed value can be swapped in), or only that the responder said "do not keep my details".
 */
interface ProfileRecord {
  sealed?: Boxed;
  declined?: true;
}

export interface ProfileState {
  profile?: ResponderProfile;
  /** The responder was offered to keep their details and said no: they are not asked again. */
  declined: boolean;
}

/**
 * The responder's own details, on this device only. Kept beside the device settings (and so wiped with
 * them), in a module of its own so the first load does not carry it.
 */
export function createProfileStore(key: CryptoKey, store: UseStore = createStore(PROFILE_DATABASE, 'settings')) {
  return {
    async load(): Promise<ProfileState> {
      const record = await get<ProfileRecord>(PROFILE_KEY, store);
      if (!record) return { declined: false };
      const profile = record.sealed ? profileFrom(await unbox<ResponderProfile>(key, record.sealed, PROFILE_CONTEXT)) : undefined;
      return { ...(profile ? { profile } : {}), declined: record.declined === true };
    },
    /** Keeps the profile questions' answers (others, if any, are not kept). */
    async save(answers: ResponderProfile): Promise<void> {
      const record: ProfileRecord = { sealed: await box(key, profileFrom(answers), PROFILE_CONTEXT) };
      await set(PROFILE_KEY, record, store);
    },
    async decline(): Promise<void> {
      await set(PROFILE_KEY, { declined: true } satisfies ProfileRecord, store);
    },
    async forget(): Promise<void> {
      await del(PROFILE_KEY, store);
    },
  };
}

export type ProfileStore = ReturnType<typeof createProfileStore>;
