import { lazy, Suspense } from 'preact/compat';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { REASON_TEXT_MAX } from '../../shared/casework/form-text.ts';
import { answerInformationSchema, askReconsiderationSchema, type ResponderAction } from '../../shared/casework/responder-actions.ts';
import { dayOf } from '../../shared/casework/uk-day.ts';
import { reconsiderationGrounds } from '../../shared/casework/reasons.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import type { Answers } from '../../shared/form/model.ts';
import { additionsOf } from '../../store/additions.ts';
import { queueAddition, reconsiderationFilesKey } from '../../store/queue-addition.ts';
import { ChoiceGroup } from '../../govuk/Choices.tsx';
import { QuestionPage } from '../../govuk/QuestionPage.tsx';
import { COUNT_THRESHOLD, Textarea } from '../../govuk/Textarea.tsx';
import { useStepForm, type FieldErrors } from '../form/use-step-form.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { formatDate } from '../shell/format.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { outboxContent } from './content.ts';
import { intakeKeyFor } from './intake-key.ts';
import { offeredAdditions, type AdditionAction } from './offered-additions.ts';
import { useOutbox } from './use-outbox.ts';
import { DeleteFromOutboxPage } from './DeleteFromOutboxPage.tsx';
import type { OutboxItem } from '../../store/outbox.ts';

const text = outboxContent.additionPage;
const FILES_ID = 'reconsideration-files';
// With the evidence page's chunk, which holds the evidence feature's code.
const ReconsiderationFiles = lazy(() => import('../evidence/EvidencePage.tsx').then((m) => ({ default: m.ReconsiderationFiles })));
const inWords = (day: string | null | undefined) => (day ? formatDate(new Date(`${day}T00:00:00Z`)) : '');

/** The action the form's values make, checked by the same schema the server applies. */
function actionFrom(action: AdditionAction, values: Answers): { action?: ResponderAction; errors: FieldErrors } {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const parsed =
    action === 'answer'
      ? answerInformationSchema.safeParse({ type: 'answer-information', answer: str('answer') })
      : askReconsiderationSchema.safeParse({ type: 'ask-reconsideration', grounds: values['grounds'], detail: str('detail'), ...(str('lateReason') ? { lateReason: str('lateReason') } : {}) });
  if (parsed.success) return { action: parsed.data, errors: {} };
  return { errors: Object.fromEntries(toFieldErrors(parsed.error).map((error) => [error.path, error.message])) };
}

function AdditionForm({ item, action }: { item: OutboxItem; action: AdditionAction }) {
  const services = useServices();
  const vaultKey = useKey();
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const waiting = reconsiderationFilesKey(item.id);
  const progress = item.caseStatus?.progress;
  const late = action === 'reconsider' && Boolean(progress?.reconsiderUntil) && dayOf(services.clock.now()) > (progress?.reconsiderUntil ?? '');
  const validate = (values: Answers): FieldErrors => {
    const { errors } = actionFrom(action, values);
    if (late && !(typeof values['lateReason'] === 'string' && values['lateReason'].trim())) errors['lateReason'] = 'Say why the request is late';
    return errors;
  };
  const form = useStepForm(validate, {}, () => setFailure(undefined));
  const onSubmit = form.handleSubmit(async (values) => {
    const made = actionFrom(action, values).action;
    if (!made) return;
    try {
      const key = await intakeKeyFor(services.api, services.settings);
      if (!key) {
        setFailure(outboxContent.noIntakeKey);
        return;
      }
      // New evidence goes only with a reconsideration request; files are sealed and sent with it, then wiped.
      const evidence = action === 'reconsider' ? await (await import('../evidence/EvidencePage.tsx')).reconsiderationEvidence(services.db, vaultKey, waiting) : undefined;
      const { sealAddition } = await import('./seal.ts');
      const now = services.clock.now();
      const submission = await sealAddition(key, item.id, made, uuidv7(), now.toISOString(), evidence?.manifest);
      await queueAddition(services.db, item.id, made.type, submission, now, evidence ? { uploads: evidence.uploads, from: waiting } : undefined);
      services.sendSoon();
      navigate(paths.outbox);
    } catch {
      setFailure(text.failed);
    }
  });
  const errors = [
    ...Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message })),
    ...fileErrors.map((message) => ({ href: `#${FILES_ID}`, message })),
    ...(failure ? [{ href: '#submit', message: failure }] : []),
  ];
  const words = action === 'answer' ? text.answer : text.reconsider;
  return (
    <QuestionPage
      back={<BackLink href={paths.outbox} />}
      errors={errors}
      attempt={form.attempts}
      caption={text.caption(item.receipt?.reference ?? '')}
      heading={words.title}
      lead={
        action === 'answer' ? (
          item.caseStatus?.question ? (
            <div class="govuk-inset-text" data-testid="addition-question">
              <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{outboxContent.outbox.asked}</p>
              <p class="govuk-body app-pre-wrap">{item.caseStatus.question}</p>
            </div>
          ) : null
        ) : (
          <p class="govuk-body">
            {late ? outboxContent.outbox.reconsiderLate(inWords(progress?.reconsiderUntil)) : text.reconsider.lead(inWords(progress?.on), inWords(progress?.reconsiderUntil))}
          </p>
        )
      }
      onSubmit={(event) => void onSubmit(event)}
      continueLabel={words.button}
    >
      {action === 'answer' ? (
        <Textarea id="answer" label={text.answer.label} hint={text.answer.hint} error={form.errors['answer']} rows={8} maxLength={REASON_TEXT_MAX} threshold={COUNT_THRESHOLD} field={form.text('answer')} />
      ) : (
        <>
          <ChoiceGroup
            id="grounds"
            kind="radios"
            label={text.reconsider.grounds}
            error={form.errors['grounds']}
            options={(Object.keys(reconsiderationGrounds) as (keyof typeof reconsiderationGrounds)[]).map((ground) => ({
              value: ground,
              ...text.reconsider.groundsOptions[ground],
              field: form.radio('grounds', ground),
            }))}
          />
          <Textarea id="detail" label={text.reconsider.detail} hint={text.reconsider.detailHint} error={form.errors['detail']} rows={8} maxLength={REASON_TEXT_MAX} threshold={COUNT_THRESHOLD} field={form.text('detail')} />
          {late ? <Textarea id="lateReason" label={text.reconsider.lateReason} hint={text.reconsider.lateHint} error={form.errors['lateReason']} rows={4} maxLength={REASON_TEXT_MAX} threshold={COUNT_THRESHOLD} field={form.text('lateReason')} /> : null}
          <Suspense fallback={null}>
            <ReconsiderationFiles id={FILES_ID} waitingUnder={waiting} onErrors={setFileErrors} />
          </Suspense>
        </>
      )}
    </QuestionPage>
  );
}

/** Answering the decision unit, or asking it to reconsider, for one delivered referral. */
/**
 * The pages under an outbox item's address: answering, asking for reconsideration, and deleting an
 * unsent referral or addition (its confirmation page). One lazy chunk for the three keeps the first load's router small.
 */
export function AdditionPage({ id, action }: { id: string; action: string }) {
  if (action === 'delete') return <DeleteFromOutboxPage id={id} />;
  return <AdditionScreen id={id} action={action === 'answer' ? 'answer' : 'reconsider'} />;
}

function AdditionScreen({ id, action }: { id: string; action: AdditionAction }) {
  const { db } = useServices();
  const outbox = useOutbox();
  const found = useLiveQuery(async () => ({ item: (await outbox.get(id)) ?? null, additions: await additionsOf(db, id) }), [outbox, db, id]);
  if (!found) return null;
  const { item, additions } = found;
  if (!item || item.state !== 'delivered' || !offeredAdditions(item.caseStatus, additions).includes(action)) {
    return (
      <>
        <h1 class="govuk-heading-l">{action === 'answer' ? text.answer.title : text.reconsider.title}</h1>
        <p class="govuk-body">{text.nothingToDo}</p>
        <p class="govuk-body">
          <Link href={paths.outbox}>{text.backToOutbox}</Link>
        </p>
      </>
    );
  }
  return <AdditionForm item={item} action={action} />;
}
