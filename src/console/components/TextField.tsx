export interface TextFieldProps {
  id: string;
  label: string;
  error: string | undefined;
  type: 'email' | 'password';
  autocomplete: 'username' | 'current-password';
  value: string;
  onValue: (value: string) => void;
}

/** A labelled GOV.UK text input with its inline error; the error is read out with the field. */
export function TextField({ id, label, error, type, autocomplete, value, onValue }: TextFieldProps) {
  const control = {
    id,
    name: id,
    class: `govuk-input${error ? ' govuk-input--error' : ''}`,
    autocomplete,
    spellcheck: false,
    'aria-describedby': error ? `${id}-error` : undefined,
    value,
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {/* Two branches because Preact's types tie the attributes allowed to each input type. */}
      {type === 'email' ? <input type="email" {...control} /> : <input type="password" {...control} />}
    </div>
  );
}
