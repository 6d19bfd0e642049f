import { useEffect, useState } from 'preact/hooks';
import { encounterIdOf } from '../../store/encounter-people.ts';
import { encounterContent } from '../encounter/content.ts';
import { Link } from '../shell/Link.tsx';
import { useKey, useServices } from '../shell/services.ts';
import { paths } from '../shell/routes.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { useOutbox } from '../outbox/use-outbox.ts';
import { outboxContent } from '../outbox/content.ts';
import { checkContent } from './check-content.ts';

const text = checkContent.confirmation;

/** The encounter this person was met at, if any: the confirmation then leads back to it, to the next person. */
function useEncounterOf(id: string): string | undefined {
  const { db } = useServices();
  const key = useKey();
  const [encounterId, setEncounterId] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void encounterIdOf(db, key, id).then((found) => {
      if (current) setEncounterId(found);
    });
    return () => {
      current = false;
    };
  }, [db, key, id]);
  return encounterId;
}

export function Confirmation({ id, dtn }: { id: string; dtn: boolean }) {
  const outbox = useOutbox();
  const item = useLiveQuery(() => outbox.get(id), [outbox, id]);
  const encounterId = useEncounterOf(id);
  if (!item) return null;
  const sent = item.state === 'delivered' && item.receipt;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {item.state === 'needs-attention' ? (
          <h1 class="govuk-heading-l">{text.attentionTitle}</h1>
        ) : (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{dtn ? (sent ? text.sentTitleDtn : text.queuedTitleDtn) : sent ? text.sentTitle : text.queuedTitle}</h1>
            {sent ? (
              <div class="govuk-panel__body">
                {text.referenceLabel}
                <br />
                <strong data-testid="reference">{item.receipt?.reference}</strong>
              </div>
            ) : (
              <div class="govuk-panel__body app-panel-body-s">{text.queuedBody}</div>
            )}
          </div>
        )}
        {item.state === 'paused' ? <p class="govuk-body govuk-!-font-weight-bold">{outboxContent.outbox.pausedHelp}</p> : null}
        {item.state === 'needs-attention' ? <p class="govuk-body">{item.problem?.title}</p> : null}
        {encounterId ? (
          <Link href={paths.encounter(encounterId)} class="govuk-button">
            {encounterContent.back}
          </Link>
        ) : null}
        <h2 class="govuk-heading-m">{text.whatNext}</h2>
        <p class="govuk-body">{dtn ? text.nextBodyDtn : text.nextBody}</p>
        <p class="govuk-body">
          <Link href={paths.outbox}>{text.toOutbox}</Link>
        </p>
        <p class="govuk-body">
          <Link href={paths.newReferral}>{text.another}</Link>
        </p>
      </div>
    </div>
  );
}
