import { answersToForget, nextPlace, previousPage, resumePlace } from '../../shared/form/journey.ts';
import { listErrors, listsFor } from '../../shared/form/list-rules.ts';
import { CHECK, single, type Answers, type PageDef } from '../../shared/form/model.ts';
import { pageErrors } from '../../shared/form/page-schema.ts';
import type { Draft, DraftChange } from '../../store/drafts.ts';
import { FormPageTop } from './FormPageTop.tsx';
import { AnonymousWriting } from './AnonymousWriting.tsx';
import { captionOf } from './page-caption.ts';
import { QuestionPage } from '../../govuk/QuestionPage.tsx';
import { SavedLine } from './SavedLine.tsx';
import { useListLookup } from './list-lookup.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useAutosave } from './use-autosave.ts';
import { useStepForm } from './use-step-form.ts';
import { QuestionFields } from './QuestionFields.tsx';

import type { PageMode } from './page-mode.ts';
import { content } from '../shell/content.ts';
import { formContent } from './content.ts';

function initialValues(page: PageDef, draft: Draft): Answers {
  return Object.fromEntries(page.fields.map((def) => [def.name, draft.answers[def.name]]));
}

function toChange(values: Answers, forget: readonly string[] = []): DraftChange {
  return { answers: { ...Object.fromEntries(forget.map((name) => [name, undefined])), ...values } };
}

/** One page of the form (all but the first), drawn from its definition: questions, errors, autosave, and where Continue leads. */
export interface FormPageProps {
  draft: Draft;
  page: PageDef;
  mode: PageMode;
  /** In change mode: where Back and a saved change lead, when not check your answers (the "Your details" summary). */
  returnTo?: string;
  /** Pages the walk passes without showing (details filled in from the responder's profile): Back steps over them. */
  skipBack?: (pageId: string) => boolean;
  /** Along the walk: a screen of its own to pass through before the next page, given the answers (the offer to keep the responder's details). */
  detour?: (answers: Answers) => string | undefined;
}

export function FormPage({ draft, page, mode, returnTo, skipBack, detour }: FormPageProps) {
  const autosave = useAutosave(draft.id);
  const opened = draft.answers;
  const all = (values: Answers): Answers => ({ ...draft.answers, ...values });
  const listLookup = useListLookup();
  const form = useStepForm((values) => pageErrors(page, all(values)), initialValues(page, draft), (values) => autosave.schedule(toChange(values)));

  const lists = listsFor(page);
  const checkLists = async (values: Answers) => (lists.length === 0 ? {} : listErrors(page, all(values), await listLookup(lists)));

  const onSubmit = form.handleSubmit(async (values) => {
    const after = all(values);
    const forget = answersToForget(opened, after);
    autosave.schedule(toChange(values, forget));
    await autosave.flush();
    const remaining = Object.fromEntries(Object.entries(after).filter(([name]) => !forget.includes(name)));
    if (mode === 'change' && returnTo) return navigate(returnTo);
    if (mode === 'change') {
      const place = resumePlace({ caseLabel: draft.caseLabel, ...remaining });
      return navigate(place === CHECK ? paths.check(draft.id) : paths.step(draft.id, place, true));
    }
    const aside = detour?.(after);
    if (aside) return navigate(aside);
    const next = nextPlace(page.id, after);
    navigate(next === CHECK ? paths.check(draft.id) : paths.step(draft.id, next));
  }, checkLists);

  const journeyAnswers = { caseLabel: draft.caseLabel, ...draft.answers };
  let previous = previousPage(page.id, journeyAnswers);
  while (previous && skipBack?.(previous)) previous = previousPage(previous, journeyAnswers);
  const back = mode === 'change' ? (returnTo ?? paths.check(draft.id)) : previous ? paths.step(draft.id, previous) : paths.home;
  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message }));
  const several = single(draft.answers, 'multipleSituations') === 'yes';

  return (
    <QuestionPage
      back={<FormPageTop back={back} draftId={draft.id} />}
      errors={summary}
      attempt={form.attempts}
      caption={captionOf(page, journeyAnswers)}
      heading={page.title}
      lead={
        <>
          {page.intro?.map((paragraph) => (
            <p class="govuk-body" key={paragraph}>
              {paragraph}
            </p>
          ))}
          {page.remindSituations && several ? <div class="govuk-inset-text">{formContent.remindSituations}</div> : null}
          <AnonymousWriting page={page} answers={journeyAnswers} />
        </>
      }
      onSubmit={(event) => void onSubmit(event)}
      continueLabel={content.continue}
      after={<SavedLine message={autosave.message} />}
    >
      <QuestionFields page={page} form={form} />
    </QuestionPage>
  );
}
