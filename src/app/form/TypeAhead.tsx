import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LARGEST_UK_PLACES } from '../../shared/reference/largest-uk-places.ts';
import { findItem, matchItems, type ReferenceItem, type ReferenceList, type ReferenceListName } from '../../shared/reference-lists.ts';
import { useReferenceLists } from './reference-lists-context.ts';

export interface TypeAheadProps {
  id: string;
  name: string;
  label: string;
  labelIsPageHeading?: boolean;
  hint?: string;
  error?: string;
  list: ReferenceListName;
  /** Values never suggested (already chosen elsewhere, or the United Kingdom for places overseas). */
  exclude?: readonly string[];
  value: string;
  /** Called with the text as typed, and with the list's own value when an option is chosen. */
  onChange: (text: string) => void;
}

/** Enough to choose from on a phone without scrolling far. */
const MAX_OPTIONS = 10;
/** The count is announced once typing pauses, not after every letter. */
export const STATUS_DELAY_MS = 500;

// The component's own words, kept with it (the form's copy lives in content.ts).
const copy = {
  usage:
    'When suggestions appear, use the up and down arrows to review them and Enter to choose one. On a touch screen, explore by touch or swipe.',
  noResults: 'No results found',
  results: (count: number) => (count === 1 ? '1 suggestion is available' : `${count} suggestions are available`),
};

/**
 * A text input that suggests values from a reference list as the user types: the ARIA 1.2 combobox
 * pattern (list autocomplete, manual selection) in GOV.UK Frontend's look. The text is the answer, so
 * nothing typed is lost when no suggestion fits; the page checks it against the list (findItem).
 */
export function TypeAhead({ id, name, label, labelIsPageHeading, hint, error, list, exclude, value, onChange }: TypeAheadProps) {
  const [items, setItems] = useState<ReferenceList | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');

  const referenceLists = useReferenceLists();
  useEffect(() => {
    let current = true;
    setItems(undefined);
    referenceLists()
      .then((lists) => lists.load(list))
      .then(
      (loaded) => current && setItems(loaded),
      () => undefined, // Without a list the field is still a plain text input.
    );
    return () => {
      current = false;
    };
  }, [list, referenceLists]);

  const excludedKey = (exclude ?? []).join('\n');
  const options = useMemo(() => {
    if (!items || !value.trim()) return [];
    const excluded = new Set(excludedKey ? excludedKey.split('\n') : []);
    return matchItems(items, value, MAX_OPTIONS + excluded.size, list === 'uk-towns' ? LARGEST_UK_PLACES : undefined)
      .filter((item) => !excluded.has(item.value))
      .slice(0, MAX_OPTIONS);
  }, [items, value, excludedKey]);

  const shown = open && items !== undefined && value.trim() !== '';
  const activeOption = shown && active >= 0 ? options[active] : undefined;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const statusText = !shown ? '' : options.length === 0 ? copy.noResults : copy.results(options.length);
  useEffect(() => {
    const timer = setTimeout(() => setStatus(statusText), STATUS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [statusText]);

  // A long list scrolls within itself (at 200% zoom, say): keep the highlighted option in view.
  const activeId = activeOption ? optionId(active) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (item: ReferenceItem) => {
    close();
    if (item.value !== value) onChange(item.value);
  };
  /** "  cardiff / caerdydd" becomes "Cardiff / Caerdydd": the list's own spelling, once the user is done. */
  const canonicalise = () => {
    const item = items && findItem(items, value);
    if (item && item.value !== value) onChange(item.value);
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        if (!value.trim()) return;
        event.preventDefault();
        if (!open) setOpen(true);
        setActive(Math.min(active + 1, options.length - 1));
        return;
      case 'ArrowUp':
        if (!shown) return;
        event.preventDefault();
        setActive(active <= 0 ? -1 : active - 1);
        return;
      case 'Enter':
        if (activeOption) {
          event.preventDefault(); // choosing is not yet submitting the page
          choose(activeOption);
        } else {
          close();
          canonicalise(); // before the form reads the answer on submit
        }
        return;
      case 'Escape':
        // The first Escape closes the suggestions; with none open, Escape reaches the app's quick hide.
        if (shown) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        return;
      case 'Tab':
        if (activeOption) choose(activeOption);
        else close();
        return;
    }
  };

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', `${id}-usage`].filter(Boolean).join(' ');
  const labelElement = (
    <label id={`${id}-label`} class={`govuk-label ${labelIsPageHeading ? 'govuk-label--l' : 'govuk-label--s'}`} for={id}>
      {label}
    </label>
  );

  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {labelIsPageHeading ? <h1 class="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${id}-hint`} class="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <div class="app-type-ahead">
        <input
          id={id}
          name={name}
          class={`govuk-input app-type-ahead__input${error ? ' govuk-input--error' : ''}`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown ? 'true' : 'false'}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          value={value}
          onInput={(event) => {
            const text = event.currentTarget.value;
            setOpen(text.trim() !== '');
            setActive(-1);
            onChange(text);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            close();
            canonicalise();
          }}
        />
        <ul id={listboxId} role="listbox" aria-labelledby={`${id}-label`} class="app-type-ahead__listbox" hidden={!shown}>
          {shown && options.length === 0 ? (
            <li class="app-type-ahead__option app-type-ahead__option--none" role="option" aria-selected="false" aria-disabled="true">
              {copy.noResults}
            </li>
          ) : null}
          {shown
            ? options.map((item, index) => (
                <li
                  key={item.value}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active ? 'true' : 'false'}
                  class={`app-type-ahead__option${index === active ? ' app-type-ahead__option--active' : ''}`}
                  // Keeps the focus (and the on-screen keyboard) in the input while the option is pressed.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(item)}
                >
                  {item.label}
                </li>
              ))
            : null}
        </ul>
        <span id={`${id}-usage`} class="govuk-visually-hidden">
          {copy.usage}
        </span>
        <div class="govuk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </div>
      </div>
    </div>
  );
}
