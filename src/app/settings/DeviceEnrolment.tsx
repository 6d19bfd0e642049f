import { useEffect, useState } from 'preact/hooks';
import { resumePaused } from '../../store/outbox.ts';
import { enrolDevice, signIn, signOut } from '../../sync/api-accounts.ts';
import type { ApiFailure } from '../../sync/api-client.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { FormGroup } from '../../govuk/field-parts.tsx';
import { formatDateTime } from '../shell/format.ts';
import { useServices } from '../shell/services.ts';
import { settingsContent } from './content.ts';

const text = settingsContent.settings;

/** What went wrong, in the words of the server's problem where it sent one. */
function enrolError(failure: ApiFailure, again: boolean): string {
  if (failure.kind === 'unreachable') return text.enrolOffline;
  const failed = again ? text.signInAgainFailed : text.enrolFailed;
  if (failure.kind === 'unexpected') return failed(`the server answered ${failure.status} with something this app does not understand`);
  return failed(failure.problem?.title ?? `the server answered ${failure.status}`);
}

/** Enrol once, online, signed in: the server learns this device's public key; no secret is kept here. `onEnrolled`: after a first enrolment. */
export function DeviceEnrolment({ onEnrolled }: { onEnrolled?: () => void } = {}) {
  const { identity, api, db, clock, sync } = useServices();
  const [enrolledAt, setEnrolledAt] = useState<string | undefined>();
  const [paused, setPaused] = useState(0);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [signedInAgain, setSignedInAgain] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void identity.enrolment().then((found) => setEnrolledAt(found?.enrolledAt));
    void db.outbox.where('state').equals('paused').count().then(setPaused);
  }, [identity, db]);

  /**
   * Signs in and tells the server this device's key. For an enrolled device this is "signing in again on
   * it": the server lifts the hold it put on the device after a password reset or a disabled account
   * (its name stays as it was), and what was paused is sent.
   */
  const enrol = async (event: Event, again: boolean) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    setSignedInAgain(false);
    try {
      const session = await signIn(api, { email, password });
      // Signed in is what counts (the cookie is set); what the answer says about the account is not needed here.
      if (!session.ok && session.failure.kind !== 'unexpected') return setError(enrolError(session.failure, again));
      const answer = await enrolDevice(api, { publicKey: await identity.publicKey(), label: again ? text.signInAgainLabel : label });
      if (!answer.ok) return setError(enrolError(answer.failure, again));
      const enrolled = answer.value;
      await identity.recordEnrolment(enrolled.deviceId, enrolled.enrolledAt);
      // The signed-in session is not needed any more: from now on the device signs its requests.
      await signOut(api);
      setPassword('');
      setEnrolledAt(enrolled.enrolledAt);
      // What waited for an enrolled device (a first enrolment, or signing in again on it) is sent now.
      if (again) setSignedInAgain(true);
      else onEnrolled?.();
      setPaused(0);
      await resumePaused(db, clock.now());
      void sync.drain({ now: true });
    } catch {
      setError(text.enrolOffline);
    } finally {
      setBusy(false);
    }
  };

  const fields = (again: boolean) => (
    <>
      <ErrorSummary errors={error ? [{ href: '#enrol-email', message: error }] : []} />
      <FormGroup id="enrol-email" label={text.email}>
        <input id="enrol-email" class="govuk-input" type="email" autocomplete="username" spellcheck={false} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </FormGroup>
      <FormGroup id="enrol-password" label={text.password}>
        <input id="enrol-password" class="govuk-input" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </FormGroup>
      {again ? null : (
        <FormGroup id="enrol-label" label={text.deviceLabel} hint={text.deviceLabelHint}>
          <input id="enrol-label" class="govuk-input" type="text" autocomplete="off" aria-describedby="enrol-label-hint" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </FormGroup>
      )}
      <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
        {busy ? text.enrolling : again ? text.signInAgain : text.enrol}
      </button>
    </>
  );

  if (enrolledAt) {
    return (
      <>
        <h2 class="govuk-heading-m">{text.deviceHeading}</h2>
        <p class="govuk-body" data-testid="enrolment">
          {text.enrolled(formatDateTime(enrolledAt))}
        </p>
        {signedInAgain ? (
          <p class="govuk-body" role="status" data-testid="signed-in-again">
            {text.signedInAgain}
          </p>
        ) : null}
        <details class="govuk-details" open={paused > 0 || Boolean(error)}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{text.signInAgainHeading}</span>
          </summary>
          <div class="govuk-details__text">
            <p class="govuk-body">{text.signInAgainBody}</p>
            <form noValidate onSubmit={(event) => void enrol(event, true)}>
              {fields(true)}
            </form>
          </div>
        </details>
      </>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void enrol(event, false)}>
      <h2 class="govuk-heading-m">{text.deviceHeading}</h2>
      <p class="govuk-body" data-testid="enrolment">
        {text.notEnrolled}
      </p>
      {fields(false)}
    </form>
  );
}
