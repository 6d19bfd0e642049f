import { useState } from 'preact/hooks';
import { kindOf, longDate, placeOf } from '../../shared/encounter.ts';
import { pathOf, resumePlace } from '../../shared/form/journey.ts';
import { CHECK, single, type Answers } from '../../shared/form/model.ts';
import { type Person, type PersonState } from '../../store/encounter-people.ts';
import { familyOf, type Encounter } from '../../store/encounters.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { encounterContent } from './content.ts';
import { navigate, paths } from '../shell/routes.ts';
import { sendDraft } from '../outbox/send-referral.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { useEncounters } from './use-encounters.ts';
import { useDrafts } from '../form/use-drafts.ts';
import { outboxContent } from '../outbox/content.ts';
import { checkContent } from '../form/check-content.ts';
import { Tag, type TagColour } from '../../govuk/Tag.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import { ScenePhotos } from './ScenePhotos.tsx';

const text = encounterContent;

const tagColour: Record<PersonState, TagColour> = {
  draft: 'grey',
  ready: 'turquoise',
  queued: 'yellow',
  sending: 'blue',
  delivered: 'green',
  'needs-attention': 'red',
  paused: 'orange',
};

function pathLabel(answers: Answers | undefined): string {
  if (!answers) return '';
  const path = pathOf(answers);
  if (path) return text.path[path];
  return single(answers, 'underAge') === 'no' ? text.path.adult : text.path.unknown;
}

/** "2 drafts · 1 ready to send · 3 sent": where the encounter stands, in the order of the work. */
function tally(people: readonly Person[]): string {
  const order: PersonState[] = ['draft', 'ready', 'needs-attention', 'paused', 'queued', 'sending', 'delivered'];
  return order
    .map((state) => [state, people.filter((person) => person.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => text.tally[state](n))
    .join(' · ');
}

const isComplete = (draft: { caseLabel: string; answers: Answers }) => resumePlace({ caseLabel: draft.caseLabel, ...draft.answers }) === CHECK;

function PersonRow({ encounter, person, labels }: { encounter: Encounter; person: Person; labels: Map<string, string> }) {
  const family = familyOf(encounter, person.id)
    .map((id) => labels.get(id))
    .filter(Boolean);
  const editable = person.state === 'draft' || person.state === 'ready';
  const hidden = <span class="govuk-visually-hidden"> ({person.caseLabel})</span>;
  return (
    <li class="app-person" data-testid="encounter-person" data-id={person.id} data-state={person.state}>
      <div class="app-person__head">
        <h3 class="govuk-heading-s govuk-!-margin-bottom-1 app-person__label">{person.caseLabel}</h3>
        <Tag colour={tagColour[person.state]}>{text.state[person.state]}</Tag>
      </div>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        {[pathLabel(person.answers), person.reference ? text.reference(person.reference) : ''].filter(Boolean).join(' · ')}
      </p>
      {family.length > 0 ? (
        <p class="govuk-body-s govuk-!-margin-bottom-1" data-testid="person-family">
          {text.family}: {family.join(', ')}
        </p>
      ) : null}
      <ul class="app-person__actions">
        {editable ? (
          <>
            <li>
              <Link href={paths.resume(person.id)}>
                {person.state === 'ready' ? text.checkAndSend : text.complete}
                {hidden}
              </Link>
            </li>
            <li>
              <Link href={paths.person(encounter.id, person.id)}>
                {text.quickCapture}
                {hidden}
              </Link>
            </li>
            {encounter.people.length > 1 ? (
              <li>
                <Link href={paths.person(encounter.id, person.id, 'family')}>
                  {text.familyLink}
                  {hidden}
                </Link>
              </li>
            ) : null}
            <li>
              <Link href={paths.person(encounter.id, person.id, 'remove')}>
                {text.remove}
                {hidden}
              </Link>
            </li>
          </>
        ) : person.state === 'needs-attention' || person.state === 'paused' ? (
          <li>
            <Link href={paths.outbox}>{checkContent.confirmation.toOutbox}</Link>
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** One encounter at a glance: its people and where each stands, add another, send those that are ready. */
export function EncounterPage({ encounter }: { encounter: Encounter }) {
  const services = useServices();
  const key = useKey();
  const encounters = useEncounters();
  const drafts = useDrafts();
  const people = useLiveQuery(() => encounters.peopleOf(encounter, isComplete), [encounters, encounter]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ queued: number; failed: number; noKey: boolean } | undefined>(undefined);
  const ready = people?.filter((person) => person.state === 'ready') ?? [];
  const labels = new Map((people ?? []).map((person) => [person.id, person.caseLabel]));
  const closed = encounter.closedAt !== undefined;

  const add = async () => {
    setBusy(true);
    try {
      const person = await encounters.addPerson(encounter);
      navigate(paths.person(encounter.id, person.id));
    } finally {
      setBusy(false);
    }
  };

  const sendReady = async () => {
    setBusy(true);
    const outcome = { queued: 0, failed: 0, noKey: false };
    for (const person of ready) {
      const draft = await drafts.get(person.id);
      const result = draft ? await sendDraft(services, key, draft) : undefined;
      if (result?.kind === 'queued') outcome.queued += 1;
      else {
        outcome.failed += 1;
        if (result?.kind === 'no-key') outcome.noKey = true;
      }
    }
    setSent(outcome);
    setBusy(false);
  };

  const details: [string, string][] = [
    [text.kind, text.kinds[kindOf(encounter)]],
    [text.when, `${longDate(encounter.date)}, ${encounter.time}`],
    [text.place, placeOf(encounter)],
    [text.force, encounter.policeForce || text.noneGiven],
    [text.crimeReference, encounter.crimeReference || text.noneGiven],
    [text.officers, encounter.officers || text.noneGiven],
  ];

  return (
    <>
      <BackLink href={paths.home} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {sent ? (
            <NotificationBanner
              type={sent.failed === 0 ? 'success' : 'important'}
              role="alert"
              title={sent.failed === 0 ? text.success : text.important}
              titleId="send-result-title"
              heading={sent.queued > 0 ? text.sent(sent.queued) : undefined}
            >
              {sent.failed > 0 ? <p class="govuk-body">{sent.noKey ? outboxContent.noIntakeKey : text.sendFailed(sent.failed)}</p> : null}
            </NotificationBanner>
          ) : null}
          <span class="govuk-caption-l">{text.listTitle}</span>
          <h1 class="govuk-heading-l app-break-words">{encounter.operation}</h1>
          {closed ? <div class="govuk-inset-text">{text.closedNote}</div> : null}
          {!closed ? (
            <button type="button" class="govuk-button" disabled={busy} onClick={() => void add()}>
              {text.addPerson}
            </button>
          ) : null}
          <h2 class="govuk-heading-m">
            {text.people} {people ? `(${people.length})` : ''}
          </h2>
          {people && people.length === 0 ? <p class="govuk-body">{text.noPeople}</p> : null}
          {people && people.length > 0 ? <p class="govuk-body" data-testid="encounter-tally">{tally(people)}</p> : null}
          {people && people.length > 0 ? (
            <ul class="govuk-list app-people">
              {people.map((person) => (
                <PersonRow key={person.id} encounter={encounter} person={person} labels={labels} />
              ))}
            </ul>
          ) : null}
          {ready.length > 0 ? (
            <button type="button" class="govuk-button" disabled={busy} onClick={() => void sendReady()}>
              {text.sendReady(ready.length)}
            </button>
          ) : null}
          {!closed ? <ScenePhotos encounter={encounter} /> : null}
          <h2 class="govuk-heading-m">{text.details}</h2>
          <SummaryList rows={details.map(([label, value]) => ({ key: label, value, valueClass: 'app-pre-wrap' }))} />
          <p class="govuk-body">
            <Link href={paths.encounterAction(encounter.id, 'details')}>
              {text.change}
              <span class="govuk-visually-hidden"> {text.details.toLowerCase()}</span>
            </Link>
          </p>
          <div class="govuk-button-group">
            {closed ? (
              <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void encounters.setClosed(encounter.id, false)}>
                {text.reopen}
              </button>
            ) : (
              <Link href={paths.encounterAction(encounter.id, 'close')} class="govuk-button govuk-button--secondary">
                {text.close}
              </Link>
            )}
            <Link href={paths.encounterAction(encounter.id, 'delete')} class="govuk-button govuk-button--warning">
              {text.deleteAction}
            </Link>
          </div>
        </div>
      </div>
    </>
  );
}
