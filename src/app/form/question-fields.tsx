import type { ComponentChildren } from 'preact';
import { ErrorMessage, Hint, describedBy } from '../../govuk/field-parts.tsx';
import { type RadioFieldProps } from '../../govuk/Choices.tsx';
import { type TextFieldProps } from '../../govuk/TextInput.tsx';
import { formContent } from './content.ts';

interface QuestionProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The only question on its page: its label is the page heading. */
  heading: boolean;
}

function groupClass(error?: string, extra = ''): string {
  return `govuk-form-group${extra}${error ? ' govuk-form-group--error' : ''}`;
}

function Label({ id, label, heading }: { id: string; label: string; heading: boolean }) {
  return heading ? (
    <h1 class="govuk-label-wrapper">
      <label class="govuk-label govuk-label--l" for={id}>
        {label}
      </label>
    </h1>
  ) : (
    <label class="govuk-label govuk-label--s" for={id}>
      {label}
    </label>
  );
}

function Legend({ label, heading }: { label: string; heading: boolean }) {
  return heading ? (
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
      <h1 class="govuk-fieldset__heading">{label}</h1>
    </legend>
  ) : (
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
  );
}

const inputKinds = {
  text: { type: 'text', inputMode: undefined, width: '' },
  phone: { type: 'tel', inputMode: 'tel', width: ' govuk-input--width-20' },
  email: { type: 'email', inputMode: 'email', width: '' },
  count: { type: 'text', inputMode: 'numeric', width: ' govuk-input--width-2' },
} as const;

export function TextQuestion({ id, label, hint, error, heading, kind, field }: QuestionProps & { kind: keyof typeof inputKinds; field: TextFieldProps }) {
  const { type, inputMode, width } = inputKinds[kind];
  return (
    <div class={groupClass(error)}>
      <Label id={id} label={label} heading={heading} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        id={id}
        class={`govuk-input${width}${error ? ' govuk-input--error' : ''}`}
        // Preact types each input type separately; these three share every attribute used here.
        type={type as 'text'}
        inputMode={inputMode}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={describedBy(id, hint, error)}
        {...field}
      />
    </div>
  );
}

/** A long answer with the GOV.UK character count; typing past the limit is allowed and then flagged, so nothing pasted is cut. */
export function TextareaQuestion({ id, label, hint, error, heading, field, max }: QuestionProps & { field: TextFieldProps; max: number }) {
  const left = max - field.value.length;
  const countId = `${id}-info`;
  return (
    <div class={groupClass(error, ' govuk-character-count')}>
      <Label id={id} label={label} heading={heading} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <textarea
        id={id}
        class={`govuk-textarea govuk-js-character-count${error || left < 0 ? ' govuk-textarea--error' : ''}`}
        rows={heading ? 10 : 5}
        aria-describedby={describedBy(id, hint, error, countId)}
        {...field}
      />
      <div id={countId} class={`govuk-hint govuk-character-count__message${left < 0 ? ' govuk-error-message' : ''}`} aria-live="polite">
        {left >= 0 ? formContent.characters.remaining(left) : formContent.characters.over(-left)}
      </div>
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  group?: string;
  field: RadioFieldProps;
  /** Follow-up questions shown under this option while it is chosen. */
  conditional?: ComponentChildren;
}

function Choices({ id, kind, options }: { id: string; kind: 'radios' | 'checkboxes'; options: readonly ChoiceOption[] }) {
  return (
    <>
      {options.map((option, index) => {
        const inputId = index === 0 ? id : `${id}-${option.value}`;
        const groupStart = option.group && option.group !== options[index - 1]?.group;
        return (
          <div key={option.value}>
            {groupStart ? <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-top-4 govuk-!-margin-bottom-2">{option.group}</p> : null}
            <div class={`govuk-${kind}__item`}>
              <input class={`govuk-${kind}__input`} id={inputId} type={kind === 'radios' ? 'radio' : 'checkbox'} aria-describedby={option.hint ? `${inputId}-item-hint` : undefined} {...option.field} />
              <label class={`govuk-label govuk-${kind}__label`} for={inputId}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${inputId}-item-hint`} class={`govuk-hint govuk-${kind}__hint`}>
                  {option.hint}
                </div>
              ) : null}
            </div>
            {option.conditional && option.field.checked ? <div class={`govuk-${kind}__conditional`}>{option.conditional}</div> : null}
          </div>
        );
      })}
    </>
  );
}

/** Radios or checkboxes in a fieldset; follow-up questions open under the option they belong to. */
export function ChoiceQuestion({ id, label, hint, error, heading, kind, options }: QuestionProps & { kind: 'radios' | 'checkboxes'; options: readonly ChoiceOption[] }) {
  return (
    <div class={groupClass(error)}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend label={label} heading={heading} />
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class={`govuk-${kind}`}>
          <Choices id={id} kind={kind} options={options} />
        </div>
      </fieldset>
    </div>
  );
}

/** One tick that confirms something the responder checked. */
export function ConfirmQuestion({ id, label, hint, error, field }: Omit<QuestionProps, 'heading'> & { field: RadioFieldProps }) {
  return (
    <div class={groupClass(error)}>
      <ErrorMessage id={id} error={error} />
      <div class="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input class="govuk-checkboxes__input" id={id} type="checkbox" aria-describedby={describedBy(id, hint, error)} {...field} />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {label}
          </label>
          <Hint id={id} hint={hint} />
        </div>
      </div>
    </div>
  );
}

/** Day, month and year as three boxes; the answer keeps whatever is typed ("YYYY-M-D") until it is a real date. */
export function DateQuestion({ id, label, hint, error, heading, value, onChange }: QuestionProps & { value: string; onChange: (value: string | undefined) => void }) {
  const [year = '', month = '', day = ''] = value.split('-');
  const parts = { day, month, year };
  const update = (part: keyof typeof parts, text: string) => {
    const next = { ...parts, [part]: text.trim() };
    onChange(next.day || next.month || next.year ? `${next.year}-${next.month}-${next.day}` : undefined);
  };
  const boxes = [
    { part: 'day', label: formContent.date.day, width: 2 },
    { part: 'month', label: formContent.date.month, width: 2 },
    { part: 'year', label: formContent.date.year, width: 4 },
  ] as const;
  return (
    <div class={groupClass(error)}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <Legend label={label} heading={heading} />
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class="govuk-date-input">
          {boxes.map(({ part, label: boxLabel, width }) => {
            const inputId = part === 'day' ? id : `${id}-${part}`;
            return (
              <div class="govuk-date-input__item" key={part}>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={inputId}>
                    {boxLabel}
                  </label>
                  <input
                    id={inputId}
                    class={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                    type="text"
                    inputMode="numeric"
                    autocomplete="off"
                    value={parts[part]}
                    onInput={(event) => update(part, (event.currentTarget as HTMLInputElement).value)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
