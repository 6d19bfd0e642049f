import { ErrorMessage, Hint, Label, describedBy, formGroupClass, type FieldChrome } from './field-parts.tsx';

/** What a text input or text area needs from the form: its answer, and how a change reaches the form. */
export interface TextFieldProps {
  name?: string;
  value: string;
  onInput: (event: Event) => void;
}

/** GOV.UK's fixed widths (characters) and fluid widths (of the container). */
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';

export function widthClass(width: InputWidth | undefined): string {
  if (width === undefined) return '';
  return typeof width === 'number' ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;
}

export interface TextInputProps extends FieldChrome {
  type?: 'text' | 'email' | 'tel' | 'password';
  inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal' | 'url' | 'search';
  width?: InputWidth;
  autocomplete?: string;
  /** Off for names, addresses, references and passwords: the browser's guesses only get in the way. */
  spellcheck?: boolean;
  field: TextFieldProps;
}

/** GOV.UK text input with its label, hint and inline error; the hint and error are read out with the field. */
export function TextInput({ id, label, hint, error, heading, type = 'text', inputMode, width, autocomplete, spellcheck, field }: TextInputProps) {
  return (
    <div class={formGroupClass(error)}>
      <Label id={id} label={label} heading={heading} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        id={id}
        class={`govuk-input${widthClass(width)}${error ? ' govuk-input--error' : ''}`}
        // Preact types each input type separately; these share every attribute used here.
        type={type as 'text'}
        inputMode={inputMode}
        spellcheck={spellcheck}
        autocomplete={autocomplete}
        aria-describedby={describedBy(id, hint, error)}
        {...field}
      />
    </div>
  );
}
