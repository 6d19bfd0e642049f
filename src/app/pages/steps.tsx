import { NARRATIVE_MAX, ageGroups, type AgeGroup } from '../../shared/referral.ts';
import { stepSchemas, type StepId } from '../../shared/steps.ts';
import type { Draft, DraftChange } from '../../store/drafts.ts';
import { Radios, TextInput, Textarea } from '../components/fields.tsx';
import { content } from '../content.ts';
import { nextPlace } from '../journey.ts';
import { navigate, paths, placePath } from '../router.ts';
import { useAutosave } from '../use-autosave.ts';
import { useStepForm } from '../use-step-form.ts';
import { QuestionPage } from './QuestionPage.tsx';

interface StepProps {
  draft: Draft;
  change: boolean;
}

/** What every step does with its form: autosave every change, then on a valid Continue go to the next page. */
function useStep<S extends StepId>(step: S, { draft, change }: StepProps, initial: Record<string, string>, toChange: (values: Record<string, string>) => DraftChange) {
  const autosave = useAutosave(draft.id);
  const form = useStepForm(stepSchemas[step], initial, (values) => autosave.schedule(toChange(values)));
  const onSubmit = form.handleSubmit(async (values) => {
    autosave.schedule(toChange(values as Record<string, string>));
    await autosave.flush();
    navigate(change ? paths.check(draft.id) : placePath(draft.id, nextPlace(step)));
  });
  const page = { draftId: draft.id, step, change, errors: form.errors, attempt: form.attempts, savedMessage: autosave.message, onSubmit };
  return { form, page };
}

export function CaseLabelStep(props: StepProps) {
  const text = content.steps['case-label'];
  const { form, page } = useStep('case-label', props, { caseLabel: props.draft.caseLabel }, (values) => ({ caseLabel: values.caseLabel ?? '' }));
  return (
    <QuestionPage {...page}>
      <TextInput id="caseLabel" label={text.title} hint={text.hint} error={form.errors.caseLabel} field={form.text('caseLabel')} />
    </QuestionPage>
  );
}

export function AgeStep(props: StepProps) {
  const text = content.steps.age;
  const { form, page } = useStep('age', props, { ageGroup: props.draft.answers.ageGroup ?? '' }, (values) => ({
    answers: { ageGroup: (ageGroups as readonly string[]).includes(values.ageGroup ?? '') ? (values.ageGroup as AgeGroup) : undefined },
  }));
  return (
    <QuestionPage {...page}>
      <Radios
        id="ageGroup"
        legend={text.title}
        hint={text.hint}
        error={form.errors.ageGroup}
        options={ageGroups.map((value) => ({ value, label: text.options[value], field: form.radio('ageGroup', value) }))}
      />
    </QuestionPage>
  );
}

export function AccountStep(props: StepProps) {
  const text = content.steps.account;
  const { form, page } = useStep('account', props, { account: props.draft.answers.account ?? '' }, (values) => ({ answers: { account: values.account } }));
  return (
    <QuestionPage {...page}>
      <Textarea id="account" label={text.title} hint={text.hint} error={form.errors.account} field={form.text('account')} length={(form.values.account ?? '').length} max={NARRATIVE_MAX} />
    </QuestionPage>
  );
}

export const stepComponents: Record<StepId, (props: StepProps) => preact.JSX.Element> = {
  'case-label': CaseLabelStep,
  age: AgeStep,
  account: AccountStep,
};
