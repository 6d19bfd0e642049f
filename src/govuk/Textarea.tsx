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
  /**
   * GOV.UK's threshold: the count shows only once this percentage of the limit is typed. Until then a
   * screen reader hears the limit itself, once (`countText.upTo`); nothing shows. Without it, always shown.
   */
  threshold?: number;
  /** The count's words, for characters left (`n` ≥ 0), characters over (`n` > 0), and the limit (before the threshold). */
  countText?: { remaining: (n: number) => string; over: (n: number) => string; upTo?: (n: number) => string };
}

/** Percent of the limit typed before a thresholded count shows: GOV.UK's own example. */
export const COUNT_THRESHOLD = 75;

/** GOV.UK textarea, with the character count when it has a limit. */
export function Textarea({ id, label, hint, error, heading, field, rows = 5, maxLength, threshold = 0, countText = govukText.characters }: TextareaProps) {
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
  const near = field.value.length >= (maxLength * threshold) / 100;
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
      <div id={countId} class={`govuk-hint govuk-character-count__message${left < 0 ? ' govuk-error-message' : ''}${near ? '' : ' govuk-visually-hidden'}`} aria-live="polite">
        {near ? (left >= 0 ? countText.remaining(left) : countText.over(-left)) : (countText.upTo ?? govukText.characters.upTo)(maxLength)}
      </div>
    </div>
  );
}
