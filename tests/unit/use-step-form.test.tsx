// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageById } from '../../src/shared/form/journey.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import { pageErrors } from '../../src/shared/form/page-schema.ts';
import { useStepForm } from '../../src/app/form/use-step-form.ts';

const caseLabelPage = pageById('case-label')!;

function CaseLabelForm({ onValid, onChange }: { onValid: (data: unknown) => Promise<void>; onChange: (values: Answers) => void }) {
  const form = useStepForm((values) => pageErrors(caseLabelPage, values), { caseLabel: '' }, onChange);
  return (
    <form onSubmit={form.handleSubmit(onValid)}>
      <input aria-label="label" {...form.text('caseLabel')} />
      {form.errors.caseLabel ? <p role="alert">{form.errors.caseLabel}</p> : null}
      <button type="submit">Continue</button>
    </form>
  );
}

afterEach(cleanup);

describe('step form', () => {
  it('submits what was typed, and reports every change', async () => {
    const onValid = vi.fn(async () => undefined);
    const onChange = vi.fn();
    const view = render(<CaseLabelForm onValid={onValid} onChange={onChange} />);
    const input = view.getByLabelText('label');
    fireEvent.input(input, { target: { value: 'OP-9' } });
    fireEvent.submit(input.closest('form')!);
    await vi.waitFor(() => expect(onValid).toHaveBeenCalledWith({ caseLabel: 'OP-9' }));
    expect(onChange).toHaveBeenLastCalledWith({ caseLabel: 'OP-9' });
  });

  it('shows the schema’s message on a failed Continue, and clears it as the answer is fixed', async () => {
    const onValid = vi.fn(async () => undefined);
    const view = render(<CaseLabelForm onValid={onValid} onChange={() => undefined} />);
    fireEvent.submit(view.getByLabelText('label').closest('form')!);
    expect(onValid).not.toHaveBeenCalled();
    expect((await view.findByRole('alert')).textContent).toBe('Enter your own case reference, for example your notebook or crime reference');
    fireEvent.input(view.getByLabelText('label'), { target: { value: 'OP-10' } });
    await vi.waitFor(() => expect(view.queryByRole('alert')).toBeNull());
  });
});
