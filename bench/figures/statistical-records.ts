import { policeForceAreas, regionOf, responderTypeOf } from '../../src/shared/figures/responders-and-places.ts';
import { quarterOf } from '../../src/shared/figures/periods.ts';
import type { StatisticalRecord } from '../../src/shared/figures/statistical-record.ts';
import type { Random } from '../../src/shared/seeded-random.ts';

const ORGANISATIONS = [
  'Metropolitan Police Service',
  'West Midlands Police',
  'Greater Manchester Police',
  'Kent Police',
  'Police Scotland',
  'Home Office - UK Visas and Immigration UKVI',
  'Home Office - Immigration Enforcement IE',
  'Home Office - UK Border Force UKBF',
  'National Crime Agency NCA',
  'Birmingham City Council',
  'Kent County Council',
  'London Borough of Hackney',
  'The Salvation Army',
  'Migrant Help',
  "Barnardo's",
  'Medaille Trust',
  'Unseen',
];
const NATIONALITIES = ['UK', 'Albanian', 'Vietnamese', 'Eritrean', 'Sudanese', 'Romanian', 'Indian', 'Chinese', 'Afghan', 'Iranian', 'Iraqi', 'Nigerian', 'Polish', 'Albanian UK', 'Unknown'];
const CATEGORIES = ['Criminal', 'Labour', 'Sexual', 'Domestic', 'Labour & Criminal', 'Sexual & Labour', 'Labour & Domestic', 'Sexual, Labour & Domestic', 'Not specified or unknown', 'Organ Harvesting'];

const TOWNS = ['London', 'Birmingham', 'Manchester', 'Leeds', 'Bradford', 'Liverpool', 'Sheffield', 'Bristol', 'Newcastle upon Tyne', 'Nottingham', 'Leicester', 'Coventry', 'Hull', 'Stoke-on-Trent', 'Wolverhampton', 'Derby', 'Southampton', 'Portsmouth', 'Plymouth', 'Reading', 'Luton', 'Northampton', 'Norwich', 'Peterborough', 'Ipswich', 'Cambridge', 'Oxford', 'Exeter', 'Swansea', 'Cardiff', 'Glasgow', 'Edinburgh', 'Aberdeen', 'Dundee', 'Belfast', 'Middlesbrough', 'Sunderland', 'Blackpool', 'Bolton', 'Wigan'];

/** People met at one encounter: mostly one, sometimes a household or a raid. */
const encounterSize = (random: Random) => {
  const roll = random();
  return roll < 0.6 ? 1 : roll < 0.75 ? 2 : roll < 0.9 ? 3 + Math.floor(random() * 3) : 6 + Math.floor(random() * 7);
};
const encounterId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * random() * items.length)]!;
const dayIn = (random: Random, year: number) => new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `perYear` made-up records for each year, with the skew of the real mixes (a few nationalities, types and responders most of the time) and decisions for most. */
export function statisticalRecords(random: Random, years: readonly number[], perYear: number): StatisticalRecord[] {
  const records: StatisticalRecord[] = [];
  let encounters = 0;
  for (const year of years) {
    let left = 0;
    let day = '';
    for (let i = 0; i < perYear; i += 1) {
      // The people of one encounter are referred on the same day.
      if (left === 0) {
        left = encounterSize(random);
        day = dayIn(random, year);
        encounters += 1;
      }
      left -= 1;
      const receivedOn = day;
      const organisation = pick(random, ORGANISATIONS);
      const policeForceArea = random() < 0.7 ? pick(random, policeForceAreas) : null;
      const rgDays = random() < 0.85 ? Math.floor(random() * 60) : null;
      const rgOutcome = rgDays === null ? null : random() < 0.85 ? 'positive' : 'negative';
      const cgDays = rgOutcome === 'positive' && random() < 0.5 ? rgDays! + 30 + Math.floor(random() * 400) : null;
      const scheme = random() < 0.23 ? 'dtn' : 'nrm';
      records.push({
        id: `bench-${year}-${String(i).padStart(6, '0')}`,
        scheme,
        receivedOn,
        quarter: quarterOf(receivedOn),
        ageAtExploitation: random() < 0.45 ? 'child' : random() < 0.9 ? 'adult' : 'not-specified',
        gender: random() < 0.76 ? 'male' : random() < 0.95 ? 'female' : 'other',
        nationality: pick(random, NATIONALITIES),
        exploitationCategory: pick(random, CATEGORIES),
        location: random() < 0.5 ? 'uk' : random() < 0.7 ? 'overseas' : random() < 0.95 ? 'uk-and-overseas' : 'not-specified',
        ukRegion: regionOf(policeForceArea),
        policeForceArea,
        responderType: responderTypeOf(organisation),
        responderOrganisation: organisation,
        rgOutcome: scheme === 'dtn' ? null : rgOutcome,
        rgOn: scheme === 'dtn' || rgDays === null ? null : addDays(receivedOn, rgDays),
        rgDays: scheme === 'dtn' ? null : rgDays,
        cgOutcome: scheme === 'dtn' || cgDays === null ? null : random() < 0.9 ? 'positive' : 'negative',
        cgOn: scheme === 'dtn' || cgDays === null ? null : addDays(receivedOn, cgDays),
        cgDays: scheme === 'dtn' ? null : cgDays,
        reconsiderations: rgOutcome === 'negative' && random() < 0.3 ? 1 : 0,
        withdrawn: random() < 0.02,
        countyLines: scheme === 'nrm' && random() < 0.06,
        encounterId: encounterId(encounters),
        places: random() < 0.7 ? [...new Set([pick(random, TOWNS), ...(random() < 0.3 ? [pick(random, TOWNS)] : [])])] : [],
      });
    }
  }
  return records;
}
