import { dateIssue } from '../../shared/form/page-schema.ts';

/** What the duplicate finder compares, normalised so that equal means equal. */
export interface PersonFeatures {
  givenNames?: string;
  familyName?: string;
  /** Given names then family name, as recorded (the comparison also tries other orders). */
  fullName?: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  birthYear?: number;
  nationality?: string;
  gender?: string;
  /** Digits only; UK numbers without their 0 or +44, other countries with their code. */
  phone?: string;
}

// Responders are told to write 'not known' when a name is missing; these are that and its usual shorthands.
const NOT_KNOWN = new Set(['not known', 'unknown', 'n k', 'nk', 'n a', 'na', 'none', 'not given', 'no name']);

// Letters NFKD leaves whole (no combining mark to strip) that are spelt with their base letter in English records.
const UNSPLIT: Record<string, string> = { 'ł': 'l', 'đ': 'd', 'ø': 'o', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'ə': 'e', 'þ': 'th' };

export function normaliseName(raw: string): string | undefined {
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœıəþ]/g, (letter) => UNSPLIT[letter] ?? letter)
    // O'Brien and OBrien are both written; splitting at the apostrophe would make a one-letter name.
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded === '' || NOT_KNOWN.has(folded) ? undefined : folded;
}

/** The form keeps a date as typed ("YYYY-M-D"); only a real, past date is worth comparing. */
export function normaliseDate(raw: string): string | undefined {
  if (dateIssue(raw) !== undefined) return undefined;
  const [year, month, day] = raw.trim().split('-');
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}

/** The same line whether typed 07700 900123, +44 (0)7700 900123 or 0044 7700 900123. */
export function normalisePhone(raw: string): string | undefined {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) digits = digits.replace(/^44(0)?/, '');
  else if (digits.startsWith('00')) digits = digits.slice(2).replace(/^44(0)?/, '');
  else digits = digits.replace(/^0/, '');
  // Fewer digits than any real number: a slip, and equal slips would look like strong evidence.
  return digits.length >= 7 ? digits : undefined;
}

function text(answers: Record<string, unknown>, name: string): string | undefined {
  const value = answers[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function mapped<T>(raw: string | undefined, normalise: (value: string) => T | undefined): T | undefined {
  return raw === undefined ? undefined : normalise(raw);
}

/** 'Unknown' and 'Neither, or prefer not to say' are answers, but they say nothing about who someone is. */
function known(raw: string | undefined): string | undefined {
  const value = raw?.trim().toLowerCase();
  return value === undefined || value === '' || value === 'unknown' ? undefined : value;
}

/**
 * The potential victim's identifying answers (pages-person.ts). The alternative phone is left out
 * on purpose: it belongs to someone else (a friend, a support worker) who may vouch for several people.
 */
export function personFeatures(answers: Record<string, unknown>): PersonFeatures {
  const givenNames = mapped(text(answers, 'firstName'), normaliseName);
  const familyName = mapped(text(answers, 'lastName'), normaliseName);
  const dateOfBirth = mapped(text(answers, 'dateOfBirth'), normaliseDate);
  const fullName = [givenNames, familyName].filter((part) => part !== undefined).join(' ');
  const features: PersonFeatures = {
    givenNames,
    familyName,
    fullName: fullName === '' ? undefined : fullName,
    dateOfBirth,
    birthYear: dateOfBirth === undefined ? undefined : Number(dateOfBirth.slice(0, 4)),
    nationality: known(text(answers, 'nationality')),
    gender: known(text(answers, 'gender')),
    phone: mapped(text(answers, 'phone'), normalisePhone),
  };
  // Absent rather than undefined keys, so a stored or logged record shows only what is known.
  return Object.fromEntries(Object.entries(features).filter(([, value]) => value !== undefined)) as PersonFeatures;
}
