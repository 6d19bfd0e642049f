import type { AdditionRecord, OutboxRecord } from '../../store/db.ts';
import { additionsByReferral } from '../../store/additions.ts';
import { offeredAdditions } from './offered-additions.ts';
import { Link } from '../shell/Link.tsx';
import { type OutboxItem } from '../../store/outbox.ts';
import { Button } from '../../govuk/Button.tsx';
import { useSyncProgress } from '../shell/StatusLine.tsx';
import { formatDate, formatDateTime } from '../shell/format.ts';
import { navigate, paths } from '../shell/routes.ts';
import type { Draft } from '../../store/drafts.ts';
import { sealDraft } from './send-referral.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { useOutbox } from './use-outbox.ts';
import { deleteFromOutboxPath } from './DeleteFromOutboxPage.tsx';
import { outboxContent } from './content.ts';
import { Tag, type TagColour } from '../../govuk/Tag.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';

const text = outboxContent.outbox;

const tagColour: Record<OutboxRecord['state'], TagColour> = {
  queued: 'yellow',
  sending: 'blue',
  delivered: 'green',
  'needs-attention': 'red',
  paused: 'orange',
};

type Row = [string, preact.ComponentChildren];

const inWords = (day: string | null) => (day ? formatDate(new Date(`${day}T00:00:00Z`)) : '');

/** The decision unit's progress in words; a server before casework sends only its status word. */
function caseStatusText({ status, progress }: NonNullable<OutboxItem['caseStatus']>): string {
  if (!progress) return text.caseStatuses[status] ?? status;
  return text.progress[progress.stage](inWords(progress.on), inWords(progress.reconsiderUntil));
}

type Addition = Omit<AdditionRecord, 'submission'>;

function additionStateText(addition: Addition): string {
  const words = text.additionState;
  if (addition.state === 'delivered') return words.delivered(formatDateTime(addition.receipt?.receivedAt ?? addition.updatedAt));
  return words[addition.state];
}

function rowsFor(item: OutboxItem, additions: readonly Addition[]): Row[] {
  const rows: Row[] = [[text.status, <Tag colour={tagColour[item.state]}>{text.state[item.state]}</Tag>]];
  if (item.receipt) {
    rows.push([text.reference, <strong data-testid="outbox-reference">{item.receipt.reference}</strong>]);
    rows.push([text.receivedAt, formatDateTime(item.receipt.receivedAt)]);
    if (item.caseStatus) rows.push([text.caseStatus, <span data-testid="outbox-progress">{caseStatusText(item.caseStatus)}</span>]);
    if (item.caseStatus?.progress?.stage === 'more-information') {
      rows.push([text.asked, <span class="app-pre-wrap" data-testid="outbox-question">{item.caseStatus.question ?? text.askedWithoutQuestion}</span>]);
    }
    for (const addition of additions) {
      rows.push([text.additions[addition.kind], <span data-testid="outbox-addition" data-state={addition.state}>{additionStateText(addition)}</span>]);
    }
    return rows;
  }
  if (item.lastAttemptAt) rows.push([text.lastAttempt, formatDateTime(item.lastAttemptAt)]);
  if (item.state === 'queued' && item.attempts > 0) rows.push([text.nextAttempt, formatDateTime(new Date(item.nextAttemptAt))]);
  const reason = item.problem?.title ?? item.lastError;
  if (reason) rows.push([text.reason, reason]);
  return rows;
}

/** What the user can do about an item the server would not take; every removal is confirmed first, on a page of its own. */
function Actions({ item }: { item: OutboxItem }) {
  const services = useServices();
  const { sync, sendSoon } = services;
  const outbox = useOutbox();
  const key = useKey();
  const sealAgain = async (draft: Draft, newId: string) => {
    const sealed = await sealDraft(services, key, draft, newId);
    if ('kind' in sealed) throw new Error(sealed.kind === 'no-key' ? outboxContent.noIntakeKey : 'This referral is not complete');
    return sealed;
  };
  if (item.state === 'paused') {
    return (
      <>
        <p class="govuk-body">{text.pausedHelp}</p>
        <Button
          secondary
          onClick={() => {
            void outbox.resumePaused().then(() => sync.drain({ now: true }));
          }}
        >
          {text.resume}
        </Button>
      </>
    );
  }
  if (item.state !== 'needs-attention') return null;
  if (item.problem?.code === 'id-conflict') {
    return (
      <>
        <p class="govuk-body">{text.conflictHelp}</p>
        <div class="govuk-button-group">
          <Button onClick={() => void outbox.resendAsNew(item.id, sealAgain).then(sendSoon)}>{text.resendAsNew}</Button>
          <Link href={deleteFromOutboxPath(item.id)} class="govuk-button govuk-button--warning">
            {text.discard}
          </Link>
        </div>
      </>
    );
  }
  const errors = item.problem?.errors ?? [];
  return (
    <>
      {errors.length > 0 ? (
        <>
          <h3 class="govuk-heading-s">{text.whereToFix}</h3>
          <ul class="govuk-list govuk-list--bullet">
            {errors.map((error) => (
              <li key={error.path}>{error.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div class="govuk-button-group">
        <Button
          onClick={() => {
            void outbox.reopenForFix(item.id).then((reopened) => navigate(reopened ? paths.check(item.id) : paths.outbox));
          }}
        >
          {text.fix}
        </Button>
        <Link href={deleteFromOutboxPath(item.id)} class="govuk-button govuk-button--warning">
          {text.discard}
        </Link>
      </div>
    </>
  );
}

/** Whole megabytes from 10 MB up, tenths below (as phones show sizes: 1 MB = 1,000,000 bytes); never rounded up to "done". */
function megabytes(bytes: number, total: number): string {
  const places = total >= 10_000_000 ? 0 : 1;
  const scale = 10 ** places;
  return (Math.floor((bytes / 1_000_000) * scale) / scale).toFixed(places);
}

/**
 * How much of this item's files the server holds, while they upload: "Sending photos and files: 7 of
 * 14 MB". The figure on screen moves with every part; what a screen reader announces moves only at
 * each quarter, so it hears how it goes without hearing every chunk.
 */
function UploadProgress({ upload }: { upload: { done: number; total: number } }) {
  const { done, total } = upload;
  const totalText = megabytes(total, total);
  const quarter = total > 0 ? (Math.floor((done / total) * 4) / 4) * total : 0;
  return (
    <div class="govuk-!-margin-bottom-4" data-testid="upload-progress">
      <p class="govuk-body-s govuk-!-margin-bottom-1" id="upload-progress-label" aria-hidden="true">
        {text.uploading(megabytes(done, total), totalText)}
      </p>
      <p class="govuk-visually-hidden" aria-live="polite">
        {text.uploading(megabytes(quarter, total), totalText)}
      </p>
      <progress class="app-progress" max={total} value={done} aria-labelledby="upload-progress-label" />
    </div>
  );
}

/** Answering the decision unit or asking for reconsideration; and what to do about an addition the server refused. */
function AdditionActions({ item, additions }: { item: OutboxItem; additions: readonly Addition[] }) {
  const refused = additions.filter((addition) => addition.state === 'needs-attention');
  const offered = item.state === 'delivered' ? offeredAdditions(item.caseStatus, additions) : [];
  if (refused.length === 0 && offered.length === 0) return null;
  return (
    <>
      {refused.map((addition) => (
        <div key={addition.id}>
          <p class="govuk-body">
            {text.additions[addition.kind]}: {[addition.problem?.title, addition.problem?.detail].filter(Boolean).join('. ')}
          </p>
          <Link href={deleteFromOutboxPath(addition.id)} class="govuk-button govuk-button--warning">
            {text.deleteAddition}
          </Link>
        </div>
      ))}
      {offered.map((action) => (
        <Link key={action} href={paths.addition(item.id, action)} class="govuk-button">
          {action === 'answer' ? text.answer : text.reconsider}
        </Link>
      ))}
    </>
  );
}

function Item({ item, upload, additions }: { item: OutboxItem; upload?: { done: number; total: number }; additions: readonly Addition[] }) {
  return (
    <div class="govuk-summary-card" data-testid="outbox-item" data-state={item.state} data-id={item.id}>
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">{item.caseLabel}</h2>
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList rows={rowsFor(item, additions).map(([key, value]) => ({ key, value }))} />
        {upload ? <UploadProgress upload={upload} /> : null}
        <Actions item={item} />
        <AdditionActions item={item} additions={additions} />
      </div>
    </div>
  );
}

const NONE: readonly Addition[] = [];

export function Outbox() {
  const { sync, db } = useServices();
  const outbox = useOutbox();
  const items = useLiveQuery(() => outbox.list(), [outbox]);
  const additions = useLiveQuery(() => additionsByReferral(db), [db]);
  const progress = useSyncProgress();
  if (!items) return null;
  const waiting = items.some((item) => item.state === 'queued' || item.state === 'sending') || [...(additions?.values() ?? [])].flat().some((addition) => addition.state === 'queued' || addition.state === 'sending');
  return (
    <>
      <h1 class="govuk-heading-l">{text.title}</h1>
      <p class="govuk-body" data-testid="last-contact">
        {progress.lastContactAt ? text.lastContact(formatDateTime(progress.lastContactAt)) : text.noContact}
      </p>
      {items.length === 0 ? <p class="govuk-body">{text.empty}</p> : null}
      {waiting ? (
        <Button secondary onClick={() => void sync.drain({ now: true })}>
          {text.sendNow}
        </Button>
      ) : null}
      {progress.lastError && waiting ? <p class="govuk-body">{progress.lastError}</p> : null}
      {items.map((item) => (
        <Item item={item} key={item.id} upload={progress.upload?.id === item.id ? progress.upload : undefined} additions={additions?.get(item.id) ?? NONE} />
      ))}
    </>
  );
}
