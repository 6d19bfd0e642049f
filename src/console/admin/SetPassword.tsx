import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'preact/hooks';
import { useForm, type Resolver } from 'react-hook-form';
import { Button } from '../../govuk/Button.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { Panel } from '../../govuk/Panel.tsx';
import { TextInput } from '../../govuk/TextInput.tsx';
import { setPasswordRequestSchema } from '../../shared/accounts.ts';
import type { ConsoleApi } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { Layout } from '../shell/Layout.tsx';
import { failureMessage } from '../shell/messages.ts';
import { paths } from '../shell/routes.ts';
import { adminContent } from './content.ts';

const text = adminContent.setPassword;
const FIELDS = ['token', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/**
 * The other end of an invitation or a reset: the person chooses their own password with the one-time
 * code an administrator gave them. No session is needed; the code works once.
 */
export function SetPassword({ api }: { api: ConsoleApi }) {
  const [attempt, setAttempt] = useState(0);
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({
    defaultValues: { token: '', password: '' },
    resolver: zodResolver(setPasswordRequestSchema as never) as unknown as Resolver<Values>,
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const values = form.watch();
  const { errors, isSubmitted } = form.formState;
  const set = (name: keyof Values, value: string) => form.setValue(name, value, { shouldValidate: isSubmitted, shouldDirty: true });

  const send = async (request: Values) => {
    if (busy) return;
    setServerError('');
    setBusy(true);
    const result = await api.setPassword({ token: request.token.trim(), password: request.password });
    setBusy(false);
    if (result.ok) return setDone(true);
    // A refused code says nothing about which part was wrong; the password is not kept.
    set('password', '');
    setServerError(result.failure.kind === 'signed-out' ? text.codeRefused : failureMessage(result.failure));
    setAttempt((n) => n + 1);
  };
  const submit = form.handleSubmit(
    (checked) => void send({ ...checked, token: checked.token.trim() }),
    () => setAttempt((n) => n + 1),
  );

  if (done) {
    return (
      <Layout title={text.done}>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <Panel title={text.done} />
            <p class="govuk-body">{text.doneBody}</p>
            <p class="govuk-body">
              <a class="govuk-link" href={paths.home}>
                {text.signIn}
              </a>
            </p>
          </div>
        </div>
      </Layout>
    );
  }

  const errorOf = (name: keyof Values) => {
    const message = errors[name]?.message;
    return message ? String(message) : undefined;
  };
  const summary: SummaryError[] = [
    ...FIELDS.flatMap((name) => {
      const message = errorOf(name);
      return message ? [{ href: `#${name}`, message }] : [];
    }),
    ...(serverError ? [{ href: '#token', message: serverError }] : []),
  ];
  return (
    <Layout title={`${summary.length ? shellContent.errorPrefix : ''}${text.title}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} title={shellContent.errorSummaryTitle} />
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body">{text.lead}</p>
          {/* method="post": should the form ever be sent without this script, the code and password stay out of the URL. */}
          <form method="post" noValidate onSubmit={(event) => void submit(event)}>
            <TextInput
              id="token"
              label={text.code}
              hint={text.codeHint}
              error={errorOf('token')}
              autocomplete="one-time-code"
              spellcheck={false}
              field={{ name: 'token', value: values.token, onInput: (event) => set('token', (event.currentTarget as HTMLInputElement).value.trim()) }}
            />
            <TextInput
              id="password"
              label={text.password}
              hint={text.passwordHint}
              error={errorOf('password')}
              type="password"
              autocomplete="new-password"
              spellcheck={false}
              field={{ name: 'password', value: values.password, onInput: (event) => set('password', (event.currentTarget as HTMLInputElement).value) }}
            />
            <Button type="submit" id="set-password" ariaDisabled={busy}>
              {busy ? text.busy : text.button}
            </Button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
