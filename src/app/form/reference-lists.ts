import { createStore, get, set, type UseStore } from 'idb-keyval';
import { API_PATHS } from '../../shared/protocol.ts';
import {
  compareVersions,
  referenceListNames,
  referenceListSchema,
  type ReferenceList,
  type ReferenceListData,
  type ReferenceListName,
} from '../../shared/reference-lists.ts';

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
  fetch: typeof fetch;
  store: UseStore;
  shipped?: Record<ReferenceListName, () => Promise<{ default: unknown }>>;
}

export function createReferenceLists({ fetch, store, shipped: bundled = shipped }: ReferenceListDeps) {
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
      const response = await fetch(API_PATHS.reference.replace(':list', name), {
        cache: 'no-store',
        headers: kept ? { 'if-none-match': kept.etag } : {},
      });
      const etag = response.headers.get('etag');
      if (response.status !== 200 || !etag) return false;
      const data: unknown = await response.json();
      const list = parse(name, data);
      if (!list) return false;
      await set(name, { etag, list: data as ReferenceListData } satisfies StoredList, store);
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

let lists: ReferenceLists | undefined;
/** The app's one source of reference lists, made on first use (the lists are the same for every screen). */
function appLists(): ReferenceLists {
  lists ??= createReferenceLists({ fetch: (...args) => fetch(...args), store: createStore(REFERENCE_DATABASE, 'lists') });
  return lists;
}

/** A reference list: the newest held on the device, offline or not. */
export function loadReferenceList(name: ReferenceListName): Promise<ReferenceList> {
  return appLists().load(name);
}

/** Fetches newer lists from the server when it can be reached (call when online; harmless when not). */
export function refreshReferenceLists(): Promise<ReferenceListName[]> {
  return appLists().refresh();
}
