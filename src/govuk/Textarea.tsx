import { ErrorMessage, Hint, Label, describedBy, formGroupClass, type FieldChrome } from './field-parts.tsx';
import { govukText } from './text.ts';
import type { TextFieldProps } from './TextInput.tsx';

export interface TextareaProps extends FieldChrome {
  field: TextFieldProps;
  rows?: number;
  /**
   * With a limit, the GOV.UK character count: typing past it is allowed and then flagged, so nothing
   * pasted is cut off. Without one, a plain text area.
   */
  maxLength?: number;
  /** The count's words, for characters left (`n` ≥ 0) and characters over (`n` > 0). */
  countText?: { remaining: (n: number) => string; over: (n: number) => string };
}

/** GOV.UK textarea, with the character count when it has a limit. */
export function Textarea({ id, label, hint, error, heading, field, rows = 5, maxLength, countText = govukText.characters }: TextareaProps) {
  if (maxLength === undefined) {
    return (
      <div class={formGroupClass(error)}>
        <Label id={id} label={label} heading={heading} />
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <textarea id={id} class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} rows={rows} aria-describedby={describedBy(id, hint, error)} {...field} />
      </div>
    );
  }
  const left = maxLength - field.value.length;
  const countId = `${id}-info`;
  return (
    <div class={formGroupClass(error, ' govuk-character-count')}>
      <Label id={id} label={label} heading={heading} />
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
        {left >= 0 ? countText.remaining(left) : countText.over(-left)}
      </div>
    </div>
  );
}
