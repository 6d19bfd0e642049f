import type { z } from 'zod/mini';
import {
  askInformationSchema,
  assignSchema,
  decideConclusiveGroundsSchema,
  decideReasonableGroundsSchema,
  decideReconsiderationSchema,
  flagCountyLinesSchema,
  informationReceivedSchema,
  liftSuspensionSchema,
  panelReviewSchema,
  recordConsentSchema,
  recordReconsiderationSchema,
  recordTurned18Schema,
  releaseSchema,
  reviewSchema,
  suspendSchema,
  takeOverSchema,
  takeSchema,
  withdrawSchema,
  type CaseActionType,
} from '../../shared/casework/actions.ts';
import { negativeReasons, positiveReasons, reconsiderationGrounds } from '../../shared/casework/reasons.ts';

/**
 * Every action's form, as a table: which fields, in which order, checked by the action's own shared
 * schema (the one the server applies). ActionForm.tsx draws any of them.
 */
export type FieldSpec =
  | { kind: 'radios'; name: string; values: readonly string[] }
  /** The reason codes that fit the chosen outcome (positive or negative), as checkboxes. */
  | { kind: 'reasons'; name: 'reasonCodes' }
  | { kind: 'text'; name: string; optional?: boolean }
  /** Day, month and year, starting at today. */
  | { kind: 'date'; name: string }
  /** Who will hold the case: the people the server lists. */
  | { kind: 'person'; name: 'to' }
  /** Only when the reconsideration request is late: the exceptional reason, then required. */
  | { kind: 'late-reason'; name: 'lateReason' };

export interface FormSpec {
  schema: z.ZodMiniType;
  fields: readonly FieldSpec[];
}

const decision: FieldSpec[] = [
  { kind: 'radios', name: 'outcome', values: ['positive', 'negative'] },
  { kind: 'reasons', name: 'reasonCodes' },
  { kind: 'text', name: 'reasonText' },
  { kind: 'date', name: 'decidedOn' },
];

export const actionForms: Record<CaseActionType, FormSpec> = {
  'decide-rg': { schema: decideReasonableGroundsSchema, fields: decision },
  'decide-cg': { schema: decideConclusiveGroundsSchema, fields: decision },
  review: {
    schema: reviewSchema,
    fields: [
      { kind: 'radios', name: 'verdict', values: ['agree', 'disagree'] },
      { kind: 'text', name: 'comment', optional: true },
    ],
  },
  'panel-review': {
    schema: panelReviewSchema,
    fields: [
      { kind: 'radios', name: 'verdict', values: ['agree', 'send-back'] },
      { kind: 'text', name: 'reasons' },
    ],
  },
  'record-reconsideration': {
    schema: recordReconsiderationSchema,
    fields: [
      { kind: 'date', name: 'requestedOn' },
      { kind: 'late-reason', name: 'lateReason' },
      { kind: 'radios', name: 'grounds', values: Object.keys(reconsiderationGrounds) },
      { kind: 'text', name: 'detail' },
    ],
  },
  'decide-reconsideration': {
    schema: decideReconsiderationSchema,
    fields: [
      { kind: 'radios', name: 'outcome', values: ['accepted', 'refused'] },
      { kind: 'text', name: 'reasons' },
    ],
  },
  'ask-information': { schema: askInformationSchema, fields: [{ kind: 'text', name: 'question' }] },
  'information-received': { schema: informationReceivedSchema, fields: [{ kind: 'text', name: 'summary' }] },
  suspend: { schema: suspendSchema, fields: [{ kind: 'text', name: 'reason' }] },
  'lift-suspension': { schema: liftSuspensionSchema, fields: [{ kind: 'text', name: 'note' }] },
  'record-turned-18': { schema: recordTurned18Schema, fields: [{ kind: 'text', name: 'note' }] },
  'record-consent': {
    schema: recordConsentSchema,
    fields: [
      { kind: 'radios', name: 'consent', values: ['given', 'refused'] },
      { kind: 'text', name: 'note' },
    ],
  },
  'flag-county-lines': {
    schema: flagCountyLinesSchema,
    fields: [
      { kind: 'radios', name: 'countyLines', values: ['yes', 'no'] },
      { kind: 'text', name: 'note' },
    ],
  },
  withdraw: { schema: withdrawSchema, fields: [{ kind: 'text', name: 'reason' }] },
  take: { schema: takeSchema, fields: [] },
  'take-over': { schema: takeOverSchema, fields: [{ kind: 'text', name: 'reason' }] },
  assign: { schema: assignSchema, fields: [{ kind: 'person', name: 'to' }] },
  release: { schema: releaseSchema, fields: [] },
};

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What the form holds while it is filled in: text as typed, ticks as lists, dates as their three boxes. */
export type FormValues = Record<string, string | string[] | DateParts>;

/** The reasons that fit an outcome (none until one is chosen). */
export function reasonsFor(outcome: unknown): Record<string, string> {
  if (outcome === 'positive') return positiveReasons;
  if (outcome === 'negative') return negativeReasons;
  return {};
}

/** Today's day in three boxes, as a person would type it: 27, 3, 2026. */
export function partsOf(day: string): DateParts {
  const [year = '', month = '', date = ''] = day.split('-');
  return { day: String(Number(date)), month: String(Number(month)), year };
}

/** The three boxes as the schema's YYYY-MM-DD; empty when nothing is typed, so the schema asks for a date. */
export function dayFromParts(parts: DateParts | undefined): string {
  if (!parts) return '';
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function initialValues(spec: FormSpec, today: string): FormValues {
  const values: FormValues = {};
  for (const field of spec.fields) {
    if (field.kind === 'reasons') values[field.name] = [];
    else if (field.kind === 'date') values[field.name] = partsOf(today);
    else values[field.name] = '';
  }
  return values;
}

const asText = (value: FormValues[string] | undefined) => (typeof value === 'string' ? value : '');

/**
 * The action the form says, in the shape its schema reads: only the form's own fields, optional text
 * left out when blank, the late reason only when the request is late.
 */
export function actionFrom(type: CaseActionType, spec: FormSpec, values: FormValues, options: { late: boolean }): Record<string, unknown> {
  const action: Record<string, unknown> = { type };
  for (const field of spec.fields) {
    const value = values[field.name];
    switch (field.kind) {
      case 'reasons':
        action[field.name] = Array.isArray(value) ? value : [];
        break;
      case 'date':
        action[field.name] = dayFromParts(value as DateParts | undefined);
        break;
      case 'late-reason':
        if (options.late && asText(value).trim()) action[field.name] = asText(value);
        break;
      case 'text':
        if (!field.optional || asText(value).trim()) action[field.name] = asText(value);
        break;
      case 'radios':
      case 'person':
        // Nothing chosen is left out, so the schema's own "Choose …" message is the one shown.
        if (asText(value)) action[field.name] = asText(value);
        break;
    }
  }
  return action;
}
