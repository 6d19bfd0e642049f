// Rebuilds the reference lists the app ships (src/shared/reference/lists/*.json) from the live NRM form's own
// lists: the `ms-lists/*.js` files of the public UKHomeOffice/modern-slavery repository.
//
//   node --import tsx scripts/reference-lists.ts <folder holding ms-lists/*.js> [--version 2026-04-1]
//
// Values are trimmed (the source has "Dromore " and "Citizen of Vanuatu "), commented-out entries are
// skipped, and a name that occurs twice is kept once (the towns list has 13 such names, e.g. three
// Blackburns, for places in different counties: the form stores only the name). Give each rebuild a new
// version: devices keep whichever copy is newer, the one they shipped with or the one the server sent.
// What the lists are, where they come from and how the app uses them: docs/domain.md, "Reference lists".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { referenceListNames, referenceListSchema, type ReferenceListData, type ReferenceListName } from '../src/shared/reference-lists.ts';

export const DATA_DIR = new URL('../src/shared/reference/lists/', import.meta.url);

/** Which file of the live form each list comes from. */
export const SOURCES: Record<ReferenceListName, string> = {
  organisations: 'ms_organisations.js',
  'local-authorities': 'ms_uk_local_authorities.js',
  'uk-towns': 'ms_uk_cities_and_towns.js',
  'uk-regions': 'ms_uk_regions.js',
  countries: 'ms_countries.js',
  nationalities: 'ms_nationalities.js',
  'police-forces': 'ms_uk_police_forces.js',
};

const ENTRY = /\{\s*value:\s*(["'])(.*?)\1\s*,\s*label:\s*(["'])(.*?)\3\s*\}/;

/** The `{value, label}` entries of one source file, in order, leaving out lines that are commented out. */
export function parseListSource(text: string): { value: string; label: string }[] {
  const entries: { value: string; label: string }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('//')) continue;
    const match = ENTRY.exec(line);
    if (match) entries.push({ value: (match[2] ?? '').trim(), label: (match[4] ?? '').trim() });
  }
  return entries;
}

/** Keeps the first of each value (the form stores only the value, so a second one could never be told apart). */
export function dedupe<T extends { value: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.value) && seen.add(item.value));
}

/*
 * Duty to Notify (Modern Slavery Act 2015 s.52; the Duty to Notify Regulations 2015). The specified public
 * authorities in England and Wales must tell the Home Office about every potential victim they meet, with
 * or without the person's consent: chief officers of police for police areas and the British Transport
 * Police; county, county borough, district and London borough councils, the Greater London Authority, the
 * Common Council of the City of London and the Council of the Isles of Scilly; the Gangmasters and Labour
 * Abuse Authority; the National Crime Agency; and the Secretary of State (the Home Office: UK Visas and
 * Immigration, Border Force, Immigration Enforcement). NGOs and charities have no such duty; nor do bodies in
 * Scotland or Northern Ireland (s.52 extends to England and Wales only), health trusts, or combined
 * authorities (not specified).
 *
 * The rule, on the organisation's name:
 *   - a Home Office directorate ("Home Office - …"), the National Crime Agency, the GLAA: yes;
 *   - a police body ("… Police", "… Constabulary", "Police …", a regional organised crime unit, which is
 *     staffed by officers of the forces around it; the National Police Air Service likewise): yes,
 *     unless outside England and Wales;
 *   - a council ("… Council …", "London Borough of …", "Royal Borough of …", the City of Westminster, the
 *     City of London Corporation, the Greater London Authority): yes, unless outside England and Wales,
 *     a combined authority or city region, or a charity that is called a council (the Refugee Council);
 *   - anything else: no.
 * Outside England and Wales: a name with Scotland, Northern Ireland or Belfast in it, a health and social
 * care trust (Northern Ireland), or one of the Scottish and Northern Irish council areas named below (their
 * councils' names carry no country). Run this script and read the two lists it prints: the rule is checked
 * by eye against each new source, and tests/unit/reference-lists.test.ts pins a few known answers.
 * The rule in the form's terms (who makes a Duty to Notify report): docs/domain.md, "The rules".
 */
const HOME_OFFICE_NCA_GLAA = /^Home Office - |^National Crime Agency\b|^Gangmasters and Labour Abuse Authority\b/;
const POLICE = /\b(Police|Constabulary)\b|Regional Organised Crime Unit|Special Operations Unit|\bROCU\b/;
const COUNCIL = /\bCouncil\b|^London Borough of |^Royal Borough of |^City of Westminster$|^City of London Corporation$|^Greater London Authority$/;
const NOT_SPECIFIED = /Combined Authority|City Region/;
const CHARITIES_CALLED_COUNCIL = new Set(['Refugee Council']);
const SCOTLAND =
  /\b(Scotland|Scottish|Aberdeen|Aberdeenshire|Argyll|Angus|Clackmannanshire|Dumfries|Dundee|Ayrshire|Edinburgh|Dunbartonshire|Lothian|Midlothian|Eilean Siar|Renfrewshire|Falkirk|Fife|Glasgow|Highland|Inverclyde|Moray|Lanarkshire|Orkney|Perth and Kinross|Stirling|Shetland)\b/;
const NORTHERN_IRELAND =
  /\b(Northern Ireland|Belfast|Antrim|Ards|North Down|Lisburn|Castlereagh|Newry|Armagh|Banbridge|Craigavon|Fermanagh|Omagh|Derry|Strabane|Ulster|Causeway|HSC Trusts)\b/;

export function isDutyToNotify(name: string): boolean {
  if (SCOTLAND.test(name) || NORTHERN_IRELAND.test(name)) return false;
  if (HOME_OFFICE_NCA_GLAA.test(name) || POLICE.test(name)) return true;
  return COUNCIL.test(name) && !NOT_SPECIFIED.test(name) && !CHARITIES_CALLED_COUNCIL.has(name);
}

/** The list as stored: an item is its value alone unless it has a label of its own or (organisations) `dtn`. */
export function buildList(name: ReferenceListName, version: string, source: string): ReferenceListData {
  const items = dedupe(parseListSource(source)).map(({ value, label }) => {
    if (label === value && name !== 'organisations') return value;
    return {
      value,
      ...(label === value ? {} : { label }),
      ...(name === 'organisations' ? { dtn: isDutyToNotify(value) } : {}),
    };
  });
  const list = { name, version, items };
  referenceListSchema.parse(list);
  return list;
}

/** One item a line, so that a new version's changes read well in a diff. */
export function formatList(list: ReferenceListData): string {
  const items = list.items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return `{\n  "name": ${JSON.stringify(list.name)},\n  "version": ${JSON.stringify(list.version)},\n  "items": [\n${items}\n  ]\n}\n`;
}

function currentVersion(name: ReferenceListName): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL(`${name}.json`, DATA_DIR), 'utf8')) as ReferenceListData).version;
  } catch {
    return undefined;
  }
}

function main(args: string[]): void {
  const [sourceDir, flag, version] = args;
  if (!sourceDir || (flag !== undefined && (flag !== '--version' || !version))) {
    console.error('usage: node --import tsx scripts/reference-lists.ts <folder holding ms-lists/*.js> [--version 2026-04-1]');
    process.exitCode = 2;
    return;
  }
  for (const name of referenceListNames) {
    const listVersion = version ?? currentVersion(name);
    if (!listVersion) throw new Error(`There is no ${name}.json yet: name the version with --version`);
    const list = buildList(name, listVersion, readFileSync(join(sourceDir, SOURCES[name]), 'utf8'));
    writeFileSync(new URL(`${name}.json`, DATA_DIR), formatList(list));
    console.log(`${name}: ${list.items.length} items, version ${list.version}`);
    if (name === 'organisations') {
      const { items } = referenceListSchema.parse(list);
      const [yes, no] = [items.filter((item) => item.dtn), items.filter((item) => !item.dtn)];
      console.log(`\nDuty to Notify (${yes.length}):\n  ${yes.map((item) => item.value).join('\n  ')}`);
      console.log(`\nNo Duty to Notify (${no.length}):\n  ${no.map((item) => item.value).join('\n  ')}\n`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
