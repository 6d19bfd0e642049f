import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReferenceLists } from './reference-lists.ts';

/**
 * The reference lists, opened when first asked for: the module that holds them (and the lists
 * themselves) stays out of the first load. main.tsx provides it; the type-ahead and the list rules use it.
 */
export const ReferenceListsContext = createContext<(() => Promise<ReferenceLists>) | null>(null);

export function useReferenceLists(): () => Promise<ReferenceLists> {
  const lists = useContext(ReferenceListsContext);
  if (!lists) throw new Error('Reference lists missing: render inside <ReferenceListsContext.Provider>');
  return lists;
}
