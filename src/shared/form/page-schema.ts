import { z } from 'zod/mini';
import type { AnswerValue, Answers, FieldDef, PageDef } from './model.ts';

const WEB_ADDRESS = /(https?:\/\/|www\.)\S/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** UK numbers as dialled at home, or any number with its country code (7 to 15 digits). */
const PHONE = /^(\+[1-9]\d{6,14}|0\d{9,10})$/;
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Answers that hold a list rather than one value. */
const isList = (def: FieldDef) => def.kind === 'checkboxes' || def.kind === 'places' || def.kind === 'files';
const PHONE_MESSAGE = 'Enter a phone number, like 07700 900 982 or +44 7700 900 982 for a number outside the UK';

/** Whether a follow-up opens under this value of the answer it follows. */
export function opensUnder(def: FieldDef, value: string): boolean {
  const opening = def.shownWhen?.value;
  return typeof opening === 'string' ? opening === value : (opening?.includes(value) ?? false);
}

export function isVisible(def: FieldDef, values: Answers): boolean {
  if (!def.shownWhen) return true;
  const controller = values[def.shownWhen.field];
  return typeof controller === 'string' ? opensUnder(def, controller) : (controller?.some((value) => opensUnder(def, value)) ?? false);
}

export function visibleFields(page: PageDef, values: Answers): FieldDef[] {
  return page.fields.filter((def) => isVisible(def, values));
}

/** Blank entries of a repeatable answer are rows the responder added and left empty. */
export function filled(value: AnswerValue | undefined): AnswerValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  const kept = value.filter((entry) => entry.trim() !== '');
  return kept.length > 0 ? kept : undefined;
}

function quoted(def: FieldDef): string {
  return def.label.replace(/ \(optional\)$/, '');
}

/** A date typed as day, month and year is kept as "YYYY-M-D"; it must be a real day after 1900 and not in the future. */
export function dateIssue(value: string, now = new Date()): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!match) return 'Enter a real date, with a day, month and a 4-digit year';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'Enter a real date, with a day, month and a 4-digit year';
  if (year < 1900) return 'The date must be after 1900';
  if (date.getTime() > now.getTime()) return 'The date must be today or in the past';
  return undefined;
}

/** What is wrong with one answer, or undefined. Hidden answers are not asked, so never wrong. */
export function fieldIssue(def: FieldDef, raw: AnswerValue | undefined): string | undefined {
  const value = filled(raw);
  if (value === undefined) return def.required ? def.missing : undefined;
  const values = typeof value === 'string' ? [value] : value;
  if (typeof value === 'string' && isList(def)) return def.missing;
  if (typeof value !== 'string' && !isList(def)) return def.missing;
  if (def.max !== undefined && values.some((entry) => entry.trim().length > (def.max ?? 0))) {
    return `${quoted(def)} must be ${def.max.toLocaleString('en-GB')} characters or fewer`;
  }
  if (def.noWebAddresses && values.some((entry) => WEB_ADDRESS.test(entry))) return `Remove the web address from ${quoted(def).toLowerCase()}`;
  const options = def.options?.map((option) => option.value) ?? [];
  switch (def.kind) {
    case 'radios':
      return options.includes(values[0] ?? '') ? undefined : def.missing;
    case 'checkboxes':
      if (values.some((entry) => !options.includes(entry))) return def.missing;
      return def.requireAll && options.some((option) => !values.includes(option)) ? def.missing : undefined;
    case 'confirm':
      return values[0] === 'yes' ? undefined : def.missing;
    case 'places':
      return def.maxItems !== undefined && values.length > def.maxItems ? `Add no more than ${def.maxItems} places` : undefined;
    case 'files':
      if (values.some((entry) => !FILE_ID.test(entry)) || new Set(values).size !== values.length) return 'The list of attached files is damaged: attach the files again';
      return def.maxItems !== undefined && values.length > def.maxItems ? `Attach no more than ${def.maxItems} files` : undefined;
    case 'email':
      return EMAIL.test((values[0] ?? '').trim()) ? undefined : 'Enter an email address in the right format, like name@example.com';
    case 'phone':
      return PHONE.test((values[0] ?? '').replace(/[\s()-]/g, '')) ? undefined : PHONE_MESSAGE;
    case 'count':
      return /^\d{1,2}$/.test((values[0] ?? '').trim()) ? undefined : 'Enter the number in digits, like 2';
    case 'date':
      return dateIssue(values[0] ?? '');
    default:
      return undefined;
  }
}

function valueSchema(def: FieldDef) {
  const entry = z.string();
  return isList(def) ? z.optional(z.array(entry)) : z.optional(entry);
}

/** The shape of the answers a set of pages may hold, every answer optional (rules are checked separately). */
export function shapeOf(pages: readonly PageDef[]): Record<string, ReturnType<typeof valueSchema>> {
  return Object.fromEntries(pages.flatMap((page) => page.fields.map((def) => [def.name, valueSchema(def)] as const)));
}

function makePageSchema(page: PageDef) {
  return z.object(shapeOf([page])).check(
    z.superRefine((values, context) => {
      for (const def of visibleFields(page, values)) {
        const message = fieldIssue(def, values[def.name]);
        if (message) context.addIssue({ code: 'custom', message, path: [def.name], input: values[def.name] });
      }
    }),
  );
}

const schemas = new WeakMap<PageDef, ReturnType<typeof makePageSchema>>();

/** The schema of one page: its answers, each checked while it is shown. Made once per page; the journey asks often. */
export function pageSchema(page: PageDef): ReturnType<typeof makePageSchema> {
  let schema = schemas.get(page);
  if (!schema) {
    schema = makePageSchema(page);
    schemas.set(page, schema);
  }
  return schema;
}

/** Errors of one page by answer name, checked against all answers so cross-page rules apply. */
export function pageErrors(page: PageDef, answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = pageSchema(page).safeParse(Object.fromEntries(page.fields.map((def) => [def.name, answers[def.name]])));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
  }
  const cross = page.crossCheck?.(answers);
  if (cross && !errors[cross.field]) errors[cross.field] = cross.message;
  return errors;
}
