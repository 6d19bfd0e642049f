import { Checkbox, ChoiceGroup, type ChoiceKind, type ChoiceOption, type RadioFieldProps } from '../../govuk/Choices.tsx';
import { DateInput, type DatePart } from '../../govuk/DateInput.tsx';
import { ErrorMessage, Hint, Legend, describedBy, formGroupClass, type FieldChrome } from '../../govuk/field-parts.tsx';
import { COUNT_THRESHOLD, Textarea } from '../../govuk/Textarea.tsx';
import { TextInput, type TextFieldProps } from '../../govuk/TextInput.tsx';
import { formContent } from './content.ts';

export type { ChoiceOption } from '../../govuk/Choices.tsx';

/** A question of the form: `heading` when it is the only question on its page (its label is the page heading). */
type QuestionProps = FieldChrome & { heading: boolean };

const inputKinds = {
  text: { type: 'text', inputMode: undefined, width: undefined },
  phone: { type: 'tel', inputMode: 'tel', width: 20 },
  email: { type: 'email', inputMode: 'email', width: undefined },
  count: { type: 'text', inputMode: 'numeric', width: 2 },
} as const;

/** Answers are references, names and numbers, never prose: the browser's spelling and autofill guesses only get in the way. */
export function TextQuestion({ kind, field, ...question }: QuestionProps & { kind: keyof typeof inputKinds; field: TextFieldProps }) {
  const { type, inputMode, width } = inputKinds[kind];
  return <TextInput {...question} type={type} inputMode={inputMode} width={width} spellcheck={false} autocomplete="off" field={field} />;
}

/**
 * A long answer with the GOV.UK character count, shown only near the limit (GOV.UK's threshold): a
 * count of thousands left on every box is noise. Typing past the limit is allowed and then flagged, so nothing pasted is cut.
 */
export function TextareaQuestion({ field, max, ...question }: QuestionProps & { field: TextFieldProps; max: number }) {
  return <Textarea {...question} field={field} rows={question.heading ? 10 : 5} maxLength={max} threshold={COUNT_THRESHOLD} countText={formContent.characters} />;
}

/** Radios or checkboxes in a fieldset; follow-up questions open under the option they belong to. */
export function ChoiceQuestion(props: QuestionProps & { kind: ChoiceKind; options: readonly ChoiceOption[] }) {
  return <ChoiceGroup {...props} />;
}

/**
 * A list that must be done in full (the steps of informed consent): the items as a list, and one tick
 * that confirms them all. The tick has the question's id, so the error summary links to it.
 */
export function AllOfQuestion({ id, label, hint, error, heading, items, confirm, field }: QuestionProps & { items: readonly string[]; confirm: string; field: RadioFieldProps }) {
  return (
    <div class={formGroupClass(error)}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend label={label} heading={heading} />
        <ul class="govuk-list govuk-list--bullet">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id={id} type="checkbox" {...field} />
            <label class="govuk-label govuk-checkboxes__label" for={id}>
              {confirm}
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

/** One tick that confirms something the responder checked. */
export function ConfirmQuestion(props: Omit<QuestionProps, 'heading'> & { field: RadioFieldProps }) {
  return <Checkbox {...props} />;
}

/** Day, month and year as three boxes; the answer keeps whatever is typed ("YYYY-M-D") until it is a real date. */
export function DateQuestion({ value, onChange, ...question }: QuestionProps & { value: string; onChange: (value: string | undefined) => void }) {
  const [year = '', month = '', day = ''] = value.split('-');
  const parts = { day, month, year };
  const update = (part: DatePart, text: string) => {
    const next = { ...parts, [part]: text.trim() };
    onChange(next.day || next.month || next.year ? `${next.year}-${next.month}-${next.day}` : undefined);
  };
  return <DateInput {...question} value={parts} onChange={update} partLabels={formContent.date} />;
}
