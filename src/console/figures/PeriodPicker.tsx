import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { ChoiceGroup } from '../../govuk/Choices.tsx';
import { DateInput } from '../../govuk/DateInput.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Select } from '../../govuk/Select.tsx';
import { figuresContent } from './content.ts';
import { formFromPeriod, periodFromForm, quarterChoices, yearChoices, type PeriodField, type PeriodForm, type PeriodKind } from './period.ts';

const text = figuresContent.period;
const KINDS: readonly PeriodKind[] = ['quarter', 'year', 'range'];

/**
 * The period the figures cover: a quarter, a calendar year, or any UK days from–to. A GET form: the
 * answer goes into the address (`?period=…`), so the view can be bookmarked and back goes back to it.
 */
export function PeriodPicker({ period, now, onPick }: { period: string; now: Date; onPick: (period: string) => void }) {
  const [form, setForm] = useState<PeriodForm>(() => formFromPeriod(period, now));
  const [errors, setErrors] = useState<{ field: PeriodField; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errorFor = (field: PeriodField) => errors.find((error) => error.field === field)?.message;

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = periodFromForm(form);
    setAttempt((n) => n + 1);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors([]);
    onPick(checked.param);
  };

  const kindOption = (kind: PeriodKind) => ({
    value: kind,
    label: text[kind],
    field: { name: 'period-kind', value: kind, checked: form.kind === kind, onChange: () => setForm({ ...form, kind }) },
    conditional: conditional(kind),
  });

  function conditional(kind: PeriodKind) {
    if (kind === 'quarter') {
      return <Select id="period-quarter" label={text.quarterLabel} options={quarterChoices(now)} field={{ name: 'quarter', value: form.quarter, onChange: (quarter) => setForm({ ...form, quarter }) }} />;
    }
    if (kind === 'year') {
      return <Select id="period-year" label={text.yearLabel} options={yearChoices(now)} field={{ name: 'year', value: form.year, onChange: (year) => setForm({ ...form, year }) }} />;
    }
    return (
      <>
        <DateInput id="period-from" label={text.fromLabel} hint={text.fromHint} error={errorFor('from')} value={form.from} onChange={(part, value) => setForm({ ...form, from: { ...form.from, [part]: value } })} />
        <DateInput id="period-to" label={text.toLabel} hint={text.toHint} error={errorFor('to')} value={form.to} onChange={(part, value) => setForm({ ...form, to: { ...form.to, [part]: value } })} />
      </>
    );
  }

  return (
    <form method="get" action="" noValidate onSubmit={submit} class="app-figures-period" data-testid="period-picker">
      <ErrorSummary errors={errors.map((error) => ({ href: `#period-${error.field}`, message: error.message }))} attempt={attempt} />
      <ChoiceGroup id="period-kind" kind="radios" small label={text.kind} options={KINDS.map(kindOption)} />
      <Button type="submit" class="govuk-!-margin-bottom-4">
        {text.submit}
      </Button>
    </form>
  );
}
