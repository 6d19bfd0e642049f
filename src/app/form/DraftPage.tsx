import { useEffect } from 'preact/hooks';
import { canVisit, nextPlace, pageById, resumePlace } from '../../shared/form/journey.ts';
import { CHECK, type Answers } from '../../shared/form/model.ts';
import { isProfileComplete, isProfilePage, pastProfilePages, profileFrom, showsYourDetails } from '../../shared/form/responder-profile.ts';
import { DELETE_PAGE, SECTIONS_PAGE, navigate, paths } from '../shell/routes.ts';
import { lazyScreen } from '../shell/lazy-screen.ts';
import { usePrefilledDraft } from './use-prefilled-draft.ts';
import { useProfileStore } from './use-responder-profile.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import { FormPage } from './FormPage.tsx';
import { NotFound } from '../shell/NotFound.tsx';
import { DeleteDraftPage } from './DeleteDraftPage.tsx';
import { SaveDetailsOffer } from './SaveDetailsOffer.tsx';
import { YourDetailsPage } from './YourDetailsPage.tsx';
import { TaskListPage } from './TaskListPage.tsx';
import type { PageMode } from './page-mode.ts';

/** Settings' editor of the responder's details, loaded with the form's pages (see ProfileSetting). */
export { ProfileForm } from '../settings/ProfileForm.tsx';

/** Files, camera and encryption: loaded only when a referral reaches its evidence page. */
const EvidencePage = lazyScreen(() => import('../evidence/EvidencePage.tsx').then((m) => m.EvidencePage));

/** Not a page of the form: the one-off offer to keep the responder's details on this device. */
const SAVE_DETAILS = 'save-details';
/** The last page of the responder's own details, after which the offer is made. */
const LAST_DETAILS_PAGE = 'alternative-contact';
/** The profile page that shows as the "Your details" summary. */
const SUMMARY_PAGE = 'responder';

/** With "Your details" shown, the profile pages before it are passed: a Back link steps over them. */
const passedAtStart = (pageId: string) => isProfilePage(pageId) && pageId !== SUMMARY_PAGE && pageId !== LAST_DETAILS_PAGE;

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

const stepOrCheck = (id: string, page: string) => (page === CHECK ? paths.check(id) : paths.step(id, page));

/** A profile page reached through a "Your details" Change link returns there when saved. */
function cameFromDetails(): boolean {
  return new URLSearchParams(window.location.search).get('from') === 'details';
}

/**
 * A draft's page (the first, the case label, is part of the first load: see CaseLabelPage), check
 * your answers, "resume", or the page that deletes it. A page this referral cannot reach yet (an old
 * bookmark, a path changed since) opens where the draft was left instead. With the responder's details
 * saved and filled in, the walk passes their pages at the start and shows them once as "Your details".
 */
export function DraftPage({ id, page, mode }: { id: string; page: string; mode: PageMode }) {
  const loaded = usePrefilledDraft(id);
  const store = useProfileStore();
  if (loaded === undefined) return null;
  const { draft, profile } = loaded;
  if (draft === null || draft.queuedAt) return <NotFound />;
  const answers: Answers = { caseLabel: draft.caseLabel, ...draft.answers };
  const resume = resumePlace(answers);
  const resumePath = resume === CHECK ? paths.check(id) : paths.step(id, resume);
  if (page === 'resume') return <Redirect to={resumePath} />;
  if (page === DELETE_PAGE) return <DeleteDraftPage draft={draft} />;
  if (page === CHECK) return resume === CHECK ? <CheckAnswers draft={draft} /> : <Redirect to={resumePath} />;
  if (page === SECTIONS_PAGE) return <TaskListPage draft={draft} />;
  const after = nextPlace(LAST_DETAILS_PAGE, answers);
  if (page === SAVE_DETAILS) return <SaveDetailsOffer draft={draft} store={store} back={paths.step(id, LAST_DETAILS_PAGE)} next={stepOrCheck(id, after)} />;
  const def = pageById(page);
  // A page an app update merged into another (an address kept open across the update) resumes the draft.
  if (!def) return <Redirect to={resumePath} />;
  if (def.deviceOnly) return <NotFound />;
  if (!canVisit(page, answers)) return <Redirect to={resumePath} />;
  const summarised = showsYourDetails(draft.answers, profile.profile);
  if (mode === 'walk' && summarised && isProfilePage(page)) {
    // The details asked at the start (organisation, nation) are passed; the rest read back as one summary.
    if (page === SUMMARY_PAGE) return <YourDetailsPage draft={draft} pageId={page} />;
    if (page === LAST_DETAILS_PAGE) return <Redirect to={paths.step(id, SUMMARY_PAGE)} />;
    return <Redirect to={stepOrCheck(id, pastProfilePages(page, answers))} />;
  }
  if (def.fields.some((field) => field.kind === 'files')) return <EvidencePage key={page} draft={draft} mode={mode} />;
  const returnTo = mode === 'change' && isProfilePage(page) && cameFromDetails() ? paths.step(id, SUMMARY_PAGE) : undefined;
  const skipBack = summarised ? passedAtStart : undefined;
  // The first time the responder's own details are all answered, keeping them is offered before going on.
  const offering = page === LAST_DETAILS_PAGE && !profile.profile && !profile.declined;
  const detour = offering ? (answered: Answers) => (isProfileComplete(profileFrom(answered)) ? paths.step(id, SAVE_DETAILS) : undefined) : undefined;
  return <FormPage key={page} draft={draft} page={def} mode={mode} returnTo={returnTo} skipBack={skipBack} detour={detour} />;
}
