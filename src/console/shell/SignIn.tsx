import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import { TextInput } from '../../govuk/TextInput.tsx';
import type { ConsoleApi, SignedIn } from './api.ts';
import { content } from './content.ts';
import { Layout } from './Layout.tsx';
import { signInErrors, validateSignIn, type SignInErrors } from './messages.ts';
import { paths } from './routes.ts';

const text = content.signIn;

/** Why the person is back at sign-in, when it was not their first visit. */
export type SignInNotice = 'signed-out' | 'session-ended';

/** Says what just happened to someone whose screen changed under them, so it takes focus and is announced. */
function Notice({ notice }: { notice: SignInNotice }) {
  return notice === 'signed-out' ? (
    <NotificationBanner type="success" title={text.noticeTitle.success} titleId="notice-title" heading={text.signedOut} focusOnShow />
  ) : (
    <NotificationBanner type="important" title={text.noticeTitle.important} titleId="notice-title" heading={text.sessionEnded} focusOnShow>
      <p class="govuk-body">{text.sessionEndedBody}</p>
    </NotificationBanner>
  );
}

/** An input's props for a value held in state. */
const typed = (name: string, value: string, set: (value: string) => void) => ({
  name,
  value,
  onInput: (event: Event) => set((event.currentTarget as HTMLInputElement).value),
});

export function SignIn({ api, notice, onSignedIn }: { api: ConsoleApi; notice: SignInNotice | undefined; onSignedIn: (signedIn: SignedIn) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInErrors>({ summary: [], fields: {} });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const fail = (found: SignInErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = validateSignIn(email, password);
    if (!checked.ok) return fail(checked.errors);
    setBusy(true);
    const result = await api.signIn(checked.request);
    setBusy(false);
    if (result.ok) return onSignedIn(result.value);
    // A refused password is not kept in the page any longer than it must be.
    if (result.failure.kind === 'wrong-details') setPassword('');
    fail(signInErrors(result.failure));
  };

  const hasErrors = errors.summary.length > 0;
  return (
    <Layout title={`${hasErrors ? content.errorPrefix : ''}${text.title}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {notice && !hasErrors ? <Notice notice={notice} /> : null}
          <ErrorSummary errors={errors.summary.map(({ field, message }) => ({ href: `#${field}`, message }))} attempt={attempt} title={content.errorSummaryTitle} />
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body">{text.lead}</p>
          {/* method="post": should the form ever be sent without this script, the password stays out of the URL. */}
          <form method="post" noValidate onSubmit={(event) => void submit(event)}>
            <TextInput id="email" label={text.email} error={errors.fields.email} type="email" autocomplete="username" spellcheck={false} field={typed('email', email, setEmail)} />
            <TextInput
              id="password"
              label={text.password}
              error={errors.fields.password}
              type="password"
              autocomplete="current-password"
              spellcheck={false}
              field={typed('password', password, setPassword)}
            />
            <Button type="submit" ariaDisabled={busy}>
              {busy ? text.busy : text.submit}
            </Button>
          </form>
          <p class="govuk-body">{text.forgotten}</p>
          <p class="govuk-body">
            {text.haveCode}{' '}
            <a class="govuk-link" href={paths.setPassword}>
              {text.setPassword}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
