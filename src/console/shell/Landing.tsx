import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { HeaderButton } from '../../govuk/Header.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { ReferralFigures } from '../figures/ReferralFigures.tsx';
import type { ConsoleApi, SignedIn } from './api.ts';
import { content } from './content.ts';
import { formatDateTime } from './format.ts';
import { Layout } from './Layout.tsx';
import { failureMessage } from './messages.ts';

const text = content.landing;

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
    <HeaderButton id="sign-out" onClick={() => void signOut()} ariaDisabled={busy}>
      {busy ? text.signingOut : text.signOut}
    </HeaderButton>
  );

  return (
    <Layout title={`${signOutError ? content.errorPrefix : ''}${text.title}`} actions={actions}>
      <ErrorSummary errors={signOutError ? [{ href: '#sign-out', message: signOutError }] : []} attempt={attempt} title={content.errorSummaryTitle} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} id="landing-heading">
        {text.title}
      </h1>
      <SummaryList
        data-testid="signed-in-as"
        rows={[
          { key: text.email, value: user.email },
          { key: text.role, value: role.name },
          { key: text.organisation, value: user.organisation.name },
          { key: text.sessionEnds, value: text.sessionEndsValue(formatDateTime(idleExpiresAt), formatDateTime(expiresAt)) },
        ]}
      />
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
