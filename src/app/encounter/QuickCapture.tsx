import { useRef } from 'preact/hooks';
import { caseLabelField } from '../../shared/case-label.ts';
import { answersToForget } from '../../shared/form/journey.ts';
import { listErrors, listsFor } from '../../shared/form/list-rules.ts';
import type { Answers, PageDef } from '../../shared/form/model.ts';
import { quickCaptureErrors, quickCapturePage } from '../../shared/quick-capture.ts';
import type { Draft, DraftChange } from '../../store/drafts.ts';
import { addPerson } from '../../store/encounter-people.ts';
import type { Encounter } from '../../store/encounters.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { ErrorSummary } from '../shell/ErrorSummary.tsx';
import { encounterContent } from './content.ts';
import { listLookupFor } from '../form/list-lookup.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useAutosave } from '../form/use-autosave.ts';
import { useDraft } from '../form/use-draft.ts';
import { useStepForm } from '../form/use-step-form.ts';
import { NotFound } from '../shell/NotFound.tsx';
import { QuestionFields } from '../form/QuestionFields.tsx';

const text = encounterContent;
/** The case label first (it names the person on this device; made by the encounter, so without the form's hint), then the form's own quick questions. */
const shownPage: PageDef = { ...quickCapturePage, fields: [{ ...caseLabelField, hint: undefined }, ...quickCapturePage.fields] };
const LIST_NAMES = listsFor(quickCapturePage);

function toChange(values: Answers, forget: readonly string[] = []): DraftChange {
  const { caseLabel, ...answers } = values;
  return { caseLabel: typeof caseLabel === 'string' ? caseLabel : '', answers: { ...Object.fromEntries(forget.map((name) => [name, undefined])), ...answers } };
}

function CaptureForm({ encounter, draft }: { encounter: Encounter; draft: Draft }) {
  const services = useServices();
  const key = useKey();
  const autosave = useAutosave(draft.id);
  const then = useRef<'add' | 'back'>('back');
  const initial: Answers = { caseLabel: draft.caseLabel, ...Object.fromEntries(quickCapturePage.fields.map((def) => [def.name, draft.answers[def.name]])) };
  const validate = (values: Answers) => quickCaptureErrors(typeof values.caseLabel === 'string' ? values.caseLabel : '', values);
  const form = useStepForm(validate, initial, (values) => autosave.schedule(toChange(values)));

  const onSubmit = form.handleSubmit(
    async (values) => {
      // Changing the age (or consent) answer means the questions after consent are asked again, as in the form.
      autosave.schedule(toChange(values, answersToForget(draft.answers, { ...draft.answers, ...values })));
      await autosave.flush();
      if (then.current === 'back') return navigate(paths.encounter(encounter.id));
      const next = await addPerson(services.db, key, encounter, services.clock.now());
      navigate(paths.person(encounter.id, next.id));
    },
    async (values) => listErrors(quickCapturePage, values, await listLookupFor(LIST_NAMES)),
  );

  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message }));
  return (
    <>
      <BackLink href={paths.encounter(encounter.id)} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={form.attempts} />
          <span class="govuk-caption-l app-break-words">{draft.caseLabel}</span>
          <h1 class="govuk-heading-l">{text.quickCapture}</h1>
          <p class="govuk-body">{text.quickLead}</p>
          <form noValidate onSubmit={(event) => void onSubmit(event)}>
            <QuestionFields page={shownPage} form={form} />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" onClick={() => (then.current = 'add')}>
                {text.saveAndAdd}
              </button>
              <button type="submit" class="govuk-button govuk-button--secondary" onClick={() => (then.current = 'back')}>
                {text.saveAndBack}
              </button>
            </div>
          </form>
          <p class="govuk-body-s app-saved" aria-live="polite">
            {autosave.message}
          </p>
        </div>
      </div>
    </>
  );
}

/** A person's few answers at the encounter, saved into their own draft; the rest is completed later in the form. */
export function QuickCapture({ encounter, personId }: { encounter: Encounter; personId: string }) {
  const draft = useDraft(personId);
  if (draft === undefined) return null;
  if (draft === null || draft.queuedAt) return <NotFound />;
  return <CaptureForm encounter={encounter} draft={draft} />;
}
