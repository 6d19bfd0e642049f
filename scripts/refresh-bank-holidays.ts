/**
 * Rewrites src/shared/casework/bank-holidays.ts from the government's published list. Run it on a
 * machine that can reach the source when a new year is published, then review and commit the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BANK_HOLIDAYS_DIVISION, BANK_HOLIDAYS_SOURCE } from '../src/shared/casework/bank-holidays.ts';

interface Published {
  [division: string]: { events: { date: string }[] };
}

const target = new URL('../src/shared/casework/bank-holidays.ts', import.meta.url);

const response = await fetch(BANK_HOLIDAYS_SOURCE);
if (!response.ok) throw new Error(`The list could not be fetched (HTTP ${response.status}); nothing was changed`);
const published = (await response.json()) as Published;
const events = published[BANK_HOLIDAYS_DIVISION]?.events;
if (!events?.length) throw new Error(`The list has no "${BANK_HOLIDAYS_DIVISION}" division; nothing was changed`);

const dates = [...new Set(events.map((event) => event.date))].filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).sort();
const byYear = new Map<string, string[]>();
for (const date of dates) byYear.set(date.slice(0, 4), [...(byYear.get(date.slice(0, 4)) ?? []), date]);
const rows = [...byYear.values()].map((year) => `  ${year.map((date) => `'${date}'`).join(', ')},`).join('\n');

const header = readFileSync(target, 'utf8').split('export const bankHolidaysEnglandAndWales')[0];
writeFileSync(target, `${header}export const bankHolidaysEnglandAndWales: readonly string[] = [\n${rows}\n];\n`);
console.log(`Wrote ${dates.length} bank holidays (${dates[0]} to ${dates[dates.length - 1]}) to ${target.pathname}`);
