import { createStore, get, set, type UseStore } from 'idb-keyval';
import {
  compareVersions,
  referenceListNames,
  referenceListSchema,
  type ReferenceList,
  type ReferenceListData,
  type ReferenceListName,
} from '../../shared/reference-lists.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import { referenceList } from '../../sync/api-public.ts';

/** Where newer copies from the server are kept: public lists only, never anything personal. */
export const REFERENCE_DATABASE = 'nrm-field-reference';

/** A copy from the server, as sent, with the tag to ask about it next time. */
interface StoredList {
  etag: string;
  list: ReferenceListData;
}

/**
 * The copies shipped with the app. Each is its own lazily loaded chunk (never in the first-load bundle),
 * precached by the service worker with the rest of the app, so every list is there offline.
 */
const shipped: Record<ReferenceListName, () => Promise<{ default: unknown }>> = {
  organisations: () => import('../../shared/reference/lists/organisations.json'),
  'local-authorities': () => import('../../shared/reference/lists/local-authorities.json'),
  'uk-towns': () => import('../../shared/reference/lists/uk-towns.json'),
  'uk-regions': () => import('../../shared/reference/lists/uk-regions.json'),
  countries: () => import('../../shared/reference/lists/countries.json'),
  nationalities: () => import('../../shared/reference/lists/nationalities.json'),
  'police-forces': () => import('../../shared/reference/lists/police-forces.json'),
};

export interface ReferenceListDeps {
  api: ApiClient;
  store: UseStore;
  shipped?: Record<ReferenceListName, () => Promise<{ default: unknown }>>;
}

export function createReferenceLists({ api, store, shipped: bundled = shipped }: ReferenceListDeps) {
  // One parse per list and page load: several fields may show the same list.
  const loaded = new Map<ReferenceListName, Promise<ReferenceList>>();

  const parse = (name: ReferenceListName, data: unknown): ReferenceList | undefined => {
    const parsed = referenceListSchema.safeParse(data);
    return parsed.success && parsed.data.name === name ? parsed.data : undefined;
  };

  // A broken or unreadable store (private browsing, a full disk) must never cost the user the list.
  const stored = async (name: ReferenceListName): Promise<StoredList | undefined> => {
    try {
      return await get<StoredList>(name, store);
    } catch {
      return undefined;
    }
  };

  async function read(name: ReferenceListName): Promise<ReferenceList> {
    const [own, kept] = await Promise.all([bundled[name](), stored(name)]);
    const base = parse(name, own.default);
    if (!base) throw new Error(`The ${name} list shipped with the app does not parse`);
    const newer = kept && parse(name, kept.list);
    // The newer of the two: an app update may ship a newer list than the one kept from the server.
    return newer && compareVersions(newer.version, base.version) > 0 ? newer : base;
  }

  function load(name: ReferenceListName): Promise<ReferenceList> {
    let list = loaded.get(name);
    if (!list) {
      list = read(name);
      loaded.set(name, list);
      list.catch(() => loaded.delete(name));
    }
    return list;
  }

  /** Asks the server about one list; true when a changed copy was kept. Quietly false without signal. */
  async function refreshOne(name: ReferenceListName): Promise<boolean> {
    try {
      const kept = await stored(name);
      const answer = await referenceList(api, name, kept?.etag);
      if (!answer.ok || answer.value.kind === 'not-modified') return false;
      const { etag, list, data } = answer.value;
      await set(name, { etag, list: data } satisfies StoredList, store);
      // Fields opened from now on see it (if newer than the one in use); one already open keeps its copy.
      const inUse = loaded.get(name);
      if (inUse) {
        const current = await inUse.catch(() => undefined);
        if (!current || compareVersions(list.version, current.version) > 0) loaded.set(name, Promise.resolve(list));
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Asks the server (If-None-Match) about every list and keeps those that changed; never throws. */
  async function refresh(): Promise<ReferenceListName[]> {
    const changed = await Promise.all(referenceListNames.map(async (name) => ((await refreshOne(name)) ? [name] : [])));
    return changed.flat();
  }

  return { load, refresh };
}

export type ReferenceLists = ReturnType<typeof createReferenceLists>;

/** The app's reference lists: newer copies kept in their own small IndexedDB store, asked for through the API client. */
export function openReferenceLists(api: ApiClient): ReferenceLists {
  return createReferenceLists({ api, store: createStore(REFERENCE_DATABASE, 'lists') });
}
