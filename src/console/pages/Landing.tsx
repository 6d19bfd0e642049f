import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleApi, SignedIn } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Layout } from '../components/Layout.tsx';
import { content } from '../content.ts';
import { formatDateTime } from '../format.ts';
import { failureMessage } from '../messages.ts';
import { ReferralFigures } from './ReferralFigures.tsx';

const text = content.landing;

function SummaryRow({ name, value }: { name: string; value: string }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{name}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
    </div>
  );
}

/** Who is signed in, what their role may do here, and the way out. */
export function Landing({ api, signedIn, onSignedOut, onSessionEnded }: { api: ConsoleApi; signedIn: SignedIn; onSignedOut: () => void; onSessionEnded: () => void }) {
  const { user, idleExpiresAt, expiresAt } = signedIn.session;
  const role = content.roles[user.role];
  const [signOutError, setSignOutError] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The screen changed without a page load: start reading from its heading.
  useEffect(() => heading.current?.focus(), []);

  const signOut = async () => {
    setBusy(true);
    const result = await api.signOut();
    setBusy(false);
    if (result.ok) return onSignedOut();
    setSignOutError(text.signOutFailed(failureMessage(result.failure)));
    setAttempt((n) => n + 1);
  };

  const actions = (
    <button type="button" id="sign-out" class="console-header__action" onClick={() => void signOut()} aria-disabled={busy}>
      {busy ? text.signingOut : text.signOut}
    </button>
  );

  return (
    <Layout title={`${signOutError ? content.errorPrefix : ''}${text.title}`} actions={actions}>
      <ErrorSummary errors={signOutError ? [{ field: 'sign-out', message: signOutError }] : []} attempt={attempt} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} id="landing-heading">
        {text.title}
      </h1>
      <dl class="govuk-summary-list" data-testid="signed-in-as">
        <SummaryRow name={text.email} value={user.email} />
        <SummaryRow name={text.role} value={role.name} />
        <SummaryRow name={text.organisation} value={user.organisation.name} />
        <SummaryRow name={text.sessionEnds} value={text.sessionEndsValue(formatDateTime(idleExpiresAt), formatDateTime(expiresAt))} />
      </dl>
      <h2 class="govuk-heading-m">{text.canDo}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {role.can.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {user.role === 'analyst' ? <ReferralFigures api={api} onSessionEnded={onSessionEnded} /> : null}
      {role.next ? <p class="govuk-inset-text">{role.next}</p> : null}
      {user.role === 'responder' ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/">
            {content.fieldAppLink}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
