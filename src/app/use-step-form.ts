import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod/mini';

export type FieldErrors = Record<string, string>;

/**
 * The little form state our one-question pages need: values as typed, errors from the page's own
 * zod schema on Continue (and again on every change after that, so an error clears as it is fixed).
 * react-hook-form did the same at about 20 KB gzip, which the first-load budget cannot carry.
 */
export function useStepForm<S extends z.ZodMiniObject>(schema: S, initial: Record<string, string>, onChange: (values: Record<string, string>) => void) {
  const [values, setValues] = useState(initial);
  // The latest values, whatever has rendered: a tap on Continue right after typing must see them.
  const latest = useRef(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempts, setAttempts] = useState(0);

  const validate = (next: Record<string, string>): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } => {
    const result = schema.safeParse(next);
    if (result.success) return { ok: true, data: result.data };
    const found: FieldErrors = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      found[name] ??= issue.message;
    }
    return { ok: false, errors: found };
  };

  const set = (name: string, value: string) => {
    const next = { ...latest.current, [name]: value };
    latest.current = next;
    setValues(next);
    onChange(next);
    if (attempts > 0) {
      const checked = validate(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  };

  return {
    values,
    errors,
    /** How many times Continue was pressed: the error summary takes focus after each. */
    attempts,
    /** Props for a text input or text area. */
    text: (name: string) => ({ name, value: values[name] ?? '', onInput: (event: Event) => set(name, (event.currentTarget as HTMLInputElement).value) }),
    /** Props for one radio button of a group. */
    radio: (name: string, value: string) => ({ name, value, checked: values[name] === value, onChange: () => set(name, value) }),
    handleSubmit: (onValid: (data: z.output<S>) => Promise<void>) => (event: Event) => {
      event.preventDefault();
      setAttempts((n) => n + 1);
      const checked = validate(latest.current);
      setErrors(checked.ok ? {} : checked.errors);
      if (checked.ok) void onValid(checked.data);
    },
  };
}
