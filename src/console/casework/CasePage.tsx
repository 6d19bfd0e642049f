import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { AnswerSections } from '../../govuk/AnswerSections.tsx';
import { QualityPanel } from './QualityPanel.tsx';
import { BackLink } from '../../govuk/BackLink.tsx';
import { Button, ButtonGroup } from '../../govuk/Button.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { Tag } from '../../govuk/Tag.tsx';
import { Textarea } from '../../govuk/Textarea.tsx';
import { caseNoteRequestSchema, NOTE_MAX, type CaseActionType } from '../../shared/casework/actions.ts';
import type { CaseFile } from '../../shared/casework/files.ts';
import type { CaseDetail, PossibleMatch } from '../../shared/casework/protocol.ts';
import { stageLabels } from '../../shared/casework/stages.ts';
import type { Answers } from '../../shared/form/model.ts';
import { answerSections } from '../../shared/form/answer-summary.ts';
import type { ConsoleApi, ConsoleUser } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatBytes, formatInstantDay, formatWhen } from '../shell/format.ts';
import { failureMessage } from '../shell/messages.ts';
import { ButtonLink, ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { clockInWords, detailInWords, peopleOf } from './case-words.ts';
import { actionNames, actionsTaken, caseContent as text, formContent, queueContent } from './content.ts';

const sections = text.sections;

/** Decisions first, then holds and the rest; withdrawing in red, last. */
const ACTION_ORDER: readonly CaseActionType[] = [
  'take',
  'decide-rg',
  'decide-cg',
  'review',
  'panel-review',
  'record-reconsideration',
  'decide-reconsideration',
  'ask-information',
  'information-received',
  'record-turned-18',
  'record-consent',
  'suspend',
  'lift-suspension',
  'flag-county-lines',
  'assign',
  'take-over',
  'release',
  'withdraw',
];
const PRIMARY: ReadonlySet<CaseActionType> = new Set(['take', 'decide-rg', 'decide-cg', 'review', 'panel-review', 'decide-reconsideration', 'information-received', 'record-consent', 'lift-suspension']);

function CaseSummary({ detail, user }: { detail: CaseDetail; user: ConsoleUser }) {
  const summary = text.summary;
  const clock = clockInWords(detail.state, detail.today);
  const matches = detail.possibleMatches.filter((match) => match.verdict !== 'not-same').length;
  return (
    <div class="govuk-summary-card" data-testid="case-summary">
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">{summary.title}</h2>
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: summary.reference, value: <span class="app-nowrap">{detail.reference}</span> },
            { key: summary.stage, value: stageLabels[detail.state.stage] },
            {
              key: summary.clock,
              value: (
                <>
                  {clock.due === 'overdue' ? <Tag colour="red">{queueContent.overdue}</Tag> : clock.due === 'due-today' ? <Tag colour="orange">{queueContent.dueToday}</Tag> : null}
                  {clock.due ? ' ' : null}
                  {clock.text}
                </>
              ),
            },
            { key: summary.heldBy, value: detail.heldBy ? (detail.heldBy.id === user.id ? summary.you(detail.heldBy.email) : detail.heldBy.email) : summary.nobody },
            { key: summary.received, value: formatWhen(detail.receivedAt) },
            { key: summary.organisation, value: detail.organisation ?? queueContent.notKnown },
            { key: summary.path, value: queueContent.paths[detail.state.path] },
            { key: summary.countyLines, value: summary.countyLinesValue(detail.state.countyLines === true) },
            {
              key: summary.possibleMatches,
              value: matches > 0 ? <a class="govuk-link" href="#possible-matches">{summary.possibleMatchesValue(matches)}</a> : summary.possibleMatchesValue(0),
            },
            {
              key: summary.linked,
              value:
                detail.linked.length === 0 ? (
                  summary.none
                ) : (
                  <ul class="govuk-list">
                    {detail.linked.map((link) => (
                      <li key={link.id}>
                        <ConsoleLink href={paths.case(link.id)}>{link.reference}</ConsoleLink> ({text.relations[link.relation] ?? link.relation})
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </div>
    </div>
  );
}

function EvidenceItem({ api, id, file }: { api: ConsoleApi; id: string; file: CaseFile }) {
  const words = text.evidence;
  const address = api.caseFileAddress(id, file.fileId);
  const kind = words.types[file.type] ?? file.type;
  const image = file.type.startsWith('image/');
  return (
    <li class="app-evidence__item">
      <p class="govuk-body govuk-!-margin-bottom-1">
        <span class="govuk-!-font-weight-bold app-break">{file.name}</span>
        <br />
        <span class="govuk-body-s">
          {kind}, {formatBytes(file.size)}
        </span>
      </p>
      {image ? (
        <>
          <img class="app-evidence__image" src={address} alt={file.name} loading="lazy" />
          <p class="govuk-body-s">
            <a class="govuk-link" href={address} target="_blank" rel="noopener">
              {words.open}
              <span class="govuk-visually-hidden">: {file.name}</span>
            </a>
          </p>
        </>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={address} download={file.name}>
            {words.download(file.name)}
          </a>
        </p>
      )}
    </li>
  );
}

/** The files in the order they came: the referral's own, then each addition's under what brought them. */
function groupsOf(files: readonly CaseFile[]): { heading: string; files: CaseFile[] }[] {
  const groups: { key: string; heading: string; files: CaseFile[] }[] = [];
  for (const file of files) {
    const key = file.addedWith ? `${file.addedWith.kind} ${file.addedWith.receivedAt}` : 'referral';
    const heading = file.addedWith ? text.evidence.addedWith(file.addedWith.kind, formatInstantDay(file.addedWith.receivedAt)) : text.evidence.caption;
    const group = groups.find((each) => each.key === key);
    if (group) group.files.push(file);
    else groups.push({ key, heading, files: [file] });
  }
  return groups;
}

function Evidence({ api, id, onSessionEnded }: { api: ConsoleApi; id: string; onSessionEnded: () => void }) {
  const words = text.evidence;
  const { state, reload } = useLoad(() => api.caseFiles(id), id, onSessionEnded);
  if (state.kind === 'loading') return <Loading text={words.loading} />;
  if (state.kind === 'failed') return <LoadFailed failure={state.failure} text={words.failed} retry={text.retry} onRetry={() => void reload()} />;
  const files = state.value.files;
  if (files.length === 0) return <p class="govuk-body">{words.none}</p>;
  const groups = groupsOf(files);
  // One list, as before, when only the referral brought files.
  const headed = groups.length > 1 || files.some((file) => file.addedWith);
  return (
    <>
      <p class="govuk-body">{words.audited}</p>
      {groups.map((group) => (
        <div key={group.heading} data-testid="evidence-group">
          {headed ? <h3 class="govuk-heading-s">{group.heading}</h3> : null}
          <ul class="govuk-list app-evidence" data-testid="evidence">
            {group.files.map((file) => (
              <EvidenceItem key={file.fileId} api={api} id={id} file={file} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function PossibleMatches({ matches, busy, onDecide }: { matches: readonly PossibleMatch[]; busy: string | undefined; onDecide: (match: PossibleMatch, verdict: 'same-person' | 'not-same') => void }) {
  const words = text.matches;
  if (matches.length === 0) return <p class="govuk-body">{words.none}</p>;
  return (
    <>
      <p class="govuk-body">{words.lead}</p>
      {matches.map((match) => (
        <div class="govuk-summary-card" key={match.otherId} data-testid="possible-match">
          <div class="govuk-summary-card__title-wrapper">
            <h3 class="govuk-summary-card__title">
              <ConsoleLink href={paths.case(match.otherId)}>{match.otherReference}</ConsoleLink>
            </h3>
          </div>
          <div class="govuk-summary-card__content">
            <p class="govuk-body-s">{words.score(match.score)}</p>
            <h4 class="govuk-heading-s">{words.why}</h4>
            <ul class="govuk-list govuk-list--bullet">
              {match.reasons.map((reason, index) => (
                <li key={index}>
                  {reason.detail} <span class="govuk-body-s app-muted">({words.strength(reason.strength)})</span>
                </li>
              ))}
            </ul>
            {match.verdict ? (
              <p class="govuk-body">
                <Tag colour={match.verdict === 'same-person' ? 'blue' : 'grey'}>{words.verdict[match.verdict]}</Tag>
                {match.decidedBy ? <span class="govuk-body-s"> {words.decidedBy(match.decidedBy.email)}</span> : null}
              </p>
            ) : (
              <ButtonGroup>
                <Button secondary id={`same-${match.otherId}`} ariaDisabled={busy !== undefined} onClick={() => onDecide(match, 'same-person')}>
                  {busy === match.otherId ? words.saving : words.same}
                  <span class="govuk-visually-hidden">{words.sameHidden(match.otherReference)}</span>
                </Button>
                <Button secondary ariaDisabled={busy !== undefined} onClick={() => onDecide(match, 'not-same')}>
                  {words.notSame}
                  <span class="govuk-visually-hidden">{words.sameHidden(match.otherReference)}</span>
                </Button>
              </ButtonGroup>
            )}
          </div>
        </div>
      ))}
    </>
  );
}

function Notes({ detail, note, setNote, error, busy, added, onAdd }: { detail: CaseDetail; note: string; setNote: (text: string) => void; error: string | undefined; busy: boolean; added: boolean; onAdd: () => void }) {
  const words = text.notes;
  const notes = [...detail.notes].reverse();
  return (
    <>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onAdd();
        }}
      >
        <Textarea
          id="note"
          label={words.label}
          hint={words.hint}
          error={error}
          rows={3}
          maxLength={NOTE_MAX}
          countText={formContent.characters}
          field={{ name: 'text', value: note, onInput: (event) => setNote((event.currentTarget as HTMLTextAreaElement).value) }}
        />
        <Button type="submit" secondary ariaDisabled={busy}>
          {busy ? words.busy : words.button}
        </Button>
        <p class="govuk-body govuk-visually-hidden" role="status">
          {added ? words.added : ''}
        </p>
      </form>
      {notes.length === 0 ? (
        <p class="govuk-body">{words.none}</p>
      ) : (
        <ol class="govuk-list app-log" reversed data-testid="notes">
          {notes.map((entry, index) => (
            <li key={`${entry.at}-${index}`} class="app-log__item">
              <p class="govuk-body-s app-log__meta">{words.by(entry.author.email, formatWhen(entry.at))}</p>
              <p class="govuk-body app-pre-wrap app-break">{entry.text}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function History({ detail }: { detail: CaseDetail }) {
  const words = text.history;
  const people = peopleOf(detail);
  const events = [...detail.events].reverse();
  if (events.length === 0) return <p class="govuk-body">{words.none}</p>;
  return (
    <ol class="govuk-list app-log" reversed data-testid="history">
      {events.map((event, index) => {
        const rows = Object.entries(event.detail).flatMap(([name, value]) => {
          const shown = detailInWords(name, value, people);
          return shown ? [{ id: name, key: shown.label, value: shown.value, valueClass: 'app-pre-wrap app-break' }] : [];
        });
        return (
          <li key={`${event.at}-${index}`} class="app-log__item">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{actionsTaken[event.action]}</h3>
            <p class="govuk-body-s app-log__meta">{words.by(event.actor.email, formatWhen(event.at))}</p>
            <p class="govuk-body">{event.from && event.from !== event.to ? words.moved(stageLabels[event.from], stageLabels[event.to]) : words.stayed(stageLabels[event.to])}</p>
            {rows.length > 0 ? <SummaryList class="govuk-summary-list--no-border govuk-!-margin-bottom-2" rows={rows} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

function CaseActions({ detail }: { detail: CaseDetail }) {
  const actions = ACTION_ORDER.filter((action) => detail.actions.includes(action));
  if (actions.length === 0) return <p class="govuk-body">{text.noActions}</p>;
  return (
    <div class="app-actions" data-testid="case-actions">
      {actions.map((action) => (
        <ButtonLink key={action} href={paths.caseAction(detail.id, action)} secondary={!PRIMARY.has(action) && action !== 'withdraw'} warning={action === 'withdraw'}>
          {action === 'flag-county-lines' && detail.state.countyLines ? text.summary.countyLinesChange : actionNames[action]}
        </ButtonLink>
      ))}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="app-case-section" aria-labelledby={`${id}-heading`} id={id}>
      <h2 class="govuk-heading-l" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A case: its summary, the referral as received, evidence, possible same person, notes, history, and what the reader may do now. */
export function CasePage({ api, user, id, onSessionEnded }: { api: ConsoleApi; user: ConsoleUser; id: string; onSessionEnded: () => void }) {
  const { state, reload } = useLoad(() => api.caseDetail(id), id, onSessionEnded);
  const heading = useHeadingFocus();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [noteBusy, setNoteBusy] = useState(false);
  const [noteAdded, setNoteAdded] = useState(false);
  const [matchBusy, setMatchBusy] = useState<string>();

  const fail = (found: SummaryError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const addNote = async () => {
    if (noteBusy) return;
    setNoteAdded(false);
    const parsed = caseNoteRequestSchema.safeParse({ text: note });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '';
      setNoteError(message);
      return fail([{ href: '#note', message }]);
    }
    setNoteBusy(true);
    const result = await api.addCaseNote(id, parsed.data);
    setNoteBusy(false);
    if (!result.ok) {
      if (result.failure.kind === 'signed-out') return onSessionEnded();
      const message = result.failure.kind === 'invalid' ? (result.failure.errors[0]?.message ?? failureMessage(result.failure)) : failureMessage(result.failure);
      setNoteError(message);
      return fail([{ href: '#note', message }]);
    }
    setNote('');
    setNoteError(undefined);
    setErrors([]);
    setNoteAdded(true);
    await reload(true);
  };

  const decide = async (match: PossibleMatch, verdict: 'same-person' | 'not-same') => {
    if (matchBusy) return;
    setMatchBusy(match.otherId);
    const result = await api.decideSameness(id, match.otherId, verdict);
    setMatchBusy(undefined);
    if (!result.ok) {
      if (result.failure.kind === 'signed-out') return onSessionEnded();
      return fail([{ href: `#same-${match.otherId}`, message: failureMessage(result.failure) }]);
    }
    setErrors([]);
    await reload(true);
  };

  const title = state.kind === 'loaded' ? `${text.caption} ${state.value.reference}` : text.caption;
  const back = <BackLink href={paths.cases()} text={text.back} onClick={followInConsole(paths.cases())} />;

  if (state.kind !== 'loaded') {
    const notFound = state.kind === 'failed' && state.failure.kind === 'not-found';
    return (
      <DeskLayout title={notFound ? text.notFound : title}>
        {back}
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {notFound ? text.notFound : text.caption}
        </h1>
        {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
        {notFound ? <p class="govuk-body">{text.notFoundBody}</p> : null}
        {state.kind === 'failed' && !notFound ? <LoadFailed failure={state.failure} text={text.failed} retry={text.retry} onRetry={() => void reload()} /> : null}
      </DeskLayout>
    );
  }

  const detail = state.value;
  const referral = answerSections(detail.answers as Answers);
  const contents = [
    ['referral', sections.referral],
    ['evidence', sections.evidence],
    ['possible-matches', sections.matches],
    ['notes', sections.notes],
    ['history', sections.history],
  ] as const;

  return (
    <DeskLayout title={`${errors.length ? shellContent.errorPrefix : ''}${title}`}>
      {back}
      <ErrorSummary errors={errors} attempt={attempt} title={shellContent.errorSummaryTitle} />
      <span class="govuk-caption-l">{text.caption}</span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {detail.reference}
      </h1>
      <div class="app-case">
        <div class="app-case__summary">
          <CaseSummary detail={detail} user={user} />
        </div>
        {/* Beside the case on a desk, and still there while reading down it; after the summary on a phone. */}
        <div class="app-case__side">
          <section aria-labelledby="actions-heading" id="actions" class="app-case-actions">
            <h2 class="govuk-heading-m" id="actions-heading">
              {sections.actions}
            </h2>
            <CaseActions detail={detail} />
          </section>
          {referral.length > 0 ? <QualityPanel answers={detail.answers as Answers} /> : null}
          <nav aria-labelledby="contents-heading" class="app-contents">
            <h2 class="govuk-heading-s" id="contents-heading">
              {text.contents}
            </h2>
            <ul class="govuk-list">
              {contents.map(([anchor, name]) => (
                <li key={anchor}>
                  <a class="govuk-link" href={`#${anchor}`}>
                    {name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div class="app-case__sections">
          <Section id="referral" title={sections.referral}>
            {referral.length > 0 ? <AnswerSections sections={referral} notAnswered={text.notAnswered} valueClass="app-pre-wrap app-break" /> : <p class="govuk-body">{text.referralPending}</p>}
          </Section>
          <Section id="evidence" title={sections.evidence}>
            <Evidence api={api} id={id} onSessionEnded={onSessionEnded} />
          </Section>
          <Section id="possible-matches" title={sections.matches}>
            <PossibleMatches matches={detail.possibleMatches} busy={matchBusy} onDecide={(match, verdict) => void decide(match, verdict)} />
          </Section>
          <Section id="notes" title={sections.notes}>
            <Notes detail={detail} note={note} setNote={setNote} error={noteError} busy={noteBusy} added={noteAdded} onAdd={() => void addNote()} />
          </Section>
          <Section id="history" title={sections.history}>
            <History detail={detail} />
          </Section>
        </div>
      </div>
    </DeskLayout>
  );
}

