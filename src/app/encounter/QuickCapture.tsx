import { useRef } from 'preact/hooks';
import { caseLabelField } from '../../shared/case-label.ts';
import { answersToForget } from '../../shared/form/journey.ts';
import { listErrors, listsFor } from '../../shared/form/list-rules.ts';
import type { Answers, PageDef } from '../../shared/form/model.ts';
import { quickCaptureErrors, quickCapturePage } from '../../shared/quick-capture.ts';
import type { Draft, DraftChange } from '../../store/drafts.ts';
import type { Encounter } from '../../store/encounters.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { QuestionPage } from '../../govuk/QuestionPage.tsx';
import { Button, ButtonGroup } from '../../govuk/Button.tsx';
import { SavedLine } from '../form/SavedLine.tsx';
import { encounterContent } from './content.ts';
import { useListLookup } from '../form/list-lookup.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useAutosave } from '../form/use-autosave.ts';
import { useDraft } from '../form/use-draft.ts';
import { useStepForm } from '../form/use-step-form.ts';
import { NotFound } from '../shell/NotFound.tsx';
import { QuestionFields } from '../form/QuestionFields.tsx';
import { PersonPhotos } from '../evidence/PersonPhotos.tsx';
import { useEncounters } from './use-encounters.ts';

const text = encounterContent;
/** The case label first (it names the person on this device; made by the encounter, so without the form's hint), then the form's own quick questions. */
const shownPage: PageDef = { ...quickCapturePage, fields: [{ ...caseLabelField, hint: undefined }, ...quickCapturePage.fields] };
const LIST_NAMES = listsFor(quickCapturePage);

function toChange(values: Answers, forget: readonly string[] = []): DraftChange {
  const { caseLabel, ...answers } = values;
  return { caseLabel: typeof caseLabel === 'string' ? caseLabel : '', answers: { ...Object.fromEntries(forget.map((name) => [name, undefined])), ...answers } };
}

function CaptureForm({ encounter, draft }: { encounter: Encounter; draft: Draft }) {
  const encounters = useEncounters();
  const autosave = useAutosave(draft.id);
  const then = useRef<'add' | 'back'>('back');
  const initial: Answers = { caseLabel: draft.caseLabel, ...Object.fromEntries(quickCapturePage.fields.map((def) => [def.name, draft.answers[def.name]])) };
  const validate = (values: Answers) => quickCaptureErrors(typeof values.caseLabel === 'string' ? values.caseLabel : '', values);
  const listLookup = useListLookup();
  const form = useStepForm(validate, initial, (values) => autosave.schedule(toChange(values)));

  const onSubmit = form.handleSubmit(
    async (values) => {
      // Changing the age (or consent) answer means the questions after consent are asked again, as in the form.
      autosave.schedule(toChange(values, answersToForget(draft.answers, { ...draft.answers, ...values })));
      await autosave.flush();
      if (then.current === 'back') return navigate(paths.encounter(encounter.id));
      const next = await encounters.addPerson(encounter);
      navigate(paths.person(encounter.id, next.id));
    },
    async (values) => listErrors(quickCapturePage, values, await listLookup(LIST_NAMES)),
  );

  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message }));
  return (
    <QuestionPage
      back={<BackLink href={paths.encounter(encounter.id)} />}
      errors={summary}
      attempt={form.attempts}
      caption={draft.caseLabel}
      captionClass="govuk-caption-l app-break-words"
      heading={text.quickCapture}
      lead={<p class="govuk-body">{text.quickLead}</p>}
      onSubmit={(event) => void onSubmit(event)}
      actions={
        <ButtonGroup>
          <Button type="submit" onClick={() => (then.current = 'add')}>
            {text.saveAndAdd}
          </Button>
          <Button type="submit" secondary onClick={() => (then.current = 'back')}>
            {text.saveAndBack}
          </Button>
        </ButtonGroup>
      }
      after={<SavedLine message={autosave.message} />}
    >
      <QuestionFields page={shownPage} form={form} />
      <PersonPhotos draft={draft} />
    </QuestionPage>
  );
}

/** A person's few answers at the encounter, saved into their own draft; the rest is completed later in the form. */
export function QuickCapture({ encounter, personId }: { encounter: Encounter; personId: string }) {
  const draft = useDraft(personId);
  if (draft === undefined) return null;
  if (draft === null || draft.queuedAt) return <NotFound />;
  return <CaptureForm encounter={encounter} draft={draft} />;
}
