import { useEffect } from 'preact/hooks';
import { caseLabelField, caseLabelIssue } from '../../shared/case-label.ts';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { QuestionPage } from '../../govuk/QuestionPage.tsx';
import { SavedLine } from './SavedLine.tsx';
import { TextInput } from '../../govuk/TextInput.tsx';
import { navigate, paths } from '../shell/routes.ts';
import { useAutosave } from './use-autosave.ts';
import { useDraft } from './use-draft.ts';
import { useStepForm } from './use-step-form.ts';
import type { PageMode } from './page-mode.ts';
import { NotFound } from '../shell/NotFound.tsx';
import { content } from '../shell/content.ts';
import { formContent } from './content.ts';

/** The page after this one: it belongs to the rest of the form, loaded while this one is answered. */
const SECOND_PAGE = 'organisation';

function CaseLabelForm({ draft, mode }: { draft: Draft; mode: PageMode }) {
  const autosave = useAutosave(draft.id);
  const label = (value: unknown) => ({ caseLabel: typeof value === 'string' ? value : '' });
  const form = useStepForm(
    (values): Record<string, string> => {
      const issue = caseLabelIssue(values.caseLabel);
      return issue ? { caseLabel: issue } : {};
    },
    { caseLabel: draft.caseLabel },
    (values) => autosave.schedule(label(values.caseLabel)),
  );
  // The rest of the form loads (from the offline copy) while the responder types.
  useEffect(() => void import('./DraftPage.tsx'), []);
  const onSubmit = form.handleSubmit(async (values) => {
    autosave.schedule(label(values.caseLabel));
    await autosave.flush();
    navigate(mode === 'rename' ? paths.home : mode === 'change' ? paths.check(draft.id) : paths.step(draft.id, SECOND_PAGE));
  });
  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message }));
  return (
    <QuestionPage
      back={<BackLink href={mode === 'change' ? paths.check(draft.id) : paths.home} />}
      errors={summary}
      attempt={form.attempts}
      caption={`${formContent.sections.setup} · ${formContent.firstQuestion}`}
      onSubmit={(event) => void onSubmit(event)}
      continueLabel={mode === 'rename' ? content.saveLabel : content.continue}
      after={<SavedLine message={autosave.message} />}
    >
      {/* The page's own input, not the form's TextQuestion: the question widgets load with the rest of the form. */}
      <TextInput id="caseLabel" label={caseLabelField.label} hint={caseLabelField.hint} error={form.errors.caseLabel} heading spellcheck={false} autocomplete="off" field={form.text('caseLabel')} />
    </QuestionPage>
  );
}

/** The first question, part of the app's first load so a referral starts at once on a slow phone. */
export function CaseLabelPage({ id, mode }: { id: string; mode: PageMode }) {
  const draft = useDraft(id);
  if (draft === undefined) return null;
  if (draft === null || draft.queuedAt) return <NotFound />;
  return <CaseLabelForm draft={draft} mode={mode} />;
}
