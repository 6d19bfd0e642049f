import { InstallOffer } from './InstallOffer.tsx';
import { Link } from './Link.tsx';
import { content } from './content.ts';
import { formatDateTime } from './format.ts';
import type { InstallState } from './install.ts';
import { paths } from './routes.ts';
import { useServices } from './services.ts';
import { useLiveQuery } from './use-live-query.ts';
import { useLazy } from './use-lazy.ts';
import { useDrafts } from '../form/use-drafts.ts';

const text = content.home;

// The list of open encounters comes with the encounter screens (precached), loaded only once this
// device has an encounter: the first load does not carry the encounter store. Offline before the
// app was precached, the list is simply not shown.
const loadOpenEncounters = () => import('../encounter/EncounterScreens.tsx').then((m) => m.OpenEncounters);

export function Home({ install, onInstall }: { install: InstallState; onInstall: () => void }) {
  const { db } = useServices();
  const store = useDrafts();
  // People met at an encounter are listed with their encounter (OpenEncounters), not again here.
  const drafts = useLiveQuery(() => store.list().then((all) => all.filter((draft) => !draft.encounterId)), [store]);
  const hasEncounters = (useLiveQuery(() => db.encounters.count(), [db]) ?? 0) > 0;
  const OpenEncounters = useLazy(hasEncounters ? loadOpenEncounters : undefined);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text.title}</h1>
        <p class="govuk-body-l">{text.lead}</p>
        <Link href={paths.newReferral} class="govuk-button govuk-button--start">
          {text.start}
        </Link>
        <p class="govuk-body govuk-!-margin-bottom-2">{text.encounterHint}</p>
        <Link href={paths.newEncounter} class="govuk-button govuk-button--secondary">
          {text.startEncounter}
        </Link>
        {OpenEncounters ? <OpenEncounters /> : null}
        <h2 class="govuk-heading-m">
          {text.drafts} {drafts ? `(${drafts.length})` : ''}
        </h2>
        {drafts && drafts.length === 0 ? <p class="govuk-body">{text.noDrafts}</p> : null}
        {drafts && drafts.length > 0 ? (
          <ul class="govuk-list app-drafts">
            {drafts.map((draft) => (
              <li key={draft.id} class="app-drafts__item">
                <span class="govuk-body govuk-!-font-weight-bold">{draft.caseLabel || text.draftUntitled}</span>
                <span class="govuk-hint govuk-!-margin-bottom-1">
                  {text.lastChanged} {formatDateTime(draft.updatedAt)}
                </span>
                <span>
                  {/* A draft opens on its task list: where it stands, what is left, a jump to any section. */}
                  <Link href={paths.sections(draft.id)}>
                    {text.resume}
                    <span class="govuk-visually-hidden"> {draft.caseLabel || text.draftUntitled}</span>
                  </Link>
                  {' · '}
                  <Link href={paths.rename(draft.id)}>
                    {text.rename}
                    <span class="govuk-visually-hidden"> {draft.caseLabel || text.draftUntitled}</span>
                  </Link>
                  {' · '}
                  <Link href={paths.deleteDraft(draft.id)}>
                    {text.delete}
                    <span class="govuk-visually-hidden"> {draft.caseLabel || text.draftUntitled}</span>
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <p class="govuk-body">
          <Link href={paths.outbox}>{text.outboxLink}</Link>
        </p>
        <InstallOffer state={install} onInstall={onInstall} />
      </div>
    </div>
  );
}
