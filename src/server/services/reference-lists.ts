import { createHash } from 'node:crypto';
import type { ListLookup } from '../../shared/form/model.ts';
import countries from '../../shared/reference/lists/countries.json' with { type: 'json' };
import localAuthorities from '../../shared/reference/lists/local-authorities.json' with { type: 'json' };
import nationalities from '../../shared/reference/lists/nationalities.json' with { type: 'json' };
import organisations from '../../shared/reference/lists/organisations.json' with { type: 'json' };
import policeForces from '../../shared/reference/lists/police-forces.json' with { type: 'json' };
import ukRegions from '../../shared/reference/lists/uk-regions.json' with { type: 'json' };
import ukTowns from '../../shared/reference/lists/uk-towns.json' with { type: 'json' };
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

/**
 * The lists shipped with this release, as stored: the same files the app bundles, imported rather than
 * read from disk so that the built server (scripts/build-server.ts) carries them in its one file.
 */
const SHIPPED: Record<ReferenceListName, unknown> = {
  organisations,
  'local-authorities': localAuthorities,
  'uk-towns': ukTowns,
  'uk-regions': ukRegions,
  countries,
  nationalities,
  'police-forces': policeForces,
};

/**
 * Checks every list once. Every instance of a release ships the same lists, so every instance serves the
 * same bytes and the same ETags: no state of its own.
 */
export function loadReferenceLists(shipped: Record<ReferenceListName, unknown> = SHIPPED): ReferenceLists {
  const lists = new Map<string, ServedReferenceList & { values: Set<string> }>();
  for (const name of referenceListNames) {
    const stored = shipped[name];
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
