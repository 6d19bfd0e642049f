import ngrams from 'talisman/tokenizers/ngrams/index.js';
import { pathOf, walk } from '../form/journey.ts';
import { many, single, type Answers } from '../form/model.ts';
import { exploitationVocabulary, notNames } from './vocabulary.ts';
import type { PageDef } from '../form/model.ts';

/**
 * The referral-quality check (issue 17): advice before sending, never a block. Each rule is a pure
 * function of the answers; the field app runs them on the device, offline, and the console shows the
 * same advice beside the case.
 */
export type QualityRule = 'short-account' | 'repeated-sentence' | 'kind-not-described' | 'short-reason' | 'short-why-now' | 'unknown-everywhere' | 'copied-account' | 'dtn-identifying';

export interface Advice {
  rule: QualityRule;
  /** The page to fix it on (a change there returns to check your answers). */
  page: string;
  /** What is weak, in a sentence. */
  what: string;
  /** Why the decision unit needs it. */
  why: string;
}

/** Another person met at the same encounter, by the responder's own label for them. */
export interface OtherPerson {
  caseLabel: string;
  answers: Answers;
}

/** The answers that tell what happened to the person, in the order the form asks them. */
const ACCOUNT = ['howStarted', 'journeyDetails', 'requiredToDo', 'livingConditions', 'treatment'] as const;
/** Everything written about the exploitation, for the words a ticked kind needs and for copied passages. */
const WRITTEN = [...ACCOUNT, 'exploitationDates', 'exploitationDatesSeveral', 'whatKeepsThem', 'howLeft', 'lastContactDetails', 'indicatorsDetails', 'otherExploitationDetails', 'fearReasons', 'exploiters'] as const;

/** Fewer words than this across the account of what happened: tuned with the examples in tests/unit/referral-quality.test.ts. */
export const SHORT_ACCOUNT_WORDS = 100;
/** A reason for referring, or for telling now, shorter than this says too little. */
export const SHORT_REASON_WORDS = 8;
/** A sentence this long or longer, written twice, is a repeat rather than a turn of phrase. */
const REPEAT_MIN_WORDS = 5;
/** Two accounts sharing this many runs of SHINGLE words share a long passage (about 20 words or more). */
const SHINGLE = 6;
const SHARED_SHINGLES = 15;

const text = (answers: Answers, name: string): string => single(answers, name)?.trim() ?? '';
/** Sentences, near enough for finding one written twice: split after . ! ? or a line break. */
const sentences = (value: string): string[] => value.split(/(?<=[.!?…])\s+|\n+/);
const wordsOf = (value: string): string[] => value.toLowerCase().match(/[\p{L}\p{N}£$€'’]+/gu) ?? [];

const KIND_LABELS: Readonly<Record<string, string>> = {
  'forced-to-work': 'Work for no or almost no pay',
  'wages-taken': 'Hand over their wages',
  'forced-to-commit-fraud': 'Take part in fraud',
  prostitution: 'Sell sex (forced prostitution)',
  'child-exploitation': 'Sexual exploitation as a child',
  'taken-somewhere': 'Be held somewhere and sexually assaulted',
  'forced-to-commit-crime': 'Commit crime',
  'organs-removed': 'Have organs removed',
  'unpaid-household-work': 'Household work for no or almost no pay',
};

/** The page each answer was given on, in this referral's own walk of the form. */
function pagesOf(done: readonly PageDef[]): (name: string, fallback: string) => string {
  return (name, fallback) => done.find((page) => page.fields.some((field) => field.name === name))?.id ?? fallback;
}

function accountAdvice(answers: Answers, pageOf: (name: string, fallback: string) => string): Advice[] {
  const advice: Advice[] = [];
  const lengths = ACCOUNT.map((name) => ({ name, words: wordsOf(text(answers, name)).length }));
  const total = lengths.reduce((sum, field) => sum + field.words, 0);
  if (total < SHORT_ACCOUNT_WORDS) {
    const shortest = lengths.filter((field) => text(answers, field.name) !== '').sort((a, b) => a.words - b.words)[0];
    advice.push({
      rule: 'short-account',
      page: pageOf(shortest?.name ?? 'howStarted', 'situations'),
      what: `The account of what happened to them is short: ${total} words.`,
      why: 'The decision unit decides on the account: how it started, what they were made to do, how they were controlled and why they could not leave. A short account is the commonest reason a decision waits while more information is asked for.',
    });
  }
  const seen = new Map<string, string>();
  for (const name of ACCOUNT) {
    for (const sentence of sentences(text(answers, name))) {
      const words = wordsOf(sentence);
      if (words.length < REPEAT_MIN_WORDS) continue;
      const key = words.join(' ');
      if (seen.has(key)) {
        advice.push({
          rule: 'repeated-sentence',
          page: pageOf(name, 'treatment'),
          what: `The same sentence is written more than once: “${sentence.trim()}”`,
          why: 'Each answer should add something new. Repeated text makes an account look copied and hides what is missing.',
        });
        return advice;
      }
      seen.set(key, name);
    }
  }
  return advice;
}

/** One pattern per kind, made once: any of its words at the start of a word. */
const kindPatterns = new Map(
  Object.entries(exploitationVocabulary).map(([kind, stems]) => [kind, new RegExp(`(?:^|[^\\p{L}])(?:${stems.map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'iu')]),
);

function kindAdvice(answers: Answers, pageOf: (name: string, fallback: string) => string): Advice[] {
  const written = WRITTEN.map((name) => text(answers, name)).join('\n');
  const missing = many(answers, 'exploitationTypes').filter((kind) => {
    const pattern = kindPatterns.get(kind);
    return pattern !== undefined && !pattern.test(written);
  });
  if (missing.length === 0) return [];
  const names = missing.map((kind) => `‘${KIND_LABELS[kind] ?? kind}’`).join(', ');
  return [
    {
      rule: 'kind-not-described',
      page: pageOf('treatment', 'treatment'),
      what: `${names} ${missing.length === 1 ? 'is' : 'are'} ticked, but the account never says what happened.`,
      why: 'Say what happened for each kind of exploitation ticked. The decision unit can only rely on what the account describes.',
    },
  ];
}

const EMPTY_REASON = /^(see|as)\s+(above|account|before)\b|^(n\/?a|none|nil|unknown|not known)\.?$/i;

function reasonAdvice(answers: Answers, pageOf: (name: string, fallback: string) => string): Advice[] {
  const advice: Advice[] = [];
  const view = text(answers, 'professionalView');
  if (pathOf(answers) !== 'dtn' && (wordsOf(view).length < SHORT_REASON_WORDS || EMPTY_REASON.test(view))) {
    advice.push({
      rule: 'short-reason',
      page: pageOf('professionalView', 'interview'),
      what: 'Your reason for making this referral says very little.',
      why: 'The decision unit needs your professional view: which parts of their account, and what you saw, make you believe they may be a victim of modern slavery.',
    });
  }
  if (single(answers, 'reportedBefore') === 'no') {
    const whyNow = text(answers, 'whyNow');
    if (wordsOf(whyNow).length < SHORT_REASON_WORDS || EMPTY_REASON.test(whyNow)) {
      advice.push({
        rule: 'short-why-now',
        page: pageOf('whyNow', 'reported-before'),
        what: 'Why they are telling someone now says very little.',
        why: 'A late first account is often doubted. Saying what stopped them speaking sooner (fear, shame, threats, not knowing it was a crime) lets the decision unit weigh it fairly.',
      });
    }
  }
  return advice;
}

const NOT_KNOWN = /\b(not known|unknown|don'?t know|do not know|not sure|n\/k)\b/i;

function unknownAdvice(answers: Answers, pageOf: (name: string, fallback: string) => string): Advice[] {
  const dates = text(answers, 'exploitationDates') || text(answers, 'exploitationDatesSeveral');
  const datesUnknown = dates !== '' && NOT_KNOWN.test(dates) && wordsOf(dates).length <= SHORT_REASON_WORDS;
  const places = [...many(answers, 'ukTowns'), ...many(answers, 'countries')];
  const placesUnknown = places.length > 0 && places.every((place) => place === 'Unknown');
  const explained = text(answers, 'ukOtherLocation') !== '' || text(answers, 'overseasOtherLocation') !== '';
  if (!datesUnknown || !placesUnknown || explained) return [];
  return [
    {
      rule: 'unknown-everywhere',
      page: pageOf(text(answers, 'exploitationDates') ? 'exploitationDates' : 'exploitationDatesSeveral', 'situations'),
      what: 'When and where it happened are both ‘not known’, with no explanation.',
      why: 'If nobody knows, say why: for example they were moved at night, kept indoors, or have lost track of time. Otherwise the decision unit will ask, and the decision waits.',
    },
  ];
}

function shinglesOf(value: string): Set<string> {
  const words = wordsOf(value);
  return new Set(words.length < SHINGLE ? [] : ngrams(SHINGLE, words).map((gram) => gram.join(' ')));
}

function copiedAdvice(answers: Answers, others: readonly OtherPerson[], pageOf: (name: string, fallback: string) => string): Advice[] {
  const own = WRITTEN.map((name) => ({ name, shingles: shinglesOf(text(answers, name)) })).filter((field) => field.shingles.size > 0);
  if (own.length === 0) return [];
  const advice: Advice[] = [];
  for (const other of others) {
    const theirs = shinglesOf(WRITTEN.map((name) => text(other.answers, name)).join('\n'));
    const shared = own.map((field) => ({ name: field.name, count: [...field.shingles].filter((gram) => theirs.has(gram)).length })).sort((a, b) => b.count - a.count);
    const most = shared[0];
    if (!most || shared.reduce((sum, field) => sum + field.count, 0) < SHARED_SHINGLES) continue;
    advice.push({
      rule: 'copied-account',
      page: pageOf(most.name, 'treatment'),
      what: `A long passage is the same as in the account of ${other.caseLabel || 'another person met at this encounter'}.`,
      why: 'Each person’s account must be their own, in their words. Where people were exploited together, say what happened to this person.',
    });
  }
  return advice;
}

const IDENTIFYING: readonly { found: string; test: (value: string) => boolean }[] = [
  { found: 'an email address', test: (value) => /[^\s@]+@[^\s@]+\.[^\s@]{2,}/.test(value) },
  { found: 'a phone number', test: (value) => /(\+44\s?|\b0)\d[\d\s-]{8,}\d/.test(value) },
  { found: 'a date of birth', test: (value) => /\b(born|d\.?o\.?b\.?|date of birth)\b/i.test(value) || /\b\d{1,2}[/.-]\d{1,2}[/.-](19|20)\d{2}\b/.test(value) },
  {
    found: 'what looks like a name',
    test: (value) =>
      [...value.matchAll(/(?<![.!?]\s|^)\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)\b/gmu)].some((match) => !notNames.has((match[1] ?? '').toLowerCase()) && !notNames.has((match[2] ?? '').toLowerCase())),
  },
];

function dtnAdvice(answers: Answers, done: readonly PageDef[]): Advice[] {
  if (pathOf(answers) !== 'dtn' || single(answers, 'cooperation') === 'yes') return [];
  const advice: Advice[] = [];
  for (const page of done) {
    for (const field of page.fields) {
      if (field.kind !== 'textarea') continue;
      const value = text(answers, field.name);
      const found = IDENTIFYING.filter((check) => check.test(value)).map((check) => check.found);
      if (found.length === 0) continue;
      advice.push({
        rule: 'dtn-identifying',
        page: page.id,
        what: `‘${field.label}’ may identify them: it has ${found.join(' and ')}.`,
        why: 'They did not agree to help the police, so this Duty to Notify report must not identify them. Remove names, phone numbers, email addresses and dates of birth.',
      });
    }
  }
  return advice;
}

/** Every piece of advice for a referral, in the order of the form. `others`: the people met with them. */
export function checkQuality(answers: Answers, others: readonly OtherPerson[] = []): Advice[] {
  const { done } = walk(answers);
  const pageOf = pagesOf(done);
  return [...accountAdvice(answers, pageOf), ...kindAdvice(answers, pageOf), ...reasonAdvice(answers, pageOf), ...unknownAdvice(answers, pageOf), ...copiedAdvice(answers, others, pageOf), ...dtnAdvice(answers, done)];
}
