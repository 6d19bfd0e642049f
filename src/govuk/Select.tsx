import { ErrorMessage, Hint, Label, describedBy, formGroupClass, type FieldChrome } from './field-parts.tsx';

export interface SelectOption {
  value: string;
  text: string;
}

/** What a select needs from the form: its answer, and how a change reaches the form. */
export interface SelectFieldProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
}

/** GOV.UK select, for a choice among many where radios would fill the page (a filter's stages or organisations). */
export function Select({ id, label, hint, error, options, field }: Omit<FieldChrome, 'heading'> & { options: readonly SelectOption[]; field: SelectFieldProps }) {
  return (
    <div class={formGroupClass(error)}>
      <Label id={id} label={label} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select
        id={id}
        name={field.name}
        class={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        value={field.value}
        onChange={(event) => field.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
