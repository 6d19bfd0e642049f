import { z } from 'zod/mini';

/**
 * The reference lists the form needs offline (docs/domain.md, "Reference lists"). Each is versioned data: the app ships a copy
 * (src/shared/reference/lists/*.json, made by scripts/reference-lists.ts) and the server may send a newer one.
 */
export const referenceListNames = ['organisations', 'local-authorities', 'uk-towns', 'uk-regions', 'countries', 'nationalities', 'police-forces'] as const;
export type ReferenceListName = (typeof referenceListNames)[number];

export function isReferenceListName(name: string): name is ReferenceListName {
  return (referenceListNames as readonly string[]).includes(name);
}

/** The value the live form stores for "United Kingdom"; overseas places never offer it. */
export const UNITED_KINGDOM = 'United Kingdom';

/** "2026-04-1": year, month, and the release within that month. */
const VERSION_PATTERN = /^(\d{4})-(\d{2})-(\d+)$/;

/**
 * On the wire and on disk an item is its value alone, a plain string, unless it carries more: a `label`
 * where that differs from the value (in every list today it never does) or, for organisations, `dtn`.
 * This keeps what the service worker must precache small. Parsed, every item has its label.
 */
const referenceValueSchema = z.string().check(z.trim(), z.minLength(1));
const referenceItemSchema = z.pipe(
  z.union([
    referenceValueSchema,
    z.object({
      value: referenceValueSchema,
      label: z.optional(z.string().check(z.minLength(1))),
      /** Organisations only: a public authority with the Duty to Notify (Modern Slavery Act 2015 s.52). */
      dtn: z.optional(z.boolean()),
    }),
  ]),
  z.transform((item): { value: string; label: string; dtn?: boolean } => {
    if (typeof item === 'string') return { value: item, label: item };
    const { value, label, dtn } = item;
    return dtn === undefined ? { value, label: label ?? value } : { value, label: label ?? value, dtn };
  }),
);

export const referenceListSchema = z
  .object({
    name: z.enum(referenceListNames),
    version: z.string().check(z.regex(VERSION_PATTERN, 'A list version looks like 2026-04-1')),
    items: z.array(referenceItemSchema).check(z.minLength(1)),
  })
  .check(
    z.refine((list) => new Set(list.items.map((item) => item.value)).size === list.items.length, {
      message: 'A reference list names each value once',
    }),
  );

export type ReferenceList = z.output<typeof referenceListSchema>;
export type ReferenceItem = ReferenceList['items'][number];
/** The list as stored and sent (labels only where they differ from values). */
export type ReferenceListData = z.input<typeof referenceListSchema>;

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => (VERSION_PATTERN.exec(version) ?? []).slice(1).map(Number);
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Case and runs of spaces do not matter when a typed answer is compared with the list. */
const loose = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * For searching: also without accents (Cwmbrân ~ cwmbran), apostrophes (King's ~ kings), and with
 * hyphens, slashes and the like read as spaces (Stoke-on-Trent ~ stoke on trent), "&" as "and".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Indexed {
  item: ReferenceItem;
  loose: string[];
  key: string;
  words: string[];
}

// Lists are immutable once parsed, so their search keys are worked out once per list, not per keystroke.
const indexes = new WeakMap<ReferenceList, Indexed[]>();
function indexOf(list: ReferenceList): Indexed[] {
  let index = indexes.get(list);
  if (!index) {
    index = list.items.map((item) => {
      const key = searchKey(item.label);
      return { item, loose: [loose(item.value), loose(item.label)], key, words: key.split(' ') };
    });
    indexes.set(list, index);
  }
  return index;
}

/**
 * The list's own item for a typed answer, ignoring case and spacing ("  cardiff /  caerdydd" finds
 * "Cardiff / Caerdydd"); failing that, ignoring accents too, when that names exactly one item.
 */
export function findItem(list: ReferenceList, text: string): ReferenceItem | undefined {
  const wanted = loose(text);
  if (!wanted) return undefined;
  const index = indexOf(list);
  const exact = index.find((entry) => entry.loose.includes(wanted));
  if (exact) return exact.item;
  const key = searchKey(text);
  const unaccented = index.filter((entry) => entry.key === key);
  return unaccented.length === 1 ? unaccented[0]?.item : undefined;
}

/**
 * Type-ahead suggestions: names that start with the query first, then names with a word that starts with
 * it, then names that contain it, then names in which every typed word starts a word ("met police" finds
 * "Metropolitan Police Service"). Within each group the values of `first` come first, in its order (the
 * largest places, for towns), then the rest alphabetically. Accents and case never matter.
 */
export function matchItems(list: ReferenceList, query: string, limit = 10, first: readonly string[] = []): ReferenceItem[] {
  const key = searchKey(query);
  if (!key || limit <= 0) return [];
  const typedWords = key.split(' ');
  const rankOf = (entry: Indexed): number | undefined => {
    if (entry.key.startsWith(key)) return 0;
    if (entry.key.includes(` ${key}`)) return 1;
    if (entry.key.includes(key)) return 2;
    if (typedWords.length > 1 && typedWords.every((typed) => entry.words.some((word) => word.startsWith(typed)))) return 3;
    return undefined;
  };
  const ranked: { rank: number; item: ReferenceItem }[] = [];
  for (const entry of indexOf(list)) {
    const rank = rankOf(entry);
    if (rank !== undefined) ranked.push({ rank, item: entry.item });
  }
  const place = (item: ReferenceItem) => {
    const at = first.indexOf(item.value);
    return at < 0 ? first.length : at;
  };
  ranked.sort((a, b) => a.rank - b.rank || place(a.item) - place(b.item) || a.item.label.localeCompare(b.item.label, 'en-GB', { sensitivity: 'base' }));
  return ranked.slice(0, limit).map((entry) => entry.item);
}

/** Whether the organisation named (as the form stores it) is a public authority with the Duty to Notify. */
export function isDutyToNotifyAuthority(organisations: ReferenceList, value: string): boolean {
  return findItem(organisations, value)?.dtn === true;
}

/** The countries list without the United Kingdom, for places of exploitation overseas. */
export function countriesExcludingUk(list: ReferenceList): ReferenceList {
  return { ...list, items: list.items.filter((item) => item.value !== UNITED_KINGDOM) };
}
