import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'preact/hooks';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { BackLink } from '../../govuk/BackLink.tsx';
import { Button } from '../../govuk/Button.tsx';
import { ChoiceGroup } from '../../govuk/Choices.tsx';
import { DateInput } from '../../govuk/DateInput.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import { Panel } from '../../govuk/Panel.tsx';
import { Textarea } from '../../govuk/Textarea.tsx';
import { REASON_TEXT_MAX, type CaseAction, type CaseActionType } from '../../shared/casework/actions.ts';
import { reconsiderationLastDay } from '../../shared/casework/clock.ts';
import { check, transition, type CaseState } from '../../shared/casework/machine.ts';
import type { CaseDetail, CaseEvent } from '../../shared/casework/protocol.ts';
import { stageLabels } from '../../shared/casework/stages.ts';
import type { ConsoleApi, ConsoleUser } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatDayLong, formatWhen } from '../shell/format.ts';
import { failureMessage } from '../shell/messages.ts';
import { ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { actionForms, actionFrom, dayFromParts, initialValues, reasonsFor, type DateParts, type FieldSpec, type FormSpec, type FormValues } from './action-forms.ts';
import { peopleOf } from './case-words.ts';
import { actionContent, actionsTaken, caseContent, doneContent, formContent as text, valueLabels } from './content.ts';

type Person = { id: string; email: string; role: string };

/** What to say once an action is taken: what was done, and what happens next. */
export function confirmation(action: CaseAction, after: CaseState | undefined, people: ReadonlyMap<string, string>, today: string): { title: string; next: string } {
  const day = (value: string | null | undefined) => formatDayLong(value ?? today);
  const served = () => reconsiderationLastDayOr(after?.servedNegativeOn ?? today);
  switch (action.type) {
    case 'decide-rg':
      return action.outcome === 'positive' ? { title: doneContent.rgPositive.title, next: doneContent.rgPositive.next(day(after?.cgNotBefore)) } : doneContent.negativeProposed;
    case 'decide-cg':
      return action.outcome === 'positive' ? doneContent.cgPositive : doneContent.negativeProposed;
    case 'review':
      if (action.verdict === 'disagree') return doneContent.sentBack;
      if (after?.stage === 'cg-panel') return doneContent.toPanel;
      return after?.stage === 'cg-negative' ? { title: doneContent.servedCg.title, next: doneContent.servedCg.next(served()) } : { title: doneContent.servedRg.title, next: doneContent.servedRg.next(served()) };
    case 'panel-review':
      return action.verdict === 'agree' ? { title: doneContent.servedCg.title, next: doneContent.servedCg.next(served()) } : doneContent.sentBack;
    case 'record-reconsideration':
      return doneContent.reconsiderationRecorded;
    case 'decide-reconsideration':
      return action.outcome === 'accepted' ? doneContent.reconsiderationAccepted : doneContent.reconsiderationRefused;
    case 'ask-information':
    case 'suspend':
    case 'record-turned-18':
      return doneContent.paused(actionsTaken[action.type]);
    case 'information-received':
    case 'lift-suspension':
      return doneContent.resumed(actionsTaken[action.type]);
    case 'record-consent':
      return action.consent === 'given' ? doneContent.resumed(actionsTaken[action.type]) : doneContent.withdrawn;
    case 'flag-county-lines':
      return doneContent.countyLines(action.countyLines === 'yes');
    case 'withdraw':
      return doneContent.withdrawn;
    case 'take':
    case 'take-over':
      return doneContent.taken;
    case 'assign':
      return doneContent.assigned(people.get(action.to) ?? action.to);
    case 'release':
      return doneContent.released;
  }
}

function reconsiderationLastDayOr(servedOn: string): string {
  return formatDayLong(reconsiderationLastDay(servedOn));
}

/** One line per change made by someone else since the form was opened. */
function SinceList({ since }: { since: readonly CaseEvent[] }) {
  if (since.length === 0) return <p class="govuk-body">{text.changedNothing}</p>;
  return (
    <>
      <p class="govuk-body">{text.changedWhat}</p>
      <ul class="govuk-list govuk-list--bullet" data-testid="changed-since">
        {since.map((event, index) => (
          <li key={`${event.at}-${index}`}>
            {actionsTaken[event.action]}, {caseContent.history.by(event.actor.email, formatWhen(event.at))}
            {event.from && event.from !== event.to ? `: ${caseContent.history.moved(stageLabels[event.from], stageLabels[event.to])}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

const FIELD_NAMES = (spec: FormSpec) => spec.fields.map((field) => field.name);

/** The form of one action on a loaded case: its fields, the shared schema's checks, the server's answer. */
function ActionFormBody({ api, user, detail, type, people, onSessionEnded }: { api: ConsoleApi; user: ConsoleUser; detail: CaseDetail; type: CaseActionType; people: readonly Person[]; onSessionEnded: () => void }) {
  const spec = actionForms[type];
  const words = actionContent[type];
  const [current, setCurrent] = useState<CaseState>(detail.state);
  const [changed, setChanged] = useState<{ since: CaseEvent[]; count: number } | undefined>();
  const [serverError, setServerError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ title: string; next: string }>();
  const heading = useHeadingFocus();

  const lastDay = current.servedNegativeOn ? reconsiderationLastDay(current.servedNegativeOn) : undefined;
  const isLate = (values: FormValues) => {
    if (type !== 'record-reconsideration' || !lastDay) return false;
    const requested = dayFromParts(values.requestedOn as DateParts | undefined);
    return /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested > lastDay;
  };

  // The shared schema decides (the server applies the same one); the late reason is the state machine's rule, said here first.
  const resolver: Resolver<FormValues> = async (values, context, options) => {
    const late = isLate(values);
    const checked = await zodResolver(spec.schema as never)(actionFrom(type, spec, values, { late }) as never, context, options as never);
    if (late && !(typeof values.lateReason === 'string' && values.lateReason.trim())) {
      return { values: {}, errors: { ...checked.errors, lateReason: { type: 'required', message: text.lateRequired } } } as never;
    }
    return checked as never;
  };

  const form = useForm<FormValues>({ defaultValues: initialValues(spec, detail.today), resolver, shouldFocusError: false, mode: 'onSubmit', reValidateMode: 'onChange' });
  const values = form.watch();
  const { errors, isSubmitted } = form.formState;
  const late = isLate(values);

  const set = (name: string, value: FormValues[string]) => form.setValue(name, value, { shouldValidate: isSubmitted, shouldDirty: true });

  const firstFieldId = spec.fields[0] ? spec.fields[0].name : 'submit-action';

  const send = async (action: CaseAction) => {
    if (busy) return;
    setServerError(undefined);
    setBusy(true);
    const result = await api.caseAction(detail.id, { version: current.version, action });
    setBusy(false);
    if (result.ok) {
      const outcome = transition(current, action, { id: user.id, role: user.role }, { today: detail.today, independentReview: detail.independentReview });
      const known = new Map([...peopleOf(detail), ...people.map((person) => [person.id, person.email] as const)]);
      setDone(confirmation(action, outcome.ok ? outcome.state : undefined, known, detail.today));
      return;
    }
    const failure = result.failure;
    if (failure.kind === 'signed-out') return onSessionEnded();
    if (failure.kind === 'case-changed') {
      // Nothing was written: keep what was typed, and send it next time on the case as it is now.
      setCurrent(failure.current);
      setChanged((was) => ({ since: failure.since, count: (was?.count ?? 0) + 1 }));
      return;
    }
    if (failure.kind === 'invalid') {
      const known = new Set(FIELD_NAMES(spec));
      const unplaced: string[] = [];
      for (const error of failure.errors) {
        const name = error.path.replace(/^action\./, '').split('.')[0] ?? '';
        if (known.has(name)) form.setError(name, { type: 'server', message: error.message });
        else unplaced.push(error.message);
      }
      if (unplaced.length > 0) setServerError(unplaced.join('. '));
    } else {
      setServerError(failureMessage(failure));
    }
    setAttempt((n) => n + 1);
  };

  const submit = form.handleSubmit(
    (action) => void send(action as unknown as CaseAction),
    () => setAttempt((n) => n + 1),
  );

  const errorOf = (name: string): string | undefined => {
    const found = (errors as FieldErrors<FormValues>)[name];
    if (!found?.message) return undefined;
    const field = spec.fields.find((candidate) => candidate.name === name);
    // Reasons are asked for once an outcome is chosen: until then the outcome's own error says what to do.
    if (field?.kind === 'reasons' && Object.keys(reasonsFor(values.outcome)).length === 0) return undefined;
    // The three boxes read as one date; the schema's wording is for the day as it travels (YYYY-MM-DD).
    if (field?.kind === 'date' && dayFromParts(values[name] as DateParts) !== '' && found.type !== 'server') return text.dateInvalid;
    return String(found.message);
  };

  const summary: SummaryError[] = [
    ...spec.fields.flatMap((field) => {
      const message = errorOf(field.name);
      return message ? [{ href: `#${field.name}`, message }] : [];
    }),
    ...(serverError ? [{ href: `#${firstFieldId}`, message: serverError }] : []),
  ];

  const title = `${words.title}`;
  const caseAddress = paths.case(detail.id);

  if (done) {
    return (
      <DeskLayout title={done.title}>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds-from-desktop">
            <Panel title={done.title}>{text.caption(detail.reference)}</Panel>
            <h2 class="govuk-heading-m">{text.nextHeading}</h2>
            <p class="govuk-body" data-testid="what-next">
              {done.next}
            </p>
            <p class="govuk-body">
              <ConsoleLink href={caseAddress}>{text.backToCase}</ConsoleLink>
            </p>
            <p class="govuk-body">
              <ConsoleLink href={paths.cases()}>{text.backToQueue}</ConsoleLink>
            </p>
          </div>
        </div>
      </DeskLayout>
    );
  }

  const nowAllowed = changed ? check(current, type, { id: user.id, role: user.role }) : { ok: true as const };

  const field = (spec: FieldSpec) => {
    const label = words.fields?.[spec.name]?.label ?? spec.name;
    const hint = words.fields?.[spec.name]?.hint;
    const error = errorOf(spec.name);
    switch (spec.kind) {
      case 'radios':
        return (
          <ChoiceGroup
            key={spec.name}
            id={spec.name}
            kind="radios"
            label={label}
            hint={hint}
            error={error}
            options={spec.values.map((value) => ({
              value,
              label: words.options?.[spec.name]?.[value]?.label ?? valueLabels[value] ?? value,
              hint: words.options?.[spec.name]?.[value]?.hint,
              field: {
                name: spec.name,
                value,
                checked: values[spec.name] === value,
                onChange: () => {
                  set(spec.name, value);
                  // Reasons must fit the outcome: ticks that no longer fit are taken off.
                  if (spec.name === 'outcome' && Array.isArray(values.reasonCodes)) set('reasonCodes', values.reasonCodes.filter((code) => code in reasonsFor(value)));
                },
              },
            }))}
          />
        );
      case 'reasons': {
        const fitting = reasonsFor(values.outcome);
        const ticked = Array.isArray(values[spec.name]) ? (values[spec.name] as string[]) : [];
        if (Object.keys(fitting).length === 0) return null;
        return (
          <ChoiceGroup
            key={`${spec.name}-${String(values.outcome)}`}
            id={spec.name}
            kind="checkboxes"
            label={label}
            hint={hint}
            error={error}
            options={Object.entries(fitting).map(([code, reason]) => ({
              value: code,
              label: reason,
              field: {
                name: spec.name,
                value: code,
                checked: ticked.includes(code),
                onChange: () => set(spec.name, ticked.includes(code) ? ticked.filter((entry) => entry !== code) : [...ticked, code]),
              },
            }))}
          />
        );
      }
      case 'late-reason':
        if (!lastDay) return null;
        return late ? (
          <div key={spec.name}>
            <div class="govuk-warning-text" data-testid="late-warning">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{text.warning}: </span>
                {text.late(formatDayLong(lastDay))}
              </strong>
            </div>
            <Textarea
              id={spec.name}
              label={label}
              hint={hint}
              error={error}
              maxLength={REASON_TEXT_MAX}
              countText={text.characters}
              field={{ name: spec.name, value: String(values[spec.name] ?? ''), onInput: (event) => set(spec.name, (event.currentTarget as HTMLTextAreaElement).value) }}
            />
          </div>
        ) : null;
      case 'text':
        return (
          <Textarea
            key={spec.name}
            id={spec.name}
            label={label}
            hint={hint}
            error={error}
            maxLength={REASON_TEXT_MAX}
            countText={text.characters}
            field={{ name: spec.name, value: String(values[spec.name] ?? ''), onInput: (event) => set(spec.name, (event.currentTarget as HTMLTextAreaElement).value) }}
          />
        );
      case 'date': {
        const extra =
          spec.name === 'requestedOn' && lastDay ? text.inTime(formatDayLong(lastDay)) : spec.name === 'decidedOn' && type === 'decide-cg' && current.cgNotBefore ? text.cgFrom(formatDayLong(current.cgNotBefore)) : text.today(formatDayLong(detail.today));
        return (
          <DateInput
            key={spec.name}
            id={spec.name}
            label={label}
            hint={[extra, hint].filter(Boolean).join(' ')}
            error={error}
            value={values[spec.name] as DateParts}
            onChange={(part, typed) => set(spec.name, { ...(values[spec.name] as DateParts), [part]: typed })}
          />
        );
      }
      case 'person':
        if (people.length === 0) return <p class="govuk-body">{text.noPeople}</p>;
        return (
          <ChoiceGroup
            key={spec.name}
            id={spec.name}
            kind="radios"
            label={label}
            hint={hint}
            error={error}
            options={people.map((person) => ({
              value: person.id,
              label: person.email,
              hint: shellContent.roles[person.role as keyof typeof shellContent.roles]?.name ?? person.role,
              field: { name: spec.name, value: person.id, checked: values[spec.name] === person.id, onChange: () => set(spec.name, person.id) },
            }))}
          />
        );
    }
  };

  return (
    <DeskLayout title={`${summary.length ? shellContent.errorPrefix : ''}${title}`}>
      <BackLink href={caseAddress} text={text.back} onClick={followInConsole(caseAddress)} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds-from-desktop">
          {changed ? (
            <NotificationBanner key={changed.count} titleId="case-changed-title" title={text.changedTitle} heading={text.changed} focusOnShow>
              <SinceList since={changed.since} />
              {nowAllowed.ok ? null : (
                <>
                  <p class="govuk-body govuk-!-font-weight-bold">{nowAllowed.reason}</p>
                  <p class="govuk-body">
                    <ConsoleLink href={caseAddress} class="govuk-notification-banner__link">
                      {text.changedBack}
                    </ConsoleLink>
                  </p>
                </>
              )}
              <p class="govuk-body">{text.changedKept}</p>
            </NotificationBanner>
          ) : null}
          <ErrorSummary errors={summary} attempt={attempt} title={shellContent.errorSummaryTitle} />
          <span class="govuk-caption-l">{text.caption(detail.reference)}</span>
          <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
            {words.title}
          </h1>
          {words.lead ? <p class="govuk-body">{words.lead}</p> : null}
          <form id="action-form" method="post" noValidate onSubmit={(event) => void submit(event)}>
            {spec.fields.map(field)}
            <div class="govuk-button-group">
              <Button type="submit" id="submit-action" ariaDisabled={busy} warning={type === 'withdraw'}>
                {busy ? text.sending : words.button}
              </Button>
              <ConsoleLink href={caseAddress}>{text.cancel}</ConsoleLink>
            </div>
          </form>
        </div>
      </div>
    </DeskLayout>
  );
}

/** An action on a case, as its own page: the case is loaded for its version and today's date, then the form. */
export function ActionForm({ api, user, id, action, onSessionEnded }: { api: ConsoleApi; user: ConsoleUser; id: string; action: CaseActionType; onSessionEnded: () => void }) {
  const { state, reload } = useLoad(() => api.caseDetail(id), id, onSessionEnded);
  const needsPeople = action === 'assign';
  const people = useLoad(() => (needsPeople ? api.caseworkers() : Promise.resolve({ ok: true as const, value: { people: [] } })), `${id}/${action}`, onSessionEnded);
  const heading = useHeadingFocus();
  const words = actionContent[action];
  const caseAddress = paths.case(id);

  if (state.kind === 'loaded' && state.value.actions.includes(action) && people.state.kind === 'loaded') {
    return <ActionFormBody api={api} user={user} detail={state.value} type={action} people={people.state.value.people} onSessionEnded={onSessionEnded} />;
  }
  const notNow = state.kind === 'loaded' && !state.value.actions.includes(action);
  return (
    <DeskLayout title={notNow ? text.notNow : words.title}>
      <BackLink href={caseAddress} text={text.back} onClick={followInConsole(caseAddress)} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {notNow ? text.notNow : words.title}
      </h1>
      {state.kind === 'loading' || (state.kind === 'loaded' && people.state.kind === 'loading') ? <Loading text={state.kind === 'loading' ? text.loading : text.peopleLoading} /> : null}
      {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={caseContent.failed} retry={caseContent.retry} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' && !notNow && people.state.kind === 'failed' ? (
        <LoadFailed failure={people.state.failure} text={text.peopleFailed} retry={caseContent.retry} onRetry={() => void people.reload()} />
      ) : null}
      {notNow ? (
        <>
          <p class="govuk-body">{text.notNowBody}</p>
          <p class="govuk-body">
            <ConsoleLink href={caseAddress}>{text.backToCase}</ConsoleLink>
          </p>
        </>
      ) : null}
    </DeskLayout>
  );
}
