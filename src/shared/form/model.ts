import type { ReferenceListName } from '../reference-lists.ts';

/** What the rules need from the reference lists, wherever they are held (bundled, refreshed, or the server's). */
export interface ListLookup {
  /** The list's own spelling of `text`, or undefined when it is not on the list. */
  find(list: ReferenceListName, text: string): string | undefined;
  isDutyToNotifyAuthority(organisation: string): boolean;
}

export interface ListRule {
  lists: readonly ReferenceListName[];
  /** The message when the answers break the rule, or undefined. */
  check: (answers: Answers, lookup: ListLookup) => string | undefined;
}

/**
 * The form as data: pages, their questions and where each answer leads. The field app renders it,
 * the journey walks it, and the schemas (client and server) are made from it, so a question is
 * written down once. The wording is ours; the structure follows the live NRM form.
 */

export const NARRATIVE_MAX = 15_000;
/** Short answers (names, references, places): long enough for any real one, short enough to show. */
export const SHORT_MAX = 500;

/** An answer as a draft holds it: one value, or several for ticks and repeatable places. */
export type AnswerValue = string | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'radios'
  | 'checkboxes'
  /** One tick that confirms something, stored as "yes". */
  | 'confirm'
  | 'typeahead'
  /** Up to `maxItems` entries from one list, the first required ("add another" pattern). */
  | 'places'
  /** Day, month and year, stored as "YYYY-M-D" as typed so a half-typed date is kept. */
  | 'date'
  | 'phone'
  | 'email'
  | 'count'
  /** Evidence files: the answer is the ids of the files attached (their content is in src/store/evidence.ts). */
  | 'files';

export interface Option {
  value: string;
  label: string;
  hint?: string;
  /** A heading to show above this option and the ones after it (exploitation types). */
  group?: string;
}

export interface FieldDef {
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  required: boolean;
  /** What to do when a required answer is missing, in words a person can act on. */
  missing: string;
  options?: readonly Option[];
  list?: ReferenceListName;
  max?: number;
  maxItems?: number;
  /** Shown (and asked) only while another answer on the same page has this value (or one of these). */
  shownWhen?: { field: string; value: string | readonly string[] };
  /** Free text that must not contain a web address (two optional detail answers). */
  noWebAddresses?: boolean;
  /**
   * Every option must be ticked (the steps of informed consent): the options are shown as a list and
   * this one tick confirms them all, since ticking each of a list that must all be ticked is taps for nothing.
   */
  requireAll?: string;
  /**
   * Another answer on the page this one fills in when it can (a town's region), while that answer is
   * blank or still holds what was filled in for the value before: the responder's own choice stays.
   */
  fillsIn?: { field: string; from: (answer: string) => string | undefined };
  /** A rule about this answer that needs reference lists other than its own (the Duty to Notify authority check). */
  listRule?: ListRule;
  /** The list entry to leave out (United Kingdom in the overseas countries). */
  exclude?: readonly string[];
}

/**
 * Who sends what. A child (under 18 or not sure) is always referred; an adult who agrees is
 * referred; an adult who does not agree becomes a Duty to Notify report, which may carry identifying
 * details only when they are willing to help the police ("dtn-cooperating").
 */
export const referralPaths = ['child', 'adult-nrm', 'dtn'] as const;
export type ReferralPath = (typeof referralPaths)[number];
export type PageAudience = ReferralPath | 'dtn-cooperating';

export const sectionIds = [
  'setup',
  'age',
  'background',
  'exploitation',
  'assessment',
  'where',
  'exploiters',
  'risk',
  'police',
  'consent',
  'dtn',
  'support',
  'person',
  'decision',
  'responder',
  'evidence',
] as const;
export type SectionId = (typeof sectionIds)[number];

/** Where a page leads: another page's id, or check your answers. */
export type Destination = string;
export const CHECK = 'check';

export interface PageDef {
  id: string;
  section: SectionId;
  /** The page heading when it asks more than one question; a single question is its own heading. */
  title?: string;
  /** Said before the questions (explanations, the consent script). */
  intro?: readonly string[];
  fields: readonly FieldDef[];
  on: readonly PageAudience[];
  next: (answers: Answers) => Destination;
  /** Reminds the responder to cover every situation when there were several. */
  remindSituations?: boolean;
  /** Its answer stays on the device (the responder's case label). */
  deviceOnly?: boolean;
  /** A rule that reads answers given on other pages; the message names what to do instead. */
  crossCheck?: (answers: Answers) => { field: string; message: string } | undefined;
}

/** The questions a page shows at once; a follow-up of one of its choices shows under the answer that opens it. */
export function topLevelFields(page: PageDef): FieldDef[] {
  return page.fields.filter((def) => !def.shownWhen || !page.fields.some((other) => other.name === def.shownWhen?.field && (other.kind === 'radios' || other.kind === 'checkboxes')));
}

/** A page without a title takes its one question's label as its heading (a list of places has its own legend). */
export function questionIsHeading(page: PageDef): boolean {
  const topLevel = topLevelFields(page);
  return page.title === undefined && topLevel.length === 1 && topLevel[0]?.kind !== 'places';
}

const ALL: readonly PageAudience[] = ['child', 'adult-nrm', 'dtn', 'dtn-cooperating'];
export const audiences = {
  all: ALL,
  adults: ['adult-nrm', 'dtn', 'dtn-cooperating'] as readonly PageAudience[],
  referred: ['child', 'adult-nrm'] as readonly PageAudience[],
  dtn: ['dtn', 'dtn-cooperating'] as readonly PageAudience[],
};

export function single(answers: Answers, name: string): string | undefined {
  const value = answers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function many(answers: Answers, name: string): readonly string[] {
  const value = answers[name];
  return Array.isArray(value) ? value : [];
}

export const yesNo: readonly Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
export const yesNoNotSure: readonly Option[] = [...yesNo, { value: 'not-sure', label: 'Not sure' }];

type FieldOptions = Partial<Omit<FieldDef, 'name' | 'kind' | 'label' | 'missing'>>;

/** Builders keep the page tables short: required unless said otherwise. */
export const field = {
  text: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'text', label, missing, required: true, max: SHORT_MAX, ...options }),
  narrative: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'textarea', label, missing, required: true, max: NARRATIVE_MAX, ...options }),
  radios: (name: string, label: string, choices: readonly Option[], missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'radios', label, missing, required: true, options: choices, ...options }),
  checkboxes: (name: string, label: string, choices: readonly Option[], missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'checkboxes', label, missing, required: true, options: choices, ...options }),
  confirm: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'confirm', label, missing, required: true, ...options }),
  typeahead: (name: string, label: string, list: ReferenceListName, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'typeahead', label, missing, required: true, list, max: SHORT_MAX, ...options }),
  places: (name: string, label: string, list: ReferenceListName, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'places', label, missing, required: true, list, maxItems: 10, max: SHORT_MAX, ...options }),
  date: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'date', label, missing, required: true, ...options }),
  phone: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'phone', label, missing, required: true, max: 40, ...options }),
  email: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'email', label, missing, required: true, max: 254, ...options }),
  count: (name: string, label: string, missing: string, options: FieldOptions = {}): FieldDef => ({ name, kind: 'count', label, missing, required: true, max: 3, ...options }),
  files: (name: string, label: string, maxItems: number, options: FieldOptions = {}): FieldDef => ({ name, kind: 'files', label, missing: '', required: false, maxItems, max: 36, ...options }),
};
