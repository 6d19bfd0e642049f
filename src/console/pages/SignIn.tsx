import { useState } from 'preact/hooks';
import type { ConsoleApi, SignedIn } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Layout } from '../components/Layout.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { TextField } from '../components/TextField.tsx';
import { content } from '../content.ts';
import { signInErrors, validateSignIn, type SignInErrors } from '../messages.ts';

const text = content.signIn;

/** Why the person is back at sign-in, when it was not their first visit. */
export type SignInNotice = 'signed-out' | 'session-ended';

function Notice({ notice }: { notice: SignInNotice }) {
  return notice === 'signed-out' ? (
    <NotificationBanner type="success" heading={text.signedOut} />
  ) : (
    <NotificationBanner type="important" heading={text.sessionEnded}>
      <p class="govuk-body">{text.sessionEndedBody}</p>
    </NotificationBanner>
  );
}

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
          <ErrorSummary errors={errors.summary} attempt={attempt} />
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body">{text.lead}</p>
          {/* method="post": should the form ever be sent without this script, the password stays out of the URL. */}
          <form method="post" noValidate onSubmit={(event) => void submit(event)}>
            <TextField
              id="email"
              label={text.email}
              error={errors.fields.email}
              type="email"
              autocomplete="username"
              value={email}
              onValue={setEmail}
            />
            <TextField
              id="password"
              label={text.password}
              error={errors.fields.password}
              type="password"
              autocomplete="current-password"
              value={password}
              onValue={setPassword}
            />
            <button type="submit" class="govuk-button" data-module="govuk-button" aria-disabled={busy}>
              {busy ? text.busy : text.submit}
            </button>
          </form>
          <p class="govuk-body">{text.forgotten}</p>
        </div>
      </div>
    </Layout>
  );
}
