import { useEffect, useState } from 'preact/hooks';
import { AttemptsExhaustedError, TooSoonError, WrongPassphraseError } from '../../store/vault.ts';
import { encryptLegacyRecords } from '../../store/legacy.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { useServices } from '../shell/services.ts';
import { PassphraseInput } from './PassphraseInput.tsx';
import { askToPersist } from './ask-to-persist.ts';
import { vaultContent } from './content.ts';
import { content } from '../shell/content.ts';
import type { PasskeyUnlocker } from './device-passkeys.ts';

const text = vaultContent.vault;

export function Unlock() {
  const { vault, session, clock, db, wipe } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [warning, setWarning] = useState('');
  const [passkey, setPasskey] = useState<PasskeyUnlocker>();

  useEffect(() => {
    void vault.status().then(({ attemptsLeft }) => {
      if (attemptsLeft <= 3) setWarning(text.lastTries(attemptsLeft));
    });
    // Only on a device with a passkey set up: everyone else's first load stays without its code.
    void db.vault.get('device').then(async (record) => record?.passkey && setPasskey((await import('./device-passkeys.ts')).passkeyUnlocker(db)));
  }, [vault, db]);

  const open = async (key: CryptoKey) => {
    await encryptLegacyRecords(db, key);
    void askToPersist();
    session.unlock(key);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await open(await vault.unlock(passphrase, clock.now()));
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
        {passkey ? (
          <button type="button" class="govuk-button" disabled={busy} onClick={() => void passkey.unlock(open, setError, setBusy)}>
            {passkey.label}
          </button>
        ) : null}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <PassphraseInput id="unlock-passphrase" label={passkey?.orPassphrase ?? text.passphrase} error={error || undefined} value={passphrase} onInput={setPassphrase} autocomplete="current-password" />
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
              {content.wipeAction}
            </a>
          </div>
        </details>
      </div>
    </div>
  );
}
