import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'preact/hooks';
import { useForm, type DeepPartial, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { NARRATIVE_MAX, ageGroups } from '../../shared/referral.ts';
import { stepSchemas, type StepId, type StepValues } from '../../shared/steps.ts';
import type { Draft, DraftChange } from '../../store/drafts.ts';
import { Radios, TextInput, Textarea } from '../components/fields.tsx';
import { content } from '../content.ts';
import { nextPlace } from '../journey.ts';
import { navigate, paths, placePath } from '../router.ts';
import { useAutosave } from '../use-autosave.ts';
import { QuestionPage } from './QuestionPage.tsx';

interface StepProps {
  draft: Draft;
  change: boolean;
}

/** What every step does with its form: autosave every change, then on a valid Continue go to the next page. */
function useStepBehaviour<T extends FieldValues>(step: StepId, { draft, change }: StepProps, form: UseFormReturn<T>, toChange: (values: DeepPartial<T>) => DraftChange) {
  const autosave = useAutosave(draft.id);
  useEffect(() => {
    const subscription = form.watch((values) => autosave.schedule(toChange(values as DeepPartial<T>)));
    return () => subscription.unsubscribe();
  }, [form.watch]);

  const onSubmit = form.handleSubmit(async (values) => {
    autosave.schedule(toChange(values as DeepPartial<T>));
    await autosave.flush();
    const next = nextPlace(step);
    navigate(change ? paths.check(draft.id) : placePath(draft.id, next));
  });
  return { draftId: draft.id, step, change, errors: form.formState.errors, savedMessage: autosave.message, onSubmit };
}

export function CaseLabelStep(props: StepProps) {
  const text = content.steps['case-label'];
  const form = useForm<StepValues<'case-label'>>({ resolver: zodResolver(stepSchemas['case-label']), defaultValues: { caseLabel: props.draft.caseLabel }, shouldFocusError: false });
  const page = useStepBehaviour('case-label', props, form, (values) => ({ caseLabel: values.caseLabel ?? '' }));
  return (
    <QuestionPage {...page}>
      <TextInput id="caseLabel" label={text.title} hint={text.hint} error={form.formState.errors.caseLabel?.message} field={form.register('caseLabel')} />
    </QuestionPage>
  );
}

export function AgeStep(props: StepProps) {
  const text = content.steps.age;
  const form = useForm<StepValues<'age'>>({ resolver: zodResolver(stepSchemas.age), defaultValues: { ageGroup: props.draft.answers.ageGroup }, shouldFocusError: false });
  const page = useStepBehaviour('age', props, form, (values) => ({ answers: { ageGroup: values.ageGroup } }));
  return (
    <QuestionPage {...page}>
      <Radios
        id="ageGroup"
        legend={text.title}
        hint={text.hint}
        error={form.formState.errors.ageGroup?.message}
        options={ageGroups.map((value) => ({ value, label: text.options[value] }))}
        field={form.register('ageGroup')}
      />
    </QuestionPage>
  );
}

export function AccountStep(props: StepProps) {
  const text = content.steps.account;
  const form = useForm<StepValues<'account'>>({ resolver: zodResolver(stepSchemas.account), defaultValues: { account: props.draft.answers.account ?? '' }, shouldFocusError: false });
  const page = useStepBehaviour('account', props, form, (values) => ({ answers: { account: values.account } }));
  const length = (form.watch('account') ?? '').length;
  return (
    <QuestionPage {...page}>
      <Textarea
        id="account"
        label={text.title}
        hint={text.hint}
        error={form.formState.errors.account?.message}
        field={form.register('account')}
        length={length}
        max={NARRATIVE_MAX}
      />
    </QuestionPage>
  );
}

export const stepComponents: Record<StepId, (props: StepProps) => preact.JSX.Element> = {
  'case-label': CaseLabelStep,
  age: AgeStep,
  account: AccountStep,
};
