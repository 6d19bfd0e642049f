import { ErrorMessage, Hint, Legend, describedBy, formGroupClass, type FieldChrome } from './field-parts.tsx';
import { govukText } from './text.ts';

/** The three boxes, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export interface DateInputProps extends FieldChrome {
  value: DateParts;
  /** One box changed: which, and what it now holds (as typed; the caller decides what the date is). */
  onChange: (part: DatePart, text: string) => void;
  partLabels?: DateParts;
}

const BOXES = [
  { part: 'day', width: 2 },
  { part: 'month', width: 2 },
  { part: 'year', width: 4 },
] as const;

/** GOV.UK date input: day, month and year as three boxes in a fieldset; the day box has the group's id. */
export function DateInput({ id, label, hint, error, heading, value, onChange, partLabels = govukText.date }: DateInputProps) {
  return (
    <div class={formGroupClass(error)}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <Legend label={label} heading={heading} />
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class="govuk-date-input">
          {BOXES.map(({ part, width }) => {
            const inputId = part === 'day' ? id : `${id}-${part}`;
            return (
              <div class="govuk-date-input__item" key={part}>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={inputId}>
                    {partLabels[part]}
                  </label>
                  <input
                    id={inputId}
                    class={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                    type="text"
                    inputMode="numeric"
                    autocomplete="off"
                    value={value[part]}
                    onInput={(event) => onChange(part, (event.currentTarget as HTMLInputElement).value)}
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
