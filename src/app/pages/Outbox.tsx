import type { OutboxRecord } from '../../store/db.ts';
import { listOutbox } from '../../store/outbox.ts';
import { Button } from '../components/fields.tsx';
import { useSyncProgress } from '../components/StatusLine.tsx';
import { content } from '../content.ts';
import { formatDateTime } from '../format.ts';
import { useServices } from '../services.ts';
import { useLiveQuery } from '../use-live-query.ts';

const text = content.outbox;

const tagColour: Record<OutboxRecord['state'], string> = {
  queued: 'govuk-tag--yellow',
  sending: 'govuk-tag--blue',
  delivered: 'govuk-tag--green',
  'needs-attention': 'govuk-tag--red',
};

function Item({ item }: { item: OutboxRecord }) {
  const rows: [string, preact.ComponentChildren][] = [
    [text.status, <strong class={`govuk-tag ${tagColour[item.state]}`}>{text.state[item.state]}</strong>],
  ];
  if (item.receipt) {
    rows.push([text.reference, <strong data-testid="outbox-reference">{item.receipt.reference}</strong>]);
    rows.push([text.receivedAt, formatDateTime(item.receipt.receivedAt)]);
  } else {
    if (item.lastAttemptAt) rows.push([text.lastAttempt, formatDateTime(item.lastAttemptAt)]);
    if (item.state === 'queued' && item.attempts > 0) rows.push([text.nextAttempt, formatDateTime(new Date(item.nextAttemptAt))]);
    const reason = item.problem?.title ?? item.lastError;
    if (reason) rows.push([text.reason, reason]);
  }
  return (
    <div class="govuk-summary-card" data-testid="outbox-item" data-state={item.state}>
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">{item.caseLabel}</h2>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          {rows.map(([key, value]) => (
            <div class="govuk-summary-list__row" key={key}>
              <dt class="govuk-summary-list__key">{key}</dt>
              <dd class="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

export function Outbox() {
  const { db, sync } = useServices();
  const items = useLiveQuery(() => listOutbox(db), [db]);
  const progress = useSyncProgress();
  if (!items) return null;
  const waiting = items.some((item) => item.state === 'queued' || item.state === 'sending');
  return (
    <>
      <h1 class="govuk-heading-l">{text.title}</h1>
      {items.length === 0 ? <p class="govuk-body">{text.empty}</p> : null}
      {waiting ? (
        <Button secondary onClick={() => void sync.drain({ now: true })}>
          {text.sendNow}
        </Button>
      ) : null}
      {progress.lastError && waiting ? <p class="govuk-body">{progress.lastError}</p> : null}
      {[...items].reverse().map((item) => (
        <Item item={item} key={item.id} />
      ))}
    </>
  );
}
