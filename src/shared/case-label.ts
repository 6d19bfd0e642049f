import type { FieldDef } from './form/model.ts';

export const CASE_LABEL_MAX = 60;
/** The first page of every referral. */
export const FIRST_PAGE = 'case-label';

/**
 * The responder's own label for a referral. It stays on the device: it names drafts and receipts so
 * that nobody has to show the person's name on screen. The first question lives apart from the form's
 * tables so that the field app can show it before the rest of the form has loaded.
 */
export const caseLabelField: FieldDef = {
  name: 'caseLabel',
  kind: 'text',
  label: 'What is your own reference for this referral?',
  hint: 'For example your notebook number, crime reference or a short label. It stays on this device to help you find the referral and is never sent. Do not use the person’s name.',
  missing: 'Enter your own case reference, for example your notebook or crime reference',
  required: true,
  max: CASE_LABEL_MAX,
};

/** The form's own rule for a short required answer, for this one field (tested equal to it). */
export function caseLabelIssue(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return caseLabelField.missing;
  return text.length > CASE_LABEL_MAX ? `${caseLabelField.label} must be ${CASE_LABEL_MAX} characters or fewer` : undefined;
}
