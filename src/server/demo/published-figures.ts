import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quarterOf, quarterRange } from '../../shared/figures/periods.ts';
import {
  ageLabels,
  genderLabels,
  responderTypeLabels,
  statisticalRecordSchema,
  type AgeAtExploitation,
  type Gender,
  type ResponderType,
  type StatisticalRecord,
} from '../../shared/figures/statistical-record.ts';

/** The Home Office's first responder tables for one quarter, one file per responder type. */
export const PUBLISHED_FILES = ['nrm_referrals_government_2022_q4.csv', 'nrm_referrals_local-authority_2022_q4.csv', 'nrm_referrals_ngo_2022_q4.csv'] as const;
export const PUBLISHED_QUARTER = '2022-Q4';

/** RFC 4180 rows: some exploitation types are quoted and hold commas. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

export interface PublishedRow {
  type: string;
  organisation: string;
  category: string;
  age: string;
  gender: string;
  nationality: string;
  people: number;
}

/** The folder or a file in it is not what the importer reads: the message says which and what to do. */
export class PublishedTablesError extends Error {}

export async function readPublished(dir: string): Promise<PublishedRow[]> {
  const rows: PublishedRow[] = [];
  for (const file of PUBLISHED_FILES) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => {
      throw new PublishedTablesError(`${file} could not be read from ${dir}: name the folder that holds the published tables (published/ho-statistics in the repository)`);
    });
    const [header, ...lines] = parseCsv(text);
    if (header?.join(',') !== 'First responder type,First responder,Exploitation type,Age at exploitation,Gender,Nationality,People') {
      throw new PublishedTablesError(`${file} does not have the columns of the published first responder table: check the folder holds the Home Office's tables`);
    }
    for (const [type, organisation, category, age, gender, nationality, people] of lines) {
      rows.push({ type: type!, organisation: organisation!, category: category!, age: age!, gender: gender!, nationality: nationality!, people: Number(people) });
    }
  }
  return rows;
}

const byLabel = <T extends string>(labels: Record<T, string>, label: string, what: string): T => {
  const found = (Object.keys(labels) as T[]).find((key) => labels[key] === label);
  if (!found) throw new PublishedTablesError(`"${label}" is not a ${what} the statistics use: check the table is the Home Office's, unchanged`);
  return found;
};

/**
 * One statistical record per person the tables count: only the detail rows (no dimension "Total"),
 * each attribute as published. What the tables do not say stays "not specified": where it happened,
 * police force area, decisions. The day received is the quarter's first, the only day the tables give.
 */
export function recordsFromPublished(rows: readonly PublishedRow[]): StatisticalRecord[] {
  const receivedOn = quarterRange(PUBLISHED_QUARTER).from;
  const records: StatisticalRecord[] = [];
  for (const row of rows) {
    const detail = [row.category, row.age, row.gender, row.nationality].every((value) => value !== 'Total') && !row.organisation.endsWith(' total');
    if (!detail) continue;
    const responderType: ResponderType = byLabel(responderTypeLabels, row.type, 'first responder type');
    const ageAtExploitation: AgeAtExploitation = byLabel(ageLabels, row.age, 'age at exploitation');
    const gender: Gender = byLabel(genderLabels, row.gender, 'gender');
    for (let person = 0; person < row.people; person += 1) {
      records.push(
        statisticalRecordSchema.parse({
          id: `published-${PUBLISHED_QUARTER}-${String(records.length + 1).padStart(6, '0')}`,
          scheme: 'nrm',
          receivedOn,
          quarter: quarterOf(receivedOn),
          ageAtExploitation,
          gender,
          nationality: row.nationality,
          exploitationCategory: row.category,
          location: 'not-specified',
          ukRegion: null,
          policeForceArea: null,
          responderType,
          responderOrganisation: row.organisation,
          rgOutcome: null,
          rgOn: null,
          rgDays: null,
          cgOutcome: null,
          cgOn: null,
          cgDays: null,
          reconsiderations: 0,
          withdrawn: false,
          countyLines: false,
        }),
      );
    }
  }
  return records;
}
