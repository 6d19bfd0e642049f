import type { ListLookup } from '../../shared/form/model.ts';
import { findItem, isDutyToNotifyAuthority, type ReferenceList, type ReferenceListName } from '../../shared/reference-lists.ts';
import { loadReferenceList } from './reference-lists.ts';

/** Loads the lists a page checks (from the device; never from the network while the page waits). */
export async function listLookupFor(names: readonly ReferenceListName[]): Promise<ListLookup> {
  const loaded = new Map<ReferenceListName, ReferenceList>();
  await Promise.all([...new Set(names)].map(async (name) => loaded.set(name, await loadReferenceList(name))));
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
