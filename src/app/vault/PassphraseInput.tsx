import { useEffect, useRef, useState } from 'preact/hooks';
import { FormGroup, describedBy } from '../../govuk/field-parts.tsx';
import { vaultContent } from './content.ts';

const text = vaultContent.vault;

/**
 * The GOV.UK password input: a passphrase typed with gloves on can be checked with Show before it is
 * used. It hides again when its form is sent, so the browser never keeps it as plain text.
 */
export function PassphraseInput({ id, label, hint, error, value, onInput, autocomplete }: { id: string; label: string; hint?: string; error?: string; value: string; onInput: (value: string) => void; autocomplete: string }) {
  const [shown, setShown] = useState<boolean>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = input.current?.form;
    const hide = () => setShown((was) => was && false);
    form?.addEventListener('submit', hide);
    return () => form?.removeEventListener('submit', hide);
  }, []);
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} extra=" govuk-password-input">
      <div class="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          ref={input}
          id={id}
          // Preact types each kind of input on its own, so a type that changes needs naming as one of them.
          type={(shown ? 'text' : 'password') as 'password'}
          class={`govuk-input govuk-password-input__input${error ? ' govuk-input--error' : ''}`}
          autocomplete={autocomplete}
          autocapitalize="none"
          spellcheck={false}
          aria-describedby={describedBy(id, hint, error)}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="button" class="govuk-button govuk-button--secondary govuk-password-input__toggle" aria-controls={id} aria-label={shown ? text.hidePassphrase : text.showPassphrase} onClick={() => setShown(!shown)}>
          {shown ? text.hide : text.show}
        </button>
      </div>
      <div class="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite">
        {shown === undefined ? '' : shown ? text.shown : text.hidden}
      </div>
    </FormGroup>
  );
}
