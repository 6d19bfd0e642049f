import type { FieldDatabase } from '../../store/db.ts';
import { PasskeyFailedError, createPasskeys, type WebAuthnPort } from '../../store/passkey.ts';
import { passkeyContent } from './passkey-content.ts';

/** The browser's own WebAuthn, or undefined where it has none (an old browser, an address that is not secure). */
export function browserWebAuthn(): WebAuthnPort | undefined {
  if (typeof PublicKeyCredential === 'undefined' || !('credentials' in navigator)) return undefined;
  return {
    create: (options) => navigator.credentials.create(options),
    get: (options) => navigator.credentials.get(options),
    platformAuthenticator: () => PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().catch(() => false),
  };
}

/** This device's passkeys, for the settings screen and the unlock screen (both load this module lazily). */
export const devicePasskeys = (db: FieldDatabase) => createPasskeys(db, browserWebAuthn());

/** What the unlock screen shows and does for a passkey: the button's words, and the unlock itself. */
export interface PasskeyUnlocker {
  label: string;
  /** The passphrase field's label below the button. */
  orPassphrase: string;
  /**
   * Asks for the passkey and opens the vault with its key, or says why not (never a wrong passphrase).
   * The screen's own setters are handed in, so that as little of this as possible is in its first load.
   */
  unlock(open: (key: CryptoKey) => Promise<void>, setError: (message: string) => void, setBusy: (busy: boolean) => void): Promise<void>;
}

/**
 * Loaded by the unlock screen only where a passkey is set up. No components here: a lazy chunk with
 * JSX, loaded from the first load's own code, makes the bundler split the first load's chunks (and
 * grow them).
 */
export function passkeyUnlocker(db: FieldDatabase): PasskeyUnlocker {
  const passkeys = devicePasskeys(db);
  return {
    label: passkeyContent.unlock,
    orPassphrase: passkeyContent.orPassphrase,
    async unlock(open, setError, setBusy) {
      setBusy(true);
      try {
        await open(await passkeys.unlock());
      } catch (failure) {
        if (!(failure instanceof PasskeyFailedError)) throw failure;
        setError(failure.reason === 'cancelled' ? passkeyContent.unlockFailed : passkeyContent.unlockNotOpened);
      } finally {
        setBusy(false);
      }
    },
  };
}
