import { useState } from 'preact/hooks';
import { discardAddition } from '../../store/additions.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { href, navigate, paths } from '../shell/routes.ts';
import { useServices } from '../shell/services.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { outboxDeleteContent as text } from './delete-content.ts';
import { useOutbox } from './use-outbox.ts';

/** The address of the confirmation page for deleting an unsent referral, or an unsent addition, by its id. */
export const deleteFromOutboxPath = (id: string) => href('outboxAddition', { id, action: 'delete' });

/** What the id names: an unsent referral, an unsent addition (with its referral's label), or nothing left to delete. */
type Target = { kind: 'referral'; label: string } | { kind: 'addition'; additionKind: keyof typeof text.addition.title; label: string } | { kind: 'gone' };

/**
 * Deleting from the outbox something the server would not take, on a GOV.UK confirmation page (never
 * the browser's confirm()): which one, that it cannot be undone, then Delete or Cancel. The id is a
 * referral's or an addition's (both UUIDs, so one address serves both).
 */
export function DeleteFromOutboxPage({ id }: { id: string }) {
  const { db } = useServices();
  const outbox = useOutbox();
  const [busy, setBusy] = useState(false);
  const target = useLiveQuery(async (): Promise<Target> => {
    const item = await outbox.get(id);
    if (item) return item.state === 'delivered' ? { kind: 'gone' } : { kind: 'referral', label: item.caseLabel };
    const addition = await db.additions.get(id);
    if (!addition || addition.state === 'delivered') return { kind: 'gone' };
    return { kind: 'addition', additionKind: addition.kind, label: (await outbox.get(addition.referralId))?.caseLabel ?? '' };
  }, [db, outbox, id]);
  if (!target) return null;
  if (target.kind === 'gone' && !busy) {
    return (
      <>
        <h1 class="govuk-heading-l">{text.gone.title}</h1>
        <p class="govuk-body">{text.gone.body}</p>
        <Link href={paths.outbox}>{text.backToOutbox}</Link>
      </>
    );
  }
  const remove = async () => {
    setBusy(true);
    if (target.kind === 'referral') await outbox.discard(id);
    else await discardAddition(db, id);
    navigate(paths.outbox, { replace: true });
  };
  const words = target.kind === 'addition' ? { title: text.addition.title[target.additionKind], warning: text.addition.warning, confirm: text.addition.confirm } : text.referral;
  return (
    <>
      <BackLink href={paths.outbox} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{words.title}</h1>
          {target.kind !== 'gone' && target.label ? (
            <p class="govuk-body app-break-words">
              <strong>{target.kind === 'addition' ? text.addition.about(target.label) : target.label}</strong>
            </p>
          ) : null}
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">{words.warning}</strong>
          </div>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" disabled={busy} data-testid="confirm-delete" onClick={() => void remove()}>
              {words.confirm}
            </button>
            <Link href={paths.outbox}>{text.cancel}</Link>
          </div>
        </div>
      </div>
    </>
  );
}
