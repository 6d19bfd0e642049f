import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ListLookup } from '../../shared/form/model.ts';
import {
  findItem,
  isDutyToNotifyAuthority,
  isReferenceListName,
  referenceListNames,
  referenceListSchema,
  type ReferenceList,
  type ReferenceListName,
} from '../../shared/reference-lists.ts';

/** What GET /api/v1/reference/:list sends: the list as stored, and its strong validator. */
export interface ServedReferenceList {
  list: ReferenceList;
  /** Compact JSON, the same bytes on every instance that ships the same files. */
  body: string;
  /** `"sha256-…"` of the body (quoted, as HTTP wants an entity tag). */
  etag: string;
}

export interface ReferenceLists {
  get(name: ReferenceListName): ReferenceList;
  /** The list to send for a name from a URL, or undefined when there is no list of that name. */
  served(name: string): ServedReferenceList | undefined;
  /** Whether `value` is exactly one of the list's values, as the form stores them (for checking answers). */
  includes(name: ReferenceListName, value: string): boolean;
  /** The list's own value for a loosely typed one (case, spacing, accents), if there is exactly one. */
  canonical(name: ReferenceListName, text: string): string | undefined;
}

export const REFERENCE_DATA_DIR = new URL('../../shared/reference/lists/', import.meta.url);

/**
 * Reads and checks every list once. They are the files shipped with this release (the same ones the app
 * bundles), so every instance serves the same bytes and the same ETags: no state of its own.
 */
export function loadReferenceLists(dir: URL = REFERENCE_DATA_DIR): ReferenceLists {
  const lists = new Map<string, ServedReferenceList & { values: Set<string> }>();
  for (const name of referenceListNames) {
    const stored: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
    const list = referenceListSchema.parse(stored);
    if (list.name !== name) throw new Error(`${name}.json holds the list "${list.name}"`);
    const body = JSON.stringify(stored);
    const etag = `"sha256-${createHash('sha256').update(body).digest('base64url')}"`;
    lists.set(name, { list, body, etag, values: new Set(list.items.map((item) => item.value)) });
  }
  const entry = (name: ReferenceListName) => {
    const found = lists.get(name);
    if (!found) throw new Error(`No reference list "${name}"`);
    return found;
  };
  return {
    get: (name) => entry(name).list,
    served: (name) => (isReferenceListName(name) ? entry(name) : undefined),
    includes: (name, value) => entry(name).values.has(value),
    canonical: (name, text) => findItem(entry(name).list, text)?.value,
  };
}

/** The form's list rules see only exact values here: the device sends the list's own spelling. */
export function listLookupOf(lists: ReferenceLists): ListLookup {
  return {
    find: (name, text) => (lists.includes(name, text) ? text : undefined),
    isDutyToNotifyAuthority: (organisation) => isDutyToNotifyAuthority(lists.get('organisations'), organisation),
  };
}

let shipped: ReferenceLists | undefined;
/** The lists shipped with this release, read on first use. */
export function shippedReferenceLists(): ReferenceLists {
  shipped ??= loadReferenceLists();
  return shipped;
}
