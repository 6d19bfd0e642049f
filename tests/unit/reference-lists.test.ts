import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildList, dedupe, formatList, isDutyToNotify, parseListSource } from '../../scripts/reference-lists.ts';
import {
  compareVersions,
  countriesExcludingUk,
  findItem,
  isDutyToNotifyAuthority,
  matchItems,
  referenceListNames,
  referenceListSchema,
  searchKey,
  type ReferenceList,
  type ReferenceListName,
} from '../../src/shared/reference-lists.ts';
import { LARGEST_UK_PLACES } from '../../src/shared/reference/largest-uk-places.ts';
import { REGION_OF_TOWN, regionOfTown } from '../../src/shared/reference/region-of-town.ts';

const DATA = new URL('../../src/shared/reference/lists/', import.meta.url);
const raw = (name: ReferenceListName) => readFileSync(new URL(`${name}.json`, DATA), 'utf8');
const load = (name: ReferenceListName) => referenceListSchema.parse(JSON.parse(raw(name)));
const listOf = (...values: string[]): ReferenceList => referenceListSchema.parse({ name: 'uk-towns', version: '2026-04-1', items: values.map((value) => ({ value })) });
const values = (items: { value: string }[]) => items.map((item) => item.value);

describe('the shipped lists', () => {
  // Sizes of the live form's lists at the source version these were made from (scripts/reference-lists.ts).
  const sizes: Record<ReferenceListName, number> = {
    organisations: 505,
    'local-authorities': 451,
    'uk-towns': 1608,
    'uk-regions': 98,
    countries: 196,
    nationalities: 222,
    'police-forces': 47,
  };

  it.each(referenceListNames)('%s parses, is named and versioned, and names each value once', (name) => {
    const list = load(name);
    expect(list.name).toBe(name);
    expect(list.version).toBe('2026-04-1');
    expect(list.items).toHaveLength(sizes[name]);
    expect(new Set(values(list.items)).size).toBe(list.items.length);
    for (const item of list.items) {
      expect(item.value).toBe(item.value.trim());
      expect(item.label).toBe(item.value);
    }
    // What the generator writes is what is committed.
    expect(formatList(JSON.parse(raw(name)))).toBe(raw(name));
  });

  it('have Unknown where the form offers it, and nationalities start with it', () => {
    for (const name of ['uk-towns', 'uk-regions', 'countries', 'nationalities'] as const) expect(findItem(load(name), 'Unknown')?.value).toBe('Unknown');
    expect(load('nationalities').items[0]?.value).toBe('Unknown');
  });

  it('keep one of each town that several places share', () => {
    const towns = load('uk-towns');
    for (const name of ['Blackburn', 'Newport', 'Richmond', 'St Ives', 'Acton']) expect(values(towns.items).filter((value) => value === name)).toEqual([name]);
    expect(findItem(towns, 'Dromore')?.value).toBe('Dromore');
  });

  it('refuse a list that names a value twice, or has no version', () => {
    expect(referenceListSchema.safeParse({ name: 'uk-towns', version: '2026-04-1', items: [{ value: 'Ayr' }, { value: 'Ayr' }] }).success).toBe(false);
    expect(referenceListSchema.safeParse({ name: 'uk-towns', version: 'latest', items: [{ value: 'Ayr' }] }).success).toBe(false);
    expect(referenceListSchema.safeParse({ name: 'towns', version: '2026-04-1', items: [{ value: 'Ayr' }] }).success).toBe(false);
  });
});

describe('Duty to Notify', () => {
  const organisations = load('organisations');
  const dtn = (value: string) => isDutyToNotifyAuthority(organisations, value);

  it('marks police forces, councils, the Home Office, the GLAA and the NCA in England and Wales', () => {
    for (const name of [
      'Metropolitan Police Service',
      'South Wales Police',
      'British Transport Police',
      'Kent County Council',
      'London Borough of Tower Hamlets',
      'City of Cardiff Council',
      'Greater London Authority',
      'Council of the Isles of Scilly',
      'Home Office - UK Visas and Immigration UKVI',
      'Home Office - UK Border Force UKBF',
      'Home Office - Immigration Enforcement IE',
      'Gangmasters and Labour Abuse Authority GLAA',
      'National Crime Agency NCA',
      'Tarian ROCU',
    ]) {
      expect(dtn(name), name).toBe(true);
    }
  });

  it('does not mark charities, or public bodies outside England and Wales or not specified', () => {
    for (const name of [
      'The Salvation Army',
      "Barnardo's",
      'Migrant Help',
      'Refugee Council',
      'National Society for the Prevention of Cruelty to Children NSPCC CTAC',
      'Police Scotland',
      'Police Service of Northern Ireland',
      'Glasgow City Council',
      'Belfast City Council',
      'Health and Social Care Trusts - HSC Trusts',
      'West Midlands Combined Authority',
    ]) {
      expect(dtn(name), name).toBe(false);
    }
  });

  it('reads the answer as typed, and says no to a name not in the list', () => {
    expect(dtn('  kent police ')).toBe(true);
    expect(dtn('Kent Poliss')).toBe(false);
  });

  it('is the rule the generator applies, and every organisation has an answer', () => {
    for (const item of organisations.items) expect(item.dtn).toBe(isDutyToNotify(item.value));
    expect(organisations.items.filter((item) => item.dtn)).toHaveLength(437);
  });
});

describe('findItem', () => {
  const towns = load('uk-towns');

  it('finds the list’s own spelling whatever the case and spacing', () => {
    expect(findItem(towns, 'cardiff / caerdydd')?.value).toBe('Cardiff / Caerdydd');
    expect(findItem(towns, '  STOKE-ON-TRENT  ')?.value).toBe('Stoke-on-Trent');
    expect(findItem(towns, 'Kingston  upon   Hull')?.value).toBe('Kingston upon Hull');
  });

  it('forgives missing accents when that names one item', () => {
    expect(findItem(towns, 'cwmbran')?.value).toBe('Cwmbrân');
  });

  it('finds nothing for a part of a name, a misspelling, or nothing at all', () => {
    expect(findItem(towns, 'Cardiff')).toBeUndefined();
    expect(findItem(towns, 'Manchestr')).toBeUndefined();
    expect(findItem(towns, '   ')).toBeUndefined();
  });
});

describe('matchItems', () => {
  it('puts names that start with the query first, then word starts, then the rest that contain it', () => {
    const list = listOf('Ayr', 'Hay-on-Wye / Y Gelli Gandryll', 'Bayreuth', 'Ayrshire', 'Prestwick Ayr', 'Mayr');
    expect(values(matchItems(list, 'ayr', 10))).toEqual(['Ayr', 'Ayrshire', 'Prestwick Ayr', 'Bayreuth', 'Mayr']);
  });

  it('ignores case, accents, apostrophes and punctuation', () => {
    const towns = load('uk-towns');
    expect(values(matchItems(towns, 'cwmbran', 10))).toEqual(['Cwmbrân']);
    expect(values(matchItems(towns, 'kings lynn', 10))).toEqual(["King's Lynn"]);
    expect(values(matchItems(towns, 'stoke on', 10))).toEqual(['Stoke-on-Trent']);
    expect(values(matchItems(towns, 'ABERDAR', 10))).toEqual(['Aberdare / Aberdâr']);
  });

  it('finds names in which every typed word starts a word, after the other kinds', () => {
    const organisations = load('organisations');
    expect(values(matchItems(organisations, 'met police', 10))).toEqual(['Metropolitan Police Service']);
    expect(values(matchItems(organisations, 'devon and', 3))).toEqual(['Devon & Cornwall Police']);
  });

  it('stops at the limit, and suggests nothing for an empty query', () => {
    const towns = load('uk-towns');
    expect(matchItems(towns, 'b', 10)).toHaveLength(10);
    expect(values(matchItems(towns, 'b', 3))).toEqual(['Bacup', 'Baildon', 'Bakewell']);
    expect(matchItems(towns, '  ', 10)).toEqual([]);
    expect(matchItems(towns, 'zzzz', 10)).toEqual([]);
  });
});

describe('matchItems, with the largest places first', () => {
  const towns = load('uk-towns');

  it('names every one of the largest places exactly as the towns list does, once', () => {
    expect(LARGEST_UK_PLACES.filter((name) => findItem(towns, name)?.value !== name)).toEqual([]);
    expect(new Set(LARGEST_UK_PLACES).size).toBe(LARGEST_UK_PLACES.length);
  });

  it('gives a largest place a region only as the two lists name them', () => {
    const regions = load('uk-regions');
    const pairs = Object.entries(REGION_OF_TOWN);
    expect(pairs.filter(([town, region]) => findItem(towns, town)?.value !== town || findItem(regions, region)?.value !== region)).toEqual([]);
    expect(pairs.filter(([town]) => !LARGEST_UK_PLACES.includes(town))).toEqual([]);
    expect(regionOfTown('Leeds')).toBe('West Yorkshire');
    expect(regionOfTown('Belfast')).toBeUndefined();
    expect(regionOfTown('constructor')).toBeUndefined();
  });

  it('offers Leeds and Leicester before Leatherhead and Leek after "le", the rest alphabetically', () => {
    expect(values(matchItems(towns, 'le', 5, LARGEST_UK_PLACES))).toEqual(['Leeds', 'Leicester', 'Leatherhead', 'Lechlade-on-Thames', 'Ledbury']);
  });

  it('still puts a better match before a larger place: names starting "ston" before Kingston upon Hull, Preston and Maidstone', () => {
    expect(values(matchItems(towns, 'ston', 6, LARGEST_UK_PLACES))).toEqual(['Stone', 'Stonehaven', 'Stonehouse', 'Kingston upon Hull', 'Preston', 'Maidstone']);
  });

  it('changes nothing without the list of largest places', () => {
    expect(values(matchItems(towns, 'le', 3))).toEqual(['Leatherhead', 'Lechlade-on-Thames', 'Ledbury']);
  });
});

describe('helpers', () => {
  it('countriesExcludingUk leaves out the United Kingdom and nothing else', () => {
    const countries = load('countries');
    const overseas = countriesExcludingUk(countries);
    expect(overseas.items).toHaveLength(countries.items.length - 1);
    expect(findItem(overseas, 'United Kingdom')).toBeUndefined();
    expect(findItem(overseas, 'Unknown')?.value).toBe('Unknown');
  });

  it('compareVersions orders by year, month and release', () => {
    expect(compareVersions('2026-04-2', '2026-04-1')).toBeGreaterThan(0);
    expect(compareVersions('2026-04-10', '2026-04-9')).toBeGreaterThan(0);
    expect(compareVersions('2026-03-9', '2026-04-1')).toBeLessThan(0);
    expect(compareVersions('2026-04-1', '2026-04-1')).toBe(0);
  });

  it('searchKey reads accents, apostrophes, & and punctuation away', () => {
    expect(searchKey("Bo'ness")).toBe('boness');
    expect(searchKey('Mid & East Antrim')).toBe('mid and east antrim');
    expect(searchKey('Stornoway / Steòrnabhagh')).toBe('stornoway steornabhagh');
  });
});

describe('the generator', () => {
  const source = `'use strict'
const towns = [
  {value:"Ayr",label:"Ayr"},
 //{value:"Gone",label:"Gone"},
  {value:"Dromore ",label:"Dromore "},
  {value:"Ayr",label:"Ayr"},
  {value: 'Citizen of Vanuatu ', label: 'Citizen of Vanuatu '},
  {value:"Bo'ness",label:"Bo'ness (Borrowstounness)"}
];`;

  it('reads the entries, skips commented ones and trims values', () => {
    expect(parseListSource(source)).toEqual([
      { value: 'Ayr', label: 'Ayr' },
      { value: 'Dromore', label: 'Dromore' },
      { value: 'Ayr', label: 'Ayr' },
      { value: 'Citizen of Vanuatu', label: 'Citizen of Vanuatu' },
      { value: "Bo'ness", label: "Bo'ness (Borrowstounness)" },
    ]);
  });

  it('keeps the first of each value, an item as its value alone, and a label only where it differs', () => {
    expect(dedupe([{ value: 'a' }, { value: 'b' }, { value: 'a' }])).toEqual([{ value: 'a' }, { value: 'b' }]);
    const list = buildList('uk-towns', '2026-05-1', source);
    expect(list.items).toEqual(['Ayr', 'Dromore', 'Citizen of Vanuatu', { value: "Bo'ness", label: "Bo'ness (Borrowstounness)" }]);
    expect(referenceListSchema.parse(list).items).toEqual([
      { value: 'Ayr', label: 'Ayr' },
      { value: 'Dromore', label: 'Dromore' },
      { value: 'Citizen of Vanuatu', label: 'Citizen of Vanuatu' },
      { value: "Bo'ness", label: "Bo'ness (Borrowstounness)" },
    ]);
  });

  it('marks organisations by the Duty to Notify rule', () => {
    const list = buildList('organisations', '2026-05-1', '{value:"Kent Police",label:"Kent Police"},\n{value:"Unseen",label:"Unseen"}');
    expect(list.items).toEqual([
      { value: 'Kent Police', dtn: true },
      { value: 'Unseen', dtn: false },
    ]);
  });
});
