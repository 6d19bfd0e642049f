import type { ListLookup } from '../../shared/form/model.ts';
import { findItem, isDutyToNotifyAuthority, type ReferenceList, type ReferenceListName } from '../../shared/reference-lists.ts';
import type { ReferenceLists } from './reference-lists.ts';
import { useReferenceLists } from './reference-lists-context.ts';

/** The rules' view of the lists a page checks, as held on the device. */
export async function listLookupFor(lists: ReferenceLists, names: readonly ReferenceListName[]): Promise<ListLookup> {
  const loaded = new Map<ReferenceListName, ReferenceList>();
  await Promise.all([...new Set(names)].map(async (name) => loaded.set(name, await lists.load(name))));
  return {
    find(list, text) {
      const held = loaded.get(list);
      return held ? findItem(held, text)?.value : undefined;
    },
    isDutyToNotifyAuthority(organisation) {
      const held = loaded.get('organisations');
      return held ? isDutyToNotifyAuthority(held, organisation) : false;
    },
  };
}

/** Loads the lists a page checks (from the device; never from the network while the page waits). */
export function useListLookup(): (names: readonly ReferenceListName[]) => Promise<ListLookup> {
  const lists = useReferenceLists();
  return async (names) => listLookupFor(await lists(), names);
}
