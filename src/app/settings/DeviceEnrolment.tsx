import { useEffect, useState } from 'preact/hooks';
import { enrolDevice, signIn, signOut } from '../../sync/api-accounts.ts';
import type { ApiFailure } from '../../sync/api-client.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { FormGroup } from '../../govuk/field-parts.tsx';
import { formatDateTime } from '../shell/format.ts';
import { useServices } from '../shell/services.ts';
import { settingsContent } from './content.ts';

const text = settingsContent.settings;

/** What went wrong, in the words of the server's problem where it sent one. */
function enrolError(failure: ApiFailure): string {
  if (failure.kind === 'unreachable') return text.enrolOffline;
  if (failure.kind === 'unexpected') return text.enrolFailed(`the server answered ${failure.status} with something this app does not understand`);
  return text.enrolFailed(failure.problem?.title ?? `the server answered ${failure.status}`);
}

/** Enrol once, online, signed in: the server learns this device's public key; no secret is kept here. */
export function DeviceEnrolment() {
  const { identity, api } = useServices();
  const [enrolledAt, setEnrolledAt] = useState<string | undefined>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void identity.enrolment().then((found) => setEnrolledAt(found?.enrolledAt));
  }, [identity]);

  const enrol = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const session = await signIn(api, { email, password });
      // Signed in is what counts (the cookie is set); what the answer says about the account is not needed here.
      if (!session.ok && session.failure.kind !== 'unexpected') return setError(enrolError(session.failure));
      const answer = await enrolDevice(api, { publicKey: await identity.publicKey(), label });
      if (!answer.ok) return setError(enrolError(answer.failure));
      const enrolled = answer.value;
      await identity.recordEnrolment(enrolled.deviceId, enrolled.enrolledAt);
      // The signed-in session is not needed any more: from now on the device signs its requests.
      await signOut(api);
      setPassword('');
      setEnrolledAt(enrolled.enrolledAt);
    } catch {
      setError(text.enrolOffline);
    } finally {
      setBusy(false);
    }
  };

  if (enrolledAt) {
    return (
      <>
        <h2 class="govuk-heading-m">{text.deviceHeading}</h2>
        <p class="govuk-body" data-testid="enrolment">
          {text.enrolled(formatDateTime(enrolledAt))}
        </p>
      </>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void enrol(event)}>
      <h2 class="govuk-heading-m">{text.deviceHeading}</h2>
      <ErrorSummary errors={error ? [{ href: '#enrol-email', message: error }] : []} />
      <p class="govuk-body" data-testid="enrolment">
        {text.notEnrolled}
      </p>
      <FormGroup id="enrol-email" label={text.email}>
        <input id="enrol-email" class="govuk-input" type="email" autocomplete="username" spellcheck={false} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </FormGroup>
      <FormGroup id="enrol-password" label={text.password}>
        <input id="enrol-password" class="govuk-input" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </FormGroup>
      <FormGroup id="enrol-label" label={text.deviceLabel} hint={text.deviceLabelHint}>
        <input id="enrol-label" class="govuk-input" type="text" autocomplete="off" aria-describedby="enrol-label-hint" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </FormGroup>
      <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
        {busy ? text.enrolling : text.enrol}
      </button>
    </form>
  );
}
