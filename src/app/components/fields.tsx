import type { ComponentChildren } from 'preact';
import { content } from '../content.ts';

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

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint?: string }) {
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

/** A question whose label is the page heading (one question per page). */
export function TextInput({ id, error, hint, label, field }: FieldProps & { label: string; field: TextFieldProps }) {
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <h1 class="govuk-label-wrapper">
        <label class="govuk-label govuk-label--l" for={id}>
          {label}
        </label>
      </h1>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        id={id}
        class={`govuk-input${error ? ' govuk-input--error' : ''}`}
        type="text"
        spellcheck={false}
        autocomplete="off"
        aria-describedby={describedBy(id, hint, error)}
        {...field}
      />
    </div>
  );
}

export function Radios({
  id,
  error,
  hint,
  legend,
  options,
}: FieldProps & { legend: string; options: { value: string; label: string; field: RadioFieldProps }[] }) {
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
          <h1 class="govuk-fieldset__heading">{legend}</h1>
        </legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class="govuk-radios" data-module="govuk-radios">
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div class="govuk-radios__item" key={option.value}>
                <input class="govuk-radios__input" id={inputId} type="radio" {...option.field} />
                <label class="govuk-label govuk-radios__label" for={inputId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A long answer with the GOV.UK character count; typing past the limit is allowed and then flagged, so nothing pasted is cut. */
export function Textarea({
  id,
  error,
  hint,
  label,
  field,
  length,
  max,
  rows = 12,
}: FieldProps & { label: string; field: TextFieldProps; length: number; max: number; rows?: number }) {
  const left = max - length;
  const countId = `${id}-info`;
  return (
    <div class={`govuk-form-group govuk-character-count${error ? ' govuk-form-group--error' : ''}`}>
      <h1 class="govuk-label-wrapper">
        <label class="govuk-label govuk-label--l" for={id}>
          {label}
        </label>
      </h1>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <textarea
        id={id}
        class={`govuk-textarea govuk-js-character-count${error || left < 0 ? ' govuk-textarea--error' : ''}`}
        rows={rows}
        aria-describedby={describedBy(id, hint, error, countId)}
        {...field}
      />
      <div id={countId} class={`govuk-hint govuk-character-count__message${left < 0 ? ' govuk-error-message' : ''}`} aria-live="polite">
        {left >= 0 ? content.characters.remaining(left) : content.characters.over(-left)}
      </div>
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
