import { useRef, useState } from 'preact/hooks';
import type { AnswerValue, Answers } from '../../shared/form/model.ts';

export type FieldErrors = Record<string, string>;

/**
 * The little form state our question pages need: values as typed, errors from the page's own rules
 * on Continue (and again on every change after that, so an error clears as it is fixed).
 * react-hook-form did the same at about 20 KB gzip, which the first-load budget cannot carry.
 */
export function useStepForm(validate: (values: Answers) => FieldErrors, initial: Answers, onChange: (values: Answers) => void) {
  const [values, setValues] = useState(initial);
  // The latest values, whatever has rendered: a tap on Continue right after typing must see them.
  const latest = useRef(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempts, setAttempts] = useState(0);

  const set = (name: string, value: AnswerValue | undefined) => {
    const next = { ...latest.current, [name]: value };
    latest.current = next;
    setValues(next);
    onChange(next);
    if (attempts > 0) setErrors(validate(next));
  };

  const list = (name: string): readonly string[] => {
    const value = latest.current[name];
    return Array.isArray(value) ? value : [];
  };

  return {
    values,
    errors,
    /** How many times Continue was pressed: the error summary takes focus after each. */
    attempts,
    set,
    /** Props for a text input or text area. */
    text: (name: string) => {
      const value = values[name];
      return { name, value: typeof value === 'string' ? value : '', onInput: (event: Event) => set(name, (event.currentTarget as HTMLInputElement).value) };
    },
    /** Props for one radio button of a group. */
    radio: (name: string, value: string) => ({ name, value, checked: values[name] === value, onChange: () => set(name, value) }),
    /** Props for one checkbox of a group, whose answer is the list of ticked values. */
    checkbox: (name: string, value: string) => {
      const ticked = Array.isArray(values[name]) && (values[name] as readonly string[]).includes(value);
      return {
        name,
        value,
        checked: ticked,
        onChange: () => set(name, ticked ? list(name).filter((entry) => entry !== value) : [...list(name), value]),
      };
    },
    /** Props for a single tick that confirms something ("yes" or nothing). */
    confirm: (name: string) => ({ name, value: 'yes', checked: values[name] === 'yes', onChange: () => set(name, latest.current[name] === 'yes' ? undefined : 'yes') }),
    /** Runs the page's rules on the latest values; `extra` adds checks that need to wait (reference lists). */
    handleSubmit: (onValid: (values: Answers) => Promise<void>, extra?: (values: Answers) => Promise<FieldErrors>) => async (event: Event) => {
      event.preventDefault();
      const current = latest.current;
      const found = { ...(await extra?.(current)), ...validate(current) };
      setAttempts((n) => n + 1);
      setErrors(found);
      if (Object.keys(found).length === 0) await onValid(current);
    },
  };
}
