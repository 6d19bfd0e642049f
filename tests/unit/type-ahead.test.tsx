// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferenceListsContext } from '../../src/app/form/reference-lists-context.ts';
import { openReferenceLists } from '../../src/app/form/reference-lists.ts';
import { TypeAhead, type TypeAheadProps } from '../../src/app/form/TypeAhead.tsx';
import { createApiClient } from '../../src/sync/api-client.ts';

/** The lists shipped with the app; the server is never asked here. */
const lists = openReferenceLists(createApiClient({ fetch: () => Promise.reject(new Error('offline')) }));
const openLists = () => Promise.resolve(lists);

/** The page's side: holds the answer and hears every change. */
function Field({ onChange, initial = '', ...props }: Partial<TypeAheadProps> & { onChange: (text: string) => void; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <ReferenceListsContext.Provider value={openLists}>
      <form onSubmit={(event) => event.preventDefault()}>
        <TypeAhead
          id="town"
          name="town"
          label="Town or city"
          list="uk-towns"
          value={value}
          onChange={(text) => {
            setValue(text);
            onChange(text);
          }}
          {...props}
        />
      </form>
    </ReferenceListsContext.Provider>
  );
}

afterEach(cleanup);

async function setUp(props: Partial<TypeAheadProps> = {}) {
  const onChange = vi.fn();
  const view = render(<Field onChange={onChange} {...props} />);
  const input = view.getByRole('combobox', { name: props.label ?? 'Town or city' }) as HTMLInputElement;
  const listbox = view.container.querySelector('[role="listbox"]') as HTMLElement;
  const options = () => [...listbox.querySelectorAll('[role="option"]')].map((option) => option.textContent);
  /** Types and waits for the list (loaded lazily) to answer. */
  const type = async (text: string) => {
    fireEvent.input(input, { target: { value: text } });
    await waitFor(() => expect(listbox.hidden).toBe(false));
  };
  return { view, input, listbox, options, type, onChange };
}

describe('TypeAhead', () => {
  it('is a labelled ARIA 1.2 combobox, closed until the user types', async () => {
    const { input, listbox } = await setUp({ hint: 'Where they are staying now', error: 'Select a town from the list' });
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(input.getAttribute('aria-describedby')).toBe('town-hint town-error town-usage');
    expect(input.classList.contains('govuk-input--error')).toBe(true);
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(listbox.hidden).toBe(true);
    expect(listbox.getAttribute('aria-labelledby')).toBe('town-label');
  });

  it('puts the label in the page heading when it is the page’s question', async () => {
    const { view } = await setUp({ labelIsPageHeading: true, label: 'Where are they staying now?' });
    expect(view.getByRole('heading', { level: 1 }).textContent).toBe('Where are they staying now?');
  });

  it('reports what is typed, suggests matches best first (at most 10), and announces how many', async () => {
    const { input, options, type, onChange, view } = await setUp();
    await type('newp');
    expect(onChange).toHaveBeenLastCalledWith('newp');
    // Equally good matches: the city of Newport (Casnewydd) first, as one of the largest UK places, then alphabetical.
    expect(options()).toEqual(['Newport / Casnewydd', 'Newport', 'Newport / Trefdraeth', 'Newport Pagnell', 'Newport-on-Tay']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(view.getByRole('status').textContent).toBe('5 suggestions are available'));
    await type('b');
    expect(options()).toHaveLength(10);
  });

  it('chooses with the arrows and Enter, giving the list’s own value; Enter does not submit then', async () => {
    const { input, listbox, type, onChange } = await setUp();
    await type('cardiff');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('town-option-0');
    expect(listbox.querySelector('#town-option-0')?.getAttribute('aria-selected')).toBe('true');
    const enter = fireEvent.keyDown(input, { key: 'Enter' });
    expect(enter).toBe(false); // default prevented: choosing is not submitting
    expect(onChange).toHaveBeenLastCalledWith('Cardiff / Caerdydd');
    expect(input.value).toBe('Cardiff / Caerdydd');
    expect(listbox.hidden).toBe(true);
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('moves up and down within the suggestions, and back to the text', async () => {
    const { input, type } = await setUp();
    await type('newp');
    for (let i = 0; i < 7; i += 1) fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('town-option-4');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe('town-option-3');
    for (let i = 0; i < 4; i += 1) fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('chooses a tapped suggestion without losing the focus', async () => {
    const { input, listbox, type, onChange } = await setUp();
    input.focus();
    await type('aberdare');
    const option = listbox.querySelector('[role="option"]') as HTMLElement;
    expect(fireEvent.mouseDown(option)).toBe(false); // the input keeps the focus (and the keyboard stays up)
    fireEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith('Aberdare / Aberdâr');
    expect(listbox.hidden).toBe(true);
  });

  it('closes on Escape without letting it reach the app’s quick hide; a second Escape does', async () => {
    const { input, listbox, type } = await setUp();
    const hide = vi.fn();
    document.addEventListener('keydown', hide);
    try {
      await type('leeds');
      fireEvent.keyDown(input, { key: 'Escape' });
      expect(listbox.hidden).toBe(true);
      expect(hide).not.toHaveBeenCalled();
      fireEvent.keyDown(input, { key: 'Escape' });
      expect(hide).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('keydown', hide);
    }
  });

  it('takes the highlighted suggestion on Tab, and just closes without one', async () => {
    const { input, listbox, type, onChange } = await setUp();
    await type('york');
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(listbox.hidden).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith('york');
    await type('york');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(onChange).toHaveBeenLastCalledWith('York');
  });

  it('replaces an exact match with the list’s spelling on leaving the field, and keeps anything else as typed', async () => {
    const { input, type, onChange } = await setUp();
    await type('  kingston upon  hull ');
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith('Kingston upon Hull');
    await type('Atlantis');
    onChange.mockClear();
    fireEvent.blur(input);
    expect(onChange).not.toHaveBeenCalled();
    expect(input.value).toBe('Atlantis');
  });

  it('says when nothing matches', async () => {
    const { options, type, view } = await setUp();
    await type('zzzz');
    expect(options()).toEqual(['No results found']);
    await waitFor(() => expect(view.getByRole('status').textContent).toBe('No results found'));
  });

  it('never suggests an excluded value', async () => {
    const { options, type } = await setUp({ list: 'countries', label: 'Country', exclude: ['United Kingdom'] });
    await type('united');
    expect(options()).toEqual(['United Arab Emirates', 'United States']);
  });
});
