import { listErrors, listsFor } from '../../shared/form/list-rules.ts';
import type { Answers } from '../../shared/form/model.ts';
import { profileEditPage, profileErrors, profileFrom, type ResponderProfile } from '../../shared/form/responder-profile.ts';
import { Button, ButtonGroup } from '../../govuk/Button.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { useListLookup } from '../form/list-lookup.ts';
import { profileContent } from '../form/profile-content.ts';
import { QuestionFields } from '../form/QuestionFields.tsx';
import { useStepForm } from '../form/use-step-form.ts';

const text = profileContent;
const LISTS = listsFor(profileEditPage);

/** Every question of the responder's details on one page, checked by the form's own rules (and lists). */
export function ProfileForm({ initial, onSaved, onCancel }: { initial: Answers; onSaved: (profile: ResponderProfile) => Promise<void>; onCancel: () => void }) {
  const listLookup = useListLookup();
  const form = useStepForm(profileErrors, initial, () => undefined);
  const onSubmit = form.handleSubmit(
    async (values) => onSaved(profileFrom(values)),
    async (values) => listErrors(profileEditPage, values, await listLookup(LISTS)),
  );
  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message }));
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="profile-form">
      <ErrorSummary errors={summary} attempt={form.attempts} />
      <QuestionFields page={profileEditPage} form={form} />
      <ButtonGroup>
        <Button type="submit">{text.settingsSave}</Button>
        <Button secondary onClick={onCancel}>
          {text.cancel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
