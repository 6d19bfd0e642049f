import { caseLabelField, caseLabelIssue } from './case-label.ts';
import { pageById } from './form/journey.ts';
import { CHECK, type AnswerValue, type Answers, type FieldDef, type PageDef } from './form/model.ts';
import { fieldIssue, isVisible } from './form/page-schema.ts';

function formField(pageId: string, name: string): FieldDef {
  const def = pageById(pageId)?.fields.find((candidate) => candidate.name === name);
  if (!def) throw new Error(`The form has no ${name} on ${pageId}`);
  return def;
}

/**
 * Optional here, whatever the form says: on the spot the responder takes what the person can give
 * and completes the rest later. An answer that is given is checked by the form's own rule.
 */
const optional = (def: FieldDef, extra: Partial<FieldDef> = {}): FieldDef => ({ ...def, label: `${def.label} (optional)`, required: false, ...extra });

const consentIntro = pageById('consent')?.intro?.[0];

/**
 * The few questions asked of each person at the encounter, taken from the form's own tables (same
 * names, words and rules), so a quick capture is simply the start of that person's referral.
 */
export const quickCapturePage: PageDef = {
  id: 'quick-capture',
  section: 'age',
  title: 'Quick capture',
  on: ['child', 'adult-nrm', 'dtn', 'dtn-cooperating'],
  next: () => CHECK,
  fields: [
    // The age question sets the path (child, or adult and then consent), so it is the one answer asked for.
    formField('under-18', 'underAge'),
    optional(formField('consent', 'consent'), { shownWhen: { field: 'underAge', value: 'no' }, hint: consentIntro }),
    optional(formField('gender', 'gender')),
    optional(formField('gender', 'nationality')),
    optional(formField('interpreter', 'interpreter')),
    formField('interpreter', 'interpreterLanguage'),
    optional(formField('situations', 'howStarted')),
  ],
};

/** What is wrong with a quick capture, by answer name: the case label, then each question shown. */
export function quickCaptureErrors(caseLabel: string, answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  const label = caseLabelIssue(caseLabel);
  if (label) errors[caseLabelField.name] = label;
  for (const def of quickCapturePage.fields) {
    if (!isVisible(def, answers)) continue;
    const issue = fieldIssue(def, answers[def.name] as AnswerValue | undefined);
    if (issue) errors[def.name] = issue;
  }
  return errors;
}
