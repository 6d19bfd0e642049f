import type { ComponentChildren } from 'preact';
import { ErrorMessage, Hint, Legend, describedBy, formGroupClass, type FieldChrome } from './field-parts.tsx';

/** What one radio button or checkbox needs from the form. */
export interface RadioFieldProps {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  /** A heading shown above the first option of each run of options with the same group. */
  group?: string;
  field: RadioFieldProps;
  /** Follow-up questions shown under this option while it is chosen. */
  conditional?: ComponentChildren;
}

export type ChoiceKind = 'radios' | 'checkboxes';

export interface ChoiceGroupProps extends FieldChrome {
  kind: ChoiceKind;
  options: readonly ChoiceOption[];
  /** GOV.UK's small radios or checkboxes, for a choice that is not the page's main question. */
  small?: boolean;
}

/** The options; the first input has the group's id (the error summary links there), the others `${id}-${value}`. */
function Options({ id, kind, options }: { id: string; kind: ChoiceKind; options: readonly ChoiceOption[] }) {
  return (
    <>
      {options.map((option, index) => {
        const inputId = index === 0 ? id : `${id}-${option.value}`;
        const groupStart = option.group && option.group !== options[index - 1]?.group;
        return (
          <div key={option.value}>
            {groupStart ? <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-top-4 govuk-!-margin-bottom-2">{option.group}</p> : null}
            <div class={`govuk-${kind}__item`}>
              <input class={`govuk-${kind}__input`} id={inputId} type={kind === 'radios' ? 'radio' : 'checkbox'} aria-describedby={option.hint ? `${inputId}-item-hint` : undefined} {...option.field} />
              <label class={`govuk-label govuk-${kind}__label`} for={inputId}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${inputId}-item-hint`} class={`govuk-hint govuk-${kind}__hint`}>
                  {option.hint}
                </div>
              ) : null}
            </div>
            {option.conditional && option.field.checked ? <div class={`govuk-${kind}__conditional`}>{option.conditional}</div> : null}
          </div>
        );
      })}
    </>
  );
}

/** GOV.UK radios or checkboxes in a fieldset; follow-up questions open under the option they belong to. */
export function ChoiceGroup({ id, label, hint, error, heading, kind, options, small }: ChoiceGroupProps) {
  return (
    <div class={formGroupClass(error)}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend label={label} heading={heading} />
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class={`govuk-${kind}${small ? ` govuk-${kind}--small` : ''}`}>
          <Options id={id} kind={kind} options={options} />
        </div>
      </fieldset>
    </div>
  );
}

/** One tick on its own, that confirms something ("I have checked…"): no fieldset, the label beside the box. */
export function Checkbox({ id, label, hint, error, field }: Omit<FieldChrome, 'heading'> & { field: RadioFieldProps }) {
  return (
    <div class={formGroupClass(error)}>
      <ErrorMessage id={id} error={error} />
      <div class="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input class="govuk-checkboxes__input" id={id} type="checkbox" aria-describedby={describedBy(id, hint, error)} {...field} />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {label}
          </label>
          <Hint id={id} hint={hint} />
        </div>
      </div>
    </div>
  );
}
