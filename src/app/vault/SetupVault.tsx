import { useState } from 'preact/hooks';
import { encryptLegacyRecords } from '../../store/legacy.ts';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from './passphrase-strength.ts';
import { useServices } from '../shell/services.ts';
import { PassphraseInput } from './PassphraseInput.tsx';
import { askToPersist } from './ask-to-persist.ts';
import { vaultContent } from './content.ts';
import { setupContent } from './setup-content.ts';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import { devicePolicy } from '../../sync/api-public.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import { navigate, paths } from '../shell/routes.ts';

const text = setupContent;
/** How long the first run waits to learn whether the device must be signed in; without an answer it carries on. */
const POLICY_WAIT_MS = 5_000;

/** Whether the server says this device must be enrolled before it can send: false offline or without an answer in time. */
async function mustEnrol(api: ApiClient): Promise<boolean> {
  const answer = devicePolicy(api).then((result) => result.ok && result.value.enrolment === 'required', () => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), POLICY_WAIT_MS));
  return Promise.race([answer, timeout]);
}

/** The first screen on a new device (loaded only then): the passphrase first, what it protects on request. */
export function SetupVault() {
  const { vault, session, clock, db, api, identity } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const strength = passphrase ? passphraseStrength(passphrase) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: SummaryError[] = [];
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) problems.push({ href: '#passphrase', message: text.tooShort(MIN_PASSPHRASE_LENGTH) });
    else if (passphrase !== again) problems.push({ href: '#passphrase-again', message: text.mismatch });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const key = await vault.create(passphrase, clock.now());
    await encryptLegacyRecords(db, key);
    void askToPersist();
    const signInNext = (await mustEnrol(api)) && !(await identity.enrolment());
    session.unlock(key);
    if (signInNext) navigate(paths.firstRun);
  };
  const errorFor = (href: string) => errors.find((error) => error.href === href)?.message;

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {new URLSearchParams(location.search).get('wiped') === 'revoked' ? (
          <NotificationBanner title={text.wipedTitle} titleId="wiped-title">
            <p class="govuk-body">{text.revokedBody}</p>
          </NotificationBanner>
        ) : null}
        <h1 class="govuk-heading-l">{text.setupTitle}</h1>
        <p class="govuk-body">{text.setupLead}</p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <PassphraseInput id="passphrase" label={vaultContent.vault.passphrase} hint={text.passphraseHint(MIN_PASSPHRASE_LENGTH)} error={errorFor('#passphrase')} value={passphrase} onInput={setPassphrase} autocomplete="new-password" />
          {strength ? (
            <p class="govuk-body-s" aria-live="polite" data-testid="strength">
              {text.strength[strength]}
            </p>
          ) : null}
          <PassphraseInput id="passphrase-again" label={text.confirm} error={errorFor('#passphrase-again')} value={again} onInput={setAgain} autocomplete="new-password" />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? vaultContent.vault.working : text.setupAction}
          </button>
        </form>
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{text.protectsTitle}</span>
          </summary>
          <div class="govuk-details__text">{text.protects}</div>
        </details>
      </div>
    </div>
  );
}
