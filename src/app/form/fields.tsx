import type { ComponentChildren } from 'preact';

/** What a text input or text area needs from the form. */
export interface TextFieldProps {
  name: string;
  value: string;
  onInput: (event: Event) => void;
}

/** What one radio button needs from the form. */
export interface RadioFieldProps {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
}

interface FieldProps {
  id: string;
  error?: string;
  hint?: string;
}

export function describedBy(id: string, hint?: string, error?: string, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

export function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <div id={`${id}-hint`} class="govuk-hint">
      {hint}
    </div>
  ) : null;
}

/** A labelled field that is not the page's own question (settings, passphrases): label, hint, error, then the control. */
export function FormGroup({ id, label, hint, error, children }: FieldProps & { label: string; children: ComponentChildren }) {
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

export function Button({ children, onClick, secondary, type = 'button' }: { children: ComponentChildren; onClick?: () => void; secondary?: boolean; type?: 'button' | 'submit' }) {
  return (
    <button type={type} class={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`} data-module="govuk-button" onClick={onClick}>
      {children}
    </button>
  );
}
