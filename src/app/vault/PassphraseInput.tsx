import { FormGroup, describedBy } from '../../govuk/field-parts.tsx';

export function PassphraseInput({ id, label, hint, error, value, onInput, autocomplete }: { id: string; label: string; hint?: string; error?: string; value: string; onInput: (value: string) => void; autocomplete: string }) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="password"
        class={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
        autocomplete={autocomplete}
        spellcheck={false}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </FormGroup>
  );
}
