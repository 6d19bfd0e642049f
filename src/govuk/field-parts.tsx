import type { ComponentChildren } from 'preact';
import { govukText } from './text.ts';

/** What every GOV.UK field has around its control: an id, a label, and maybe a hint and an error. */
export interface FieldChrome {
  /** The control's id (the first control's, in a group); hint and error ids are made from it. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /**
   * The only question on its page: its label (or legend) is the page's `h1`, in the large size.
   * Otherwise the label is small and bold, as on a page of several questions.
   */
  heading?: boolean;
}

/** `aria-describedby` for a control: its hint, its error, and anything else that describes it, in that order. */
export function describedBy(id: string, hint?: string, error?: string, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** `govuk-form-group`, with the red bar while it has an error; `extra` adds classes (with their leading space). */
export function formGroupClass(error?: string, extra = ''): string {
  return `govuk-form-group${extra}${error ? ' govuk-form-group--error' : ''}`;
}

export function ErrorMessage({ id, error, prefix = govukText.errorPrefix }: { id: string; error?: string; prefix?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">{prefix}:</span> {error}
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

export function Label({ id, label, heading = false }: { id: string; label: string; heading?: boolean }) {
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

export function Legend({ label, heading = false }: { label: string; heading?: boolean }) {
  return heading ? (
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
      <h1 class="govuk-fieldset__heading">{label}</h1>
    </legend>
  ) : (
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
  );
}

/**
 * A labelled field whose control the caller draws (settings, passphrases, sign-in): label, hint and
 * error, then the control, which should carry `id` and `aria-describedby={describedBy(id, hint, error)}`.
 * `extra` is a further class of the group, with its leading space (' govuk-password-input').
 */
export function FormGroup({ id, label, hint, error, extra, children }: Omit<FieldChrome, 'heading'> & { extra?: string; children: ComponentChildren }) {
  return (
    <div class={formGroupClass(error, extra)}>
      <Label id={id} label={label} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}
