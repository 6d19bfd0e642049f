import type { FieldDatabase, PasskeyWrapping } from './db.ts';

type Bytes = Uint8Array<ArrayBuffer> | ArrayBuffer;
type PrfInputs = { prf: { eval: { first: Bytes } } };

/** What this app asks `navigator.credentials.create` for (a subset of the DOM's own options). */
export interface PasskeyCreationOptions {
  publicKey: {
    rp: { name: string };
    user: { id: Bytes; name: string; displayName: string };
    challenge: Bytes;
    pubKeyCredParams: { type: 'public-key'; alg: number }[];
    authenticatorSelection: { authenticatorAttachment: 'platform'; residentKey: 'preferred'; userVerification: 'required' };
    attestation: 'none';
    timeout: number;
    extensions: PrfInputs;
  };
}

/** What this app asks `navigator.credentials.get` for. */
export interface PasskeyRequestOptions {
  publicKey: {
    challenge: Bytes;
    allowCredentials: { type: 'public-key'; id: Bytes; transports: 'internal'[] }[];
    userVerification: 'required';
    timeout: number;
    extensions: PrfInputs;
  };
}

/**
 * What this module needs of the browser's WebAuthn: `navigator.credentials` and the platform
 * authenticator check (src/app/vault/device-passkeys.ts). Injected, so the wrapping can be tested
 * with a fake authenticator, and typed here without the DOM's types (the store also builds for the
 * service worker, which has none).
 */
export interface WebAuthnPort {
  create(options: PasskeyCreationOptions): Promise<unknown>;
  get(options: PasskeyRequestOptions): Promise<unknown>;
  /** A fingerprint or face reader (or the phone's screen lock) built into this device. */
  platformAuthenticator(): Promise<boolean>;
}

/** The part of a PublicKeyCredential's extension results this app reads. */
export interface PasskeyExtensionResults {
  prf?: { enabled?: boolean; results?: { first?: BufferSource } };
}

/** Why a passkey cannot unlock this device; the settings screen explains each. */
export type PasskeyUnsupported = 'no-webauthn' | 'no-platform' | 'no-prf';

export class PasskeyUnsupportedError extends Error {
  constructor(readonly reason: PasskeyUnsupported) {
    super('This device cannot unlock with a passkey');
  }
}

/**
 * The passkey did not give the key: cancelled, timed out, not recognised, deleted from the phone, or
 * its answer does not open the stored key. Never counted as a wrong passphrase.
 */
export class PasskeyFailedError extends Error {
  constructor(readonly reason: 'cancelled' | 'not-opened', options?: ErrorOptions) {
    super('The passkey did not unlock this device', options);
  }
}

const HKDF_INFO = new TextEncoder().encode('nrm-field vault passkey wrapping key v1');
const TIMEOUT_MS = 120_000;

/** The PRF output is already uniformly random; HKDF binds it to this one use. */
async function wrappingKey(prfOutput: BufferSource): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: HKDF_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

interface PublicKeyCredentialLike {
  rawId: ArrayBuffer;
  getClientExtensionResults(): PasskeyExtensionResults;
}

function asCredential(value: unknown): PublicKeyCredentialLike {
  const credential = value as Partial<PublicKeyCredentialLike> | null;
  if (!credential || !(credential.rawId instanceof ArrayBuffer) || typeof credential.getClientExtensionResults !== 'function') {
    throw new PasskeyFailedError('cancelled');
  }
  return credential as PublicKeyCredentialLike;
}

function prfOf(credential: PublicKeyCredentialLike): { enabled?: boolean; first?: BufferSource } {
  const prf = credential.getClientExtensionResults().prf;
  return { enabled: prf?.enabled, first: prf?.results?.first };
}

/**
 * The browser says no with a DOMException: cancelled, timed out or no matching passkey (NotAllowedError
 * and the rest), this address not allowed a passkey (SecurityError: an IP address, say), or no
 * authenticator that can (NotSupportedError). Anything else is a fault.
 */
async function asking<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (failure) {
    if (!(failure instanceof DOMException)) throw failure;
    if (failure.name === 'SecurityError') throw new PasskeyUnsupportedError('no-webauthn');
    if (failure.name === 'NotSupportedError') throw new PasskeyUnsupportedError('no-platform');
    throw new PasskeyFailedError('cancelled', { cause: failure });
  }
}

const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

/**
 * A platform passkey as a second way to unlock the vault: its PRF output (WebAuthn's `prf` extension,
 * the authenticator's hmac-secret) for a stored random salt gives, through HKDF, a key that wraps the
 * same data key the passphrase wraps. Nothing is sent anywhere: the passkey is used on this device only.
 */
export function createPasskeys(db: FieldDatabase, webAuthn: WebAuthnPort | undefined) {
  const stored = async (): Promise<PasskeyWrapping | undefined> => (await db.vault.get('device'))?.passkey;

  const evaluate = async (credentialId: ArrayBuffer, prfSalt: Uint8Array<ArrayBuffer>): Promise<BufferSource | undefined> => {
    if (!webAuthn) throw new PasskeyUnsupportedError('no-webauthn');
    const credential = asCredential(
      await asking(() =>
        webAuthn.get({
          publicKey: {
            challenge: random(32),
            allowCredentials: [{ type: 'public-key', id: credentialId, transports: ['internal'] }],
            userVerification: 'required',
            timeout: TIMEOUT_MS,
            extensions: { prf: { eval: { first: prfSalt } } },
          },
        }),
      ),
    );
    return prfOf(credential).first;
  };

  return {
    /** Whether this device could unlock with a passkey; whether its passkey has PRF is known only once made. */
    async support(): Promise<{ supported: true } | { supported: false; reason: PasskeyUnsupported }> {
      if (!webAuthn) return { supported: false, reason: 'no-webauthn' };
      if (!(await webAuthn.platformAuthenticator())) return { supported: false, reason: 'no-platform' };
      return { supported: true };
    },

    /** When the passkey was set up, if there is one. */
    async registered(): Promise<{ createdAt: string } | undefined> {
      const passkey = await stored();
      return passkey ? { createdAt: passkey.createdAt } : undefined;
    },

    /**
     * Makes a platform passkey with PRF and wraps the data key under it. `dataKey` is the extractable
     * one (vault.extractableDataKey: the passphrase is checked before any passkey is asked for).
     * Throws PasskeyUnsupportedError where the passkey has no PRF, PasskeyFailedError when cancelled.
     */
    async register(dataKey: CryptoKey, now: Date): Promise<void> {
      if (!webAuthn) throw new PasskeyUnsupportedError('no-webauthn');
      const prfSalt = random(32);
      const credential = asCredential(
        await asking(() =>
          webAuthn.create({
            publicKey: {
              rp: { name: 'NRM Field' },
              // Nothing personal: the passkey names the app on this device, not its user.
              user: { id: random(16), name: 'NRM Field on this device', displayName: 'NRM Field' },
              challenge: random(32),
              pubKeyCredParams: [
                { type: 'public-key', alg: -7 },
                { type: 'public-key', alg: -257 },
              ],
              authenticatorSelection: { authenticatorAttachment: 'platform', residentKey: 'preferred', userVerification: 'required' },
              attestation: 'none',
              timeout: TIMEOUT_MS,
              extensions: { prf: { eval: { first: prfSalt } } },
            },
          }),
        ),
      );
      const made = prfOf(credential);
      if (made.enabled !== true && made.first === undefined) throw new PasskeyUnsupportedError('no-prf');
      // Some authenticators give PRF results only when the passkey is used, not when it is made.
      const prfOutput = made.first ?? (await evaluate(credential.rawId, prfSalt));
      if (prfOutput === undefined) throw new PasskeyUnsupportedError('no-prf');
      const wrapIv = random(12);
      const wrappedKey = await crypto.subtle.wrapKey('raw', dataKey, await wrappingKey(prfOutput), { name: 'AES-GCM', iv: wrapIv });
      await db.vault.update('device', { passkey: { credentialId: credential.rawId, prfSalt, wrappedKey, wrapIv, createdAt: now.toISOString() } });
    },

    /**
     * Asks for the passkey and opens the data key with it (non-extractable, as the passphrase does).
     * A failure is a PasskeyFailedError and leaves the wrong-passphrase count as it was.
     */
    async unlock(): Promise<CryptoKey> {
      const passkey = await stored();
      if (!passkey) throw new Error('No passkey is set up on this device');
      // Unlocking, a passkey this browser or address cannot use any more just does not open it.
      const prfOutput = await evaluate(passkey.credentialId, passkey.prfSalt).catch((failure: unknown) => {
        throw failure instanceof PasskeyUnsupportedError ? new PasskeyFailedError('not-opened', { cause: failure }) : failure;
      });
      if (prfOutput === undefined) throw new PasskeyFailedError('not-opened');
      let key: CryptoKey;
      try {
        key = await crypto.subtle.unwrapKey('raw', passkey.wrappedKey, await wrappingKey(prfOutput), { name: 'AES-GCM', iv: passkey.wrapIv }, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
      } catch (failure) {
        throw new PasskeyFailedError('not-opened', { cause: failure });
      }
      // A right passkey ends a run of wrong passphrases, as the right passphrase does.
      await db.vault.update('device', { failedAttempts: 0, retryAt: 0 });
      return key;
    },

    /** Deletes the passkey's wrapped key: the passkey itself stays on the phone until deleted there. */
    async remove(): Promise<void> {
      await db.vault.update('device', { passkey: undefined });
    },
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;
