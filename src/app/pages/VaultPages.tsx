import { useEffect, useState } from 'preact/hooks';
import { AttemptsExhaustedError, TooSoonError, WrongPassphraseError } from '../../store/vault.ts';
import { encryptLegacyRecords } from '../../store/legacy.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { FormGroup, describedBy } from '../components/fields.tsx';
import { content } from '../content.ts';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../passphrase-strength.ts';
import { useServices } from '../services.ts';

const text = content.vault;

function PassphraseInput({ id, label, hint, error, value, onInput, autocomplete }: { id: string; label: string; hint?: string; error?: string; value: string; onInput: (value: string) => void; autocomplete: string }) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="password"
        class={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
        autocomplete={autocomplete}
        spellcheck={false}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </FormGroup>
  );
}

/** Asks the browser to keep this app's storage; harmless where it says no. */
async function askToPersist(): Promise<void> {
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Not supported: the settings page explains the risk.
  }
}

export function SetupVault() {
  const { vault, session, clock, db } = useServices();
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
    session.unlock(key);
  };
  const errorFor = (href: string) => errors.find((error) => error.href === href)?.message;

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {new URLSearchParams(location.search).get('wiped') === 'revoked' ? (
          <div class="govuk-notification-banner" role="region" aria-labelledby="wiped-title">
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="wiped-title">
                {text.wipedTitle}
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-body">{text.revokedBody}</p>
            </div>
          </div>
        ) : null}
        <h1 class="govuk-heading-l">{text.setupTitle}</h1>
        <p class="govuk-body">{text.setupLead}</p>
        <div class="govuk-inset-text">{text.protects}</div>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <PassphraseInput id="passphrase" label={text.passphrase} hint={text.passphraseHint(MIN_PASSPHRASE_LENGTH)} error={errorFor('#passphrase')} value={passphrase} onInput={setPassphrase} autocomplete="new-password" />
          {strength ? (
            <p class="govuk-body-s" aria-live="polite" data-testid="strength">
              {text.strength[strength]}
            </p>
          ) : null}
          <PassphraseInput id="passphrase-again" label={text.confirm} error={errorFor('#passphrase-again')} value={again} onInput={setAgain} autocomplete="new-password" />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? text.working : text.setupAction}
          </button>
        </form>
      </div>
    </div>
  );
}

export function Unlock() {
  const { vault, session, clock, db, wipe } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [warning, setWarning] = useState('');

  useEffect(() => {
    void vault.status().then(({ attemptsLeft }) => {
      if (attemptsLeft <= 3) setWarning(text.lastTries(attemptsLeft));
    });
  }, [vault]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const key = await vault.unlock(passphrase, clock.now());
      await encryptLegacyRecords(db, key);
      void askToPersist();
      session.unlock(key);
    } catch (failure) {
      const seconds = (retryAt: number) => Math.max(1, Math.ceil((retryAt - clock.now().getTime()) / 1000));
      if (failure instanceof AttemptsExhaustedError) {
        await wipe();
        return;
      }
      if (failure instanceof TooSoonError) setError(text.wait(seconds(failure.retryAt)));
      else if (failure instanceof WrongPassphraseError) {
        setError(failure.retryAt > clock.now().getTime() ? `${text.wrong(failure.attemptsLeft)} ${text.wait(seconds(failure.retryAt))}` : text.wrong(failure.attemptsLeft));
        if (failure.attemptsLeft <= 3) setWarning(text.lastTries(failure.attemptsLeft));
      } else throw failure;
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ href: '#unlock-passphrase', message: error }] : []} />
        <h1 class="govuk-heading-l">{text.unlockTitle}</h1>
        {warning ? (
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">{warning}</strong>
          </div>
        ) : null}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <PassphraseInput id="unlock-passphrase" label={text.passphrase} error={error || undefined} value={passphrase} onInput={setPassphrase} autocomplete="current-password" />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? text.working : text.unlockAction}
          </button>
        </form>
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{text.forgotten}</span>
          </summary>
          <div class="govuk-details__text">
            <p class="govuk-body">{text.forgottenBody}</p>
            <a class="govuk-link" href="/settings/wipe">
              {content.settings.wipeAction}
            </a>
          </div>
        </details>
      </div>
    </div>
  );
}

/** What quick hide shows: nothing that says what this app is. */
export function NeutralScreen() {
  const { session } = useServices();
  useEffect(() => {
    const title = document.title;
    document.title = content.neutral.title;
    return () => {
      document.title = title;
    };
  }, []);
  return (
    <main class="govuk-width-container app-neutral" id="main-content">
      <h1 class="govuk-heading-l govuk-!-margin-top-6">{content.neutral.title}</h1>
      <p class="govuk-body">{content.neutral.body}</p>
      <button type="button" class="app-link-button app-link-button--quiet" onClick={() => session.reveal()}>
        {content.neutral.back}
      </button>
    </main>
  );
}
