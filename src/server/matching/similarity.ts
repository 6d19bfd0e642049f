import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import type { PersonFeatures } from './person-features.ts';

export type MatchFeature = 'name' | 'date-of-birth' | 'birth-year' | 'nationality' | 'gender' | 'phone';
export type MatchStrength = 'exact' | 'close' | 'sounds-alike' | 'swapped';
/** One piece of evidence for "same person", worded for the caseworker who decides. */
export interface MatchReason {
  feature: MatchFeature;
  strength: MatchStrength;
  detail: string;
}
export interface Comparison {
  score: number;
  reasons: MatchReason[];
}

/** Scores at or above this are shown to caseworkers as a possible same person. */
export const MATCH_THRESHOLD = 0.5;

/*
 * Each feature adds log-odds-like points for or against; the total is squashed into 0..1, with
 * MATCH_THRESHOLD at MIDPOINT. The points were set on the synthetic set in tests/unit/person-matching.test.ts:
 * a name that agrees plus a date of birth that agrees is plenty, a name alone is not, and a
 * different date of birth or gender outweighs a name that agrees (common names are shared).
 */
const MIDPOINT = 6.5;
const SPREAD = 2;
const POINTS = {
  nameExact: 7,
  nameAlike: 5.5,
  nameSwapped: 5.5,
  familyOnly: 1,
  givenOnly: 0.5,
  oneSided: 2,
  nameDiffers: -5,
  dobExact: 5,
  dobSwapped: 3.5,
  dobClose: 2,
  dobDiffers: -5,
  yearSame: 1.5,
  yearClose: 0.5,
  yearDiffers: -3,
  nationalitySame: 1,
  // Nationality is mis-recorded or given as the second one often enough to be weak either way.
  nationalityDiffers: -1.5,
  genderSame: 0.3,
  genderDiffers: -5,
  phoneSame: 6,
  phoneClose: 2.5,
  // People lose phones and get new ones; a different number says little.
  phoneDiffers: -0.5,
} as const;

type NameStrength = Exclude<MatchStrength, 'swapped'>;
const RANK: Record<NameStrength, number> = { exact: 3, 'sounds-alike': 2, close: 1 };
const weakest = (a: NameStrength, b: NameStrength): NameStrength => (RANK[a] <= RANK[b] ? a : b);

/*
 * Spellings that transliterate one sound: doubled letters, vowels after the first letter
 * (Mohammed/Muhammad, Tesfaye/Tesfay), Ukrainian h for Russian g after a consonant (Olha/Olga,
 * Serhiy/Sergiy), Albanian xh and q (Xhesika/Jessica, Krasniqi/Krasniki), and hard and soft c and g.
 */
function skeleton(token: string): string {
  const consonantal = token
    .replace(/([lnr])h/g, '$1g')
    .replace(/xh/g, 'j')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/ck|q|c(?![eiyh])/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
  return consonantal.charAt(0) + consonantal.slice(1).replace(/[aeiouy]/g, '');
}

function tokenStrength(a: string, b: string): NameStrength | undefined {
  if (a === b) return 'exact';
  const similarity = jaroWinkler(a, b);
  // Two-letter names (Le, Ly, Vu, Vo) shrink to a single letter, which would make them all alike.
  if (a.length > 2 && skeleton(a) === skeleton(b) && similarity >= 0.7) return 'sounds-alike';
  // Metaphone codes are short, so unrelated names share them (Ali, Ola); the spelling must be near too.
  if (similarity >= 0.72 && sharesCode(a, b)) return 'sounds-alike';
  return similarity >= 0.88 ? 'close' : undefined;
}

function sharesCode(a: string, b: string): boolean {
  const codesA = doubleMetaphone(a).filter((code) => code !== '');
  const codesB = doubleMetaphone(b);
  return codesA.some((code) => codesB.includes(code));
}

const tokens = (name: string | undefined): string[] => (name ?? '').split(' ').filter((token) => token !== '');

/** Every word of the shorter name matches a different word of the longer one, in any order. */
function wordsAgree(a: string[], b: string[]): NameStrength | undefined {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return undefined;
  const unused = [...long];
  let strength: NameStrength = short.length === long.length ? 'exact' : 'close';
  for (const word of short) {
    let best: { index: number; strength: NameStrength } | undefined;
    unused.forEach((candidate, index) => {
      const found = tokenStrength(word, candidate);
      if (found && (!best || RANK[found] > RANK[best.strength])) best = { index, strength: found };
    });
    if (!best) return undefined;
    unused.splice(best.index, 1);
    strength = weakest(strength, best.strength);
  }
  return strength;
}

/** A name part agrees word by word, or written together (Van Anh/Vananh, Al Hassan/Alhassan). */
function partAgrees(a: string | undefined, b: string | undefined): NameStrength | undefined {
  const wordsA = tokens(a);
  const wordsB = tokens(b);
  if (wordsA.length === 0 || wordsB.length === 0) return undefined;
  const oneWordAgainstMore = Math.min(wordsA.length, wordsB.length) === 1 && wordsA.length !== wordsB.length;
  return wordsAgree(wordsA, wordsB) ?? (oneWordAgainstMore ? tokenStrength(wordsA.join(''), wordsB.join('')) : undefined);
}

const titleCase = (name: string): string => name.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());

interface Evidence {
  points: number;
  reason?: MatchReason;
}

function nameEvidence(a: PersonFeatures, b: PersonFeatures): Evidence | undefined {
  if (!a.fullName || !b.fullName) return undefined;
  const pair = `${titleCase(a.fullName)} / ${titleCase(b.fullName)}`;
  const reason = (strength: MatchStrength, detail: string): MatchReason => ({ feature: 'name', strength, detail: `${detail} (${pair})` });
  const bothParts = a.givenNames && a.familyName && b.givenNames && b.familyName;
  if (!bothParts) {
    // One record has only part of the name: its words should all be in the other's name.
    const strength = wordsAgree(tokens(a.fullName), tokens(b.fullName));
    return strength ? { points: POINTS.oneSided, reason: reason(strength, 'Part of the name matches') } : { points: -POINTS.oneSided };
  }
  const given = partAgrees(a.givenNames, b.givenNames);
  const family = partAgrees(a.familyName, b.familyName);
  if (given && family) {
    const strength = weakest(given, family);
    const detail = strength === 'exact' ? 'Same name' : strength === 'close' ? 'Names nearly the same' : 'Names sound alike';
    return { points: strength === 'exact' ? POINTS.nameExact : POINTS.nameAlike, reason: reason(strength, detail) };
  }
  const crossed = partAgrees(a.givenNames, b.familyName) && partAgrees(a.familyName, b.givenNames);
  if (crossed || wordsAgree(tokens(a.fullName), tokens(b.fullName))) {
    return { points: POINTS.nameSwapped, reason: reason('swapped', 'Same names in a different order') };
  }
  if (family) return { points: POINTS.familyOnly, reason: reason(family, 'Same family name, different given name') };
  if (given) return { points: POINTS.givenOnly, reason: reason(given, 'Same given name, different family name') };
  return { points: POINTS.nameDiffers };
}

/** Two YYYY-MM-DD strings that differ in one place by one typed character, or a year out by one. */
function nearDate(a: string, b: string): boolean {
  const partsA = a.split('-');
  const partsB = b.split('-');
  const differing = partsA.map((part, index) => [part, partsB[index] ?? ''] as const).filter(([x, y]) => x !== y);
  if (differing.length !== 1) return false;
  const [x, y] = differing[0] ?? ['', ''];
  const oneCharacter = [...x].filter((character, index) => character !== y[index]).length === 1;
  return oneCharacter || (x.length === 4 && Math.abs(Number(x) - Number(y)) === 1);
}

function birthEvidence(a: PersonFeatures, b: PersonFeatures): Evidence | undefined {
  const dobA = a.dateOfBirth;
  const dobB = b.dateOfBirth;
  if (dobA && dobB) {
    const shown = `(${dobA} / ${dobB})`;
    if (dobA === dobB) return { points: POINTS.dobExact, reason: { feature: 'date-of-birth', strength: 'exact', detail: `Same date of birth (${dobA})` } };
    const [year, month, day] = dobA.split('-');
    if (dobB === `${year}-${day}-${month}`) {
      return { points: POINTS.dobSwapped, reason: { feature: 'date-of-birth', strength: 'swapped', detail: `Dates of birth match with day and month swapped ${shown}` } };
    }
    if (nearDate(dobA, dobB)) return { points: POINTS.dobClose, reason: { feature: 'date-of-birth', strength: 'close', detail: `Dates of birth nearly the same ${shown}` } };
    return { points: POINTS.dobDiffers };
  }
  const yearA = a.birthYear;
  const yearB = b.birthYear;
  if (yearA === undefined || yearB === undefined) return undefined;
  if (yearA === yearB) return { points: POINTS.yearSame, reason: { feature: 'birth-year', strength: 'exact', detail: `Born the same year (${yearA})` } };
  if (Math.abs(yearA - yearB) === 1) return { points: POINTS.yearClose, reason: { feature: 'birth-year', strength: 'close', detail: `Born a year apart (${yearA} / ${yearB})` } };
  return { points: POINTS.yearDiffers };
}

// For display only: a UK number keeps 10 digits once its 0 is gone; others carry their country code.
const dialled = (phone: string): string => (phone.length === 10 ? `0${phone}` : `+${phone}`);

function phoneEvidence(a: PersonFeatures, b: PersonFeatures): Evidence | undefined {
  if (!a.phone || !b.phone) return undefined;
  if (a.phone === b.phone) return { points: POINTS.phoneSame, reason: { feature: 'phone', strength: 'exact', detail: `Same phone number (${dialled(a.phone)})` } };
  const oneDigit = a.phone.length === b.phone.length && [...a.phone].filter((digit, index) => digit !== b.phone?.[index]).length === 1;
  if (oneDigit) return { points: POINTS.phoneClose, reason: { feature: 'phone', strength: 'close', detail: `Phone numbers differ by one digit (${dialled(a.phone)} / ${dialled(b.phone)})` } };
  return { points: POINTS.phoneDiffers };
}

function sameOrNot(feature: 'nationality' | 'gender', a: string | undefined, b: string | undefined, same: number, differs: number): Evidence | undefined {
  if (!a || !b) return undefined;
  if (a !== b) return { points: differs };
  const detail = feature === 'nationality' ? `Same nationality (${titleCase(a)})` : `Same gender (${a})`;
  return { points: same, reason: { feature, strength: 'exact', detail } };
}

/** How likely two referrals are about one person, and the evidence a caseworker can check. A missing answer counts neither way. */
export function compare(a: PersonFeatures, b: PersonFeatures): Comparison {
  const evidence = [
    nameEvidence(a, b),
    birthEvidence(a, b),
    phoneEvidence(a, b),
    sameOrNot('nationality', a.nationality, b.nationality, POINTS.nationalitySame, POINTS.nationalityDiffers),
    sameOrNot('gender', a.gender, b.gender, POINTS.genderSame, POINTS.genderDiffers),
  ].filter((item) => item !== undefined);
  const points = evidence.reduce((sum, item) => sum + item.points, 0);
  const score = 1 / (1 + Math.exp(-(points - MIDPOINT) / SPREAD));
  return { score, reasons: evidence.flatMap((item) => (item.reason ? [item.reason] : [])) };
}

const codes = (token: string): string[] => [...new Set(doubleMetaphone(token))].filter((code) => code !== '');

/**
 * Keys for finding which earlier referrals are worth comparing: two records about one person should
 * share at least one, even with a misspelt name, a missing date of birth or names in another order.
 */
export function blockingKeys(f: PersonFeatures): string[] {
  const keys = new Set<string>();
  for (const token of tokens(f.familyName)) for (const code of codes(token)) keys.add(`n:${code}`);
  const firstGiven = tokens(f.givenNames)[0];
  if (firstGiven && f.birthYear !== undefined) for (const code of codes(firstGiven)) keys.add(`g:${code}:${f.birthYear}`);
  // A typo can change a family name's sound (Bondarenko, Bodnarenko) but rarely its first letter.
  const familyInitial = f.familyName?.charAt(0);
  if (firstGiven && familyInitial) for (const code of codes(firstGiven)) keys.add(`i:${code}:${familyInitial}`);
  // The whole name as a set of sounds, which is what survives given and family names changing places.
  const sounds = tokens(f.fullName).map((token) => doubleMetaphone(token)[0]).filter((code) => code !== '');
  if (sounds.length > 1) keys.add(`f:${sounds.sort().join('.')}`);
  if (f.dateOfBirth) {
    // Day and month in order of size, so a date written the American way lands in the same block.
    const [year, month, day] = f.dateOfBirth.split('-');
    keys.add(`d:${year}-${[month, day].sort().join('-')}`);
  }
  if (f.phone) keys.add(`p:${f.phone}`);
  return [...keys];
}
