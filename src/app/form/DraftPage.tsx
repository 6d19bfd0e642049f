import { lazy } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { canVisit, pageById, resumePlace } from '../../shared/form/journey.ts';
import { CHECK } from '../../shared/form/model.ts';
import { DELETE_PAGE, navigate, paths } from '../shell/routes.ts';
import { useFormDraft } from './use-form-draft.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import { FormPage } from './FormPage.tsx';
import { NotFound } from '../shell/NotFound.tsx';
import { DeleteDraftPage } from './DeleteDraftPage.tsx';
import type { PageMode } from './page-mode.ts';

/** Files, camera and encryption: loaded only when a referral reaches its evidence page. */
const EvidencePage = lazy(() => import('../evidence/EvidencePage.tsx').then((m) => ({ default: m.EvidencePage })));

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/**
 * A draft's page (the first, the case label, is part of the first load: see CaseLabelPage), check
 * your answers, "resume", or the page that deletes it. A page this referral cannot reach yet (an old
 * bookmark, a path changed since) opens where the draft was left instead.
 */
export function DraftPage({ id, page, mode }: { id: string; page: string; mode: PageMode }) {
  const draft = useFormDraft(id);
  if (draft === undefined) return null;
  if (draft === null || draft.queuedAt) return <NotFound />;
  const answers = { caseLabel: draft.caseLabel, ...draft.answers };
  const resume = resumePlace(answers);
  const resumePath = resume === CHECK ? paths.check(id) : paths.step(id, resume);
  if (page === 'resume') return <Redirect to={resumePath} />;
  if (page === DELETE_PAGE) return <DeleteDraftPage draft={draft} />;
  if (page === CHECK) return resume === CHECK ? <CheckAnswers draft={draft} /> : <Redirect to={resumePath} />;
  const def = pageById(page);
  if (!def || def.deviceOnly) return <NotFound />;
  if (!canVisit(page, answers)) return <Redirect to={resumePath} />;
  if (def.fields.some((field) => field.kind === 'files')) return <EvidencePage key={page} draft={draft} mode={mode} />;
  return <FormPage key={page} draft={draft} page={def} mode={mode} />;
}
