import { useEffect, useMemo, useState } from 'preact/hooks';
import { PasskeyFailedError, PasskeyUnsupportedError, type PasskeyUnsupported } from '../../store/passkey.ts';
import { devicePasskeys } from '../vault/device-passkeys.ts';
import { WrongPassphraseError } from '../../store/vault.ts';
import { extractableDataKey } from '../../store/vault-rewrap.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { formatDateTime } from '../shell/format.ts';
import { useServices } from '../shell/services.ts';
import { FormGroup, describedBy } from '../../govuk/field-parts.tsx';
import { passkeyContent as text } from '../vault/passkey-content.ts';

type State = { kind: 'loading' } | { kind: 'unsupported'; reason: PasskeyUnsupported } | { kind: 'off' } | { kind: 'on'; createdAt: string };

/** Settings → Unlock with fingerprint or face: a platform passkey (WebAuthn PRF) as a second way in. */
export function PasskeySetting() {
  const { db, clock } = useServices();
  const passkeys = useMemo(() => devicePasskeys(db), [db]);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  // A refused passkey is not the passphrase's fault: its message points at the button, not the field.
  const [cancelled, setCancelled] = useState(false);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const registered = await passkeys.registered();
      // One already set up can be turned off even where the browser no longer offers passkeys.
      if (registered) return setState({ kind: 'on', createdAt: registered.createdAt });
      const support = await passkeys.support();
      setState(support.supported ? { kind: 'off' } : { kind: 'unsupported', reason: support.reason });
    })();
  }, [passkeys]);

  const setUp = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (!passphrase) {
      setCancelled(false);
      return setError(text.passphraseMissing);
    }
    setBusy(true);
    setError('');
    setCancelled(false);
    try {
      await passkeys.register(await extractableDataKey(db, passphrase), clock.now());
      setPassphrase('');
      setNotice(text.added);
      setState({ kind: 'on', createdAt: clock.now().toISOString() });
    } catch (failure) {
      if (failure instanceof WrongPassphraseError) setError(text.wrongPassphrase);
      else if (failure instanceof PasskeyFailedError) {
        setError(text.setUpCancelled);
        setCancelled(true);
      } else if (failure instanceof PasskeyUnsupportedError) {
        setPassphrase('');
        setState({ kind: 'unsupported', reason: failure.reason });
      } else throw failure;
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    await passkeys.remove();
    setNotice(text.removed);
    const support = await passkeys.support();
    setState(support.supported ? { kind: 'off' } : { kind: 'unsupported', reason: support.reason });
  };

  if (state.kind === 'loading') return null;
  const fieldError = cancelled ? undefined : error || undefined;
  return (
    <section aria-labelledby="passkey-heading" data-testid="passkey-setting">
      <h2 id="passkey-heading" class="govuk-heading-m">
        {text.heading}
      </h2>
      {notice ? (
        <p class="govuk-body govuk-!-font-weight-bold" role="status">
          {notice}
        </p>
      ) : null}
      {state.kind === 'unsupported' ? <p class="govuk-body">{text.unsupported[state.reason]}</p> : null}
      {state.kind === 'on' ? (
        <>
          <p class="govuk-body">{text.on(formatDateTime(state.createdAt))}</p>
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void remove()}>
            {text.remove}
          </button>
        </>
      ) : null}
      {state.kind === 'off' ? (
        <form noValidate onSubmit={(event) => void setUp(event)}>
          <ErrorSummary errors={error ? [{ href: cancelled ? '#passkey-set-up' : '#passkey-passphrase', message: error }] : []} />
          <p class="govuk-body">{text.lead}</p>
          <p class="govuk-body">{text.how}</p>
          {/* Not the vault's PassphraseInput: importing it here would move it out of the first load's chunks. */}
          <FormGroup id="passkey-passphrase" label={text.passphrase} hint={text.passphraseHint} error={fieldError}>
            <input
              id="passkey-passphrase"
              type="password"
              class={`govuk-input govuk-!-width-two-thirds${fieldError ? ' govuk-input--error' : ''}`}
              autocomplete="current-password"
              spellcheck={false}
              aria-describedby={describedBy('passkey-passphrase', text.passphraseHint, fieldError)}
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          </FormGroup>
          <button id="passkey-set-up" type="submit" class="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
            {busy ? text.waiting : text.setUp}
          </button>
        </form>
      ) : null}
    </section>
  );
}
