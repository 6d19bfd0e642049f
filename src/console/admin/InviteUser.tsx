import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'preact/hooks';
import { useForm, type Resolver } from 'react-hook-form';
import { BackLink } from '../../govuk/BackLink.tsx';
import { Button } from '../../govuk/Button.tsx';
import { ChoiceGroup } from '../../govuk/Choices.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { Select } from '../../govuk/Select.tsx';
import { TextInput } from '../../govuk/TextInput.tsx';
import { roles } from '../../shared/accounts.ts';
import { inviteRequestSchema, type CodeResponse, type UsersResponse } from '../../shared/admin/protocol.ts';
import type { ConsoleApi } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { failureMessage } from '../shell/messages.ts';
import { ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { roleName } from './admin-words.ts';
import { adminContent } from './content.ts';
import { OneTimeCode } from './OneTimeCode.tsx';

const text = adminContent.invite;
const FIELDS = ['email', 'role', 'organisation'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

/** The form, once the organisations to choose from are known; checked with the schema the server applies. */
function InviteForm({ api, organisations, onSessionEnded }: { api: ConsoleApi; organisations: UsersResponse['organisations']; onSessionEnded: () => void }) {
  const heading = useHeadingFocus();
  const [attempt, setAttempt] = useState(0);
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CodeResponse>();
  const form = useForm<Values>({
    defaultValues: { email: '', role: '', organisation: '' },
    // zod mini's schema through the resolver, as the casework forms use it (ActionForm.tsx).
    resolver: zodResolver(inviteRequestSchema as never) as unknown as Resolver<Values>,
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const values = form.watch();
  const { errors, isSubmitted } = form.formState;
  const set = (name: Field, value: string) => form.setValue(name, value, { shouldValidate: isSubmitted, shouldDirty: true });

  if (done) return <OneTimeCode answer={done} kind="invited" />;

  const send = async (request: Values) => {
    if (busy) return;
    setServerError('');
    setBusy(true);
    const result = await api.admin.invite({ email: request.email.trim(), role: request.role as (typeof roles)[number], organisation: request.organisation });
    setBusy(false);
    if (result.ok) return setDone(result.value);
    const failure = result.failure;
    if (failure.kind === 'signed-out') return onSessionEnded();
    if (failure.kind === 'invalid') {
      for (const error of failure.errors) {
        const field = FIELDS.find((name) => name === error.path);
        if (field) form.setError(field, { type: 'server', message: error.message });
        else setServerError(error.message);
      }
    } else setServerError(failureMessage(failure));
    setAttempt((n) => n + 1);
  };
  const submit = form.handleSubmit(
    (checked) => void send(checked),
    () => setAttempt((n) => n + 1),
  );
  const errorOf = (name: Field) => {
    const message = errors[name]?.message;
    return message ? String(message) : undefined;
  };
  const summary: SummaryError[] = [
    ...FIELDS.flatMap((name) => {
      const message = errorOf(name);
      return message ? [{ href: `#${name}`, message }] : [];
    }),
    ...(serverError ? [{ href: '#email', message: serverError }] : []),
  ];

  return (
    <DeskLayout title={`${summary.length ? shellContent.errorPrefix : ''}${text.title}`}>
      <BackLink href={paths.adminUsers()} text={text.back} onClick={followInConsole(paths.adminUsers())} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds-from-desktop">
          <ErrorSummary errors={summary} attempt={attempt} title={shellContent.errorSummaryTitle} />
          <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
            {text.title}
          </h1>
          <p class="govuk-body">{text.lead}</p>
          <form id="invite-form" method="post" noValidate onSubmit={(event) => void submit(event)}>
            <TextInput
              id="email"
              label={text.email}
              hint={text.emailHint}
              error={errorOf('email')}
              type="email"
              autocomplete="off"
              spellcheck={false}
              field={{ name: 'email', value: values.email, onInput: (event) => set('email', (event.currentTarget as HTMLInputElement).value) }}
            />
            <ChoiceGroup
              id="role"
              kind="radios"
              label={text.role}
              error={errorOf('role')}
              options={roles.map((role) => ({
                value: role,
                label: roleName(role),
                hint: shellContent.roles[role].can[0],
                field: { name: 'role', value: role, checked: values.role === role, onChange: () => set('role', role) },
              }))}
            />
            <Select
              id="organisation"
              label={text.organisation}
              error={errorOf('organisation')}
              options={[{ value: '', text: text.chooseOrganisation }, ...organisations.map((organisation) => ({ value: organisation.id, text: organisation.name }))]}
              field={{ name: 'organisation', value: values.organisation, onChange: (value) => set('organisation', value) }}
            />
            <div class="govuk-button-group">
              <Button type="submit" id="invite" ariaDisabled={busy}>
                {busy ? text.busy : text.button}
              </Button>
              <ConsoleLink href={paths.adminUsers()}>{adminContent.user.cancel}</ConsoleLink>
            </div>
          </form>
        </div>
      </div>
    </DeskLayout>
  );
}

/** Invite a person: an account with no password, and a one-time code for them, shown once. */
export function InviteUser({ api, onSessionEnded }: { api: ConsoleApi; onSessionEnded: () => void }) {
  const { state, reload } = useLoad(() => api.admin.users({}), 'organisations', onSessionEnded);
  const heading = useHeadingFocus();
  if (state.kind === 'loaded' && state.value.organisations.length > 0) return <InviteForm api={api} organisations={state.value.organisations} onSessionEnded={onSessionEnded} />;
  return (
    <DeskLayout title={text.title}>
      <BackLink href={paths.adminUsers()} text={text.back} onClick={followInConsole(paths.adminUsers())} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
      {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={text.failed} retry={adminContent.retry} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' ? <p class="govuk-body">{text.noOrganisations}</p> : null}
    </DeskLayout>
  );
}
