import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { getDraft } from '../../store/drafts.ts';
import { removePerson } from '../../store/encounter-people.ts';
import { deleteEncounter, setClosed, type Encounter } from '../../store/encounters.ts';
import { BackLink } from '../components/BackLink.tsx';
import { Link } from '../components/Link.tsx';
import { encounterContent } from '../content-encounter.ts';
import { navigate, paths } from '../router.ts';
import { useKey, useServices } from '../services.ts';
import { useLiveQuery } from '../use-live-query.ts';

const text = encounterContent;

/** A GOV.UK confirmation: what will happen, in words, then the action or a way back. */
function Confirm({ title, back, confirm, warning, onConfirm, children }: { title: string; back: string; confirm: string; warning?: boolean; onConfirm: () => Promise<void>; children: ComponentChildren }) {
  const [busy, setBusy] = useState(false);
  return (
    <>
      <BackLink href={back} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          {children}
          <div class="govuk-button-group">
            <button
              type="button"
              class={`govuk-button${warning ? ' govuk-button--warning' : ''}`}
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onConfirm().finally(() => setBusy(false));
              }}
            >
              {confirm}
            </button>
            <Link href={back}>{text.cancel}</Link>
          </div>
        </div>
      </div>
    </>
  );
}

/** How many of the encounter's people are still drafts on this device (not yet queued). */
function useUnsentCount(encounter: Encounter): number | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.drafts.where('encounterId').equals(encounter.id).toArray()).filter((draft) => draft.queuedAt === undefined).length, [db, encounter.id]);
}

export function ConfirmEncounterAction({ encounter, action }: { encounter: Encounter; action: 'close' | 'delete' }) {
  const { db, clock } = useServices();
  const unsent = useUnsentCount(encounter);
  if (unsent === undefined) return null;
  const back = paths.encounter(encounter.id);
  if (action === 'close') {
    return (
      <Confirm
        title={text.closeTitle}
        back={back}
        confirm={text.closeConfirm}
        onConfirm={async () => {
          await setClosed(db, encounter.id, true, clock.now());
          navigate(paths.home);
        }}
      >
        <p class="govuk-body">{text.closeBody(unsent)}</p>
      </Confirm>
    );
  }
  return (
    <Confirm
      title={text.deleteTitle}
      back={back}
      confirm={text.deleteConfirm}
      warning
      onConfirm={async () => {
        await deleteEncounter(db, encounter.id);
        navigate(paths.home, { replace: true });
      }}
    >
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          {text.deleteBody(unsent)}
        </strong>
      </div>
    </Confirm>
  );
}

export function ConfirmRemovePerson({ encounter, personId }: { encounter: Encounter; personId: string }) {
  const { db, clock } = useServices();
  const key = useKey();
  const draft = useLiveQuery(async () => (await getDraft(db, key, personId)) ?? null, [db, key, personId]);
  if (draft === undefined) return null;
  return (
    <Confirm
      title={text.removeTitle}
      back={paths.encounter(encounter.id)}
      confirm={text.removeConfirm}
      warning
      onConfirm={async () => {
        await removePerson(db, key, encounter, personId, clock.now());
        navigate(paths.encounter(encounter.id), { replace: true });
      }}
    >
      <p class="govuk-body app-break-words">{draft?.caseLabel}</p>
      <p class="govuk-body">{text.removeBody}</p>
    </Confirm>
  );
}
