import type { ReferenceListName } from '../../shared/reference-lists.ts';
import { ErrorMessage, Hint, describedBy } from '../../govuk/field-parts.tsx';
import { TypeAhead } from './TypeAhead.tsx';
import { formContent, lowerFirst } from './content.ts';

interface PlacesProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  list: ReferenceListName;
  exclude?: readonly string[];
  maxItems: number;
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** Up to `maxItems` places from one list, one box each: the GOV.UK "add another" pattern. */
export function PlacesQuestion({ id, label, hint, error, list, exclude, maxItems, values, onChange }: PlacesProps) {
  const rows = values.length > 0 ? values : [''];
  const setRow = (index: number, text: string) => onChange(rows.map((row, at) => (at === index ? text : row)));
  const removeRow = (index: number) => onChange(rows.filter((_, at) => at !== index));
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        {rows.map((row, index) => (
          <div class="app-places__row" key={index}>
            <TypeAhead
              id={index === 0 ? id : `${id}-${index + 1}`}
              name={`${id}-${index + 1}`}
              label={formContent.places.entry(label, index + 1)}
              list={list}
              exclude={exclude}
              value={row}
              onChange={(text) => setRow(index, text)}
            />
            {rows.length > 1 ? (
              <button type="button" class="govuk-button govuk-button--secondary app-places__remove" onClick={() => removeRow(index)}>
                {formContent.places.remove}
                <span class="govuk-visually-hidden"> {lowerFirst(formContent.places.entry(label, index + 1))}</span>
              </button>
            ) : null}
          </div>
        ))}
        {rows.length < maxItems ? (
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onChange([...rows, ''])}>
            {formContent.places.add(label)}
          </button>
        ) : (
          <p class="govuk-body">{formContent.places.full(maxItems)}</p>
        )}
      </fieldset>
    </div>
  );
}
