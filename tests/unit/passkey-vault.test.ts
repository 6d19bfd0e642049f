import { describe, expect, it } from 'vitest';
import { box, unbox } from '../../src/store/box.ts';
import { PasskeyFailedError, PasskeyUnsupportedError, createPasskeys, type PasskeyCreationOptions, type PasskeyExtensionResults, type PasskeyRequestOptions, type WebAuthnPort } from '../../src/store/passkey.ts';
import { browserWebAuthn } from '../../src/app/vault/device-passkeys.ts';
import { WrongPassphraseError, createVault } from '../../src/store/vault.ts';
import { extractableDataKey } from '../../src/store/vault-rewrap.ts';
import { freshDatabase } from '../support/fixtures.ts';

const fast = { iterations: 1_000 };
const at = (ms: number) => new Date(Date.parse('2026-12-05T09:00:00Z') + ms);
const PASSPHRASE = 'lantern harbour pebble';

const bytes = (source: BufferSource) => new Uint8Array(ArrayBuffer.isView(source) ? source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength) : source);

/**
 * A platform authenticator with hmac-secret, as WebAuthn's PRF extension sees it: each passkey holds
 * a secret, and its PRF output for a salt is HMAC-SHA-256(secret, salt). `prf` says when it answers:
 * when the passkey is made and used, only when used, or never.
 */
function fakeAuthenticator({ prf = 'always', platform = true }: { prf?: 'always' | 'on-use' | 'never'; platform?: boolean } = {}) {
  const secrets = new Map<string, CryptoKey>();
  const calls: ({ kind: 'create'; options: PasskeyCreationOptions['publicKey'] } | { kind: 'get'; options: PasskeyRequestOptions['publicKey'] })[] = [];
  let refuseNext = false;
  let nextSecret: CryptoKey | undefined;
  const idOf = (id: BufferSource) => Buffer.from(bytes(id)).toString('hex');
  const output = async (secret: CryptoKey, salt: BufferSource | undefined) => (salt ? crypto.subtle.sign('HMAC', secret, salt) : undefined);
  const credential = (rawId: ArrayBuffer, outputs: PasskeyExtensionResults) => ({ rawId, getClientExtensionResults: () => outputs });
  const refusal = () => {
    refuseNext = false;
    return Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));
  };

  const port: WebAuthnPort = {
    platformAuthenticator: () => Promise.resolve(platform),
    async create(options) {
      const { publicKey } = options;
      calls.push({ kind: 'create', options: publicKey });
      if (refuseNext) return refusal();
      const rawId = crypto.getRandomValues(new Uint8Array(16)).buffer;
      const secret = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      secrets.set(idOf(rawId), secret);
      if (prf === 'never') return credential(rawId, {});
      if (prf === 'on-use') return credential(rawId, { prf: { enabled: true } });
      const first = await output(secret, publicKey.extensions?.prf?.eval?.first);
      return credential(rawId, { prf: { enabled: true, results: first ? { first } : undefined } });
    },
    async get(options) {
      const { publicKey } = options;
      calls.push({ kind: 'get', options: publicKey });
      if (refuseNext) return refusal();
      const allowed = publicKey.allowCredentials?.[0];
      const secret = nextSecret ?? (allowed ? secrets.get(idOf(allowed.id)) : undefined);
      nextSecret = undefined;
      if (!allowed || !secret) return refusal();
      if (prf === 'never') return credential(bytes(allowed.id).buffer, {});
      const first = await output(secret, publicKey.extensions?.prf?.eval?.first);
      return credential(bytes(allowed.id).buffer, { prf: { results: first ? { first } : undefined } });
    },
  };
  return {
    port,
    calls,
    /** The user cancels (or the reader does not recognise them) next time. */
    refuseNext: () => void (refuseNext = true),
    /** The next answer comes from another passkey's secret, as if the phone had a different one. */
    answerWrongNext: async () => void (nextSecret = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])),
    /** The passkey is deleted from the phone's settings. */
    forget: () => secrets.clear(),
  };
}

async function setUp(options?: Parameters<typeof fakeAuthenticator>[0]) {
  const db = freshDatabase();
  const vault = createVault(db, fast);
  const key = await vault.create(PASSPHRASE, at(0));
  const authenticator = fakeAuthenticator(options);
  return { db, vault, key, authenticator, passkeys: createPasskeys(db, authenticator.port) };
}

describe('unlocking with a passkey (WebAuthn PRF)', () => {
  it('unlocks to the same data key the passphrase wraps: what was saved under the passphrase opens', async () => {
    const { db, vault, key, passkeys } = await setUp();
    const sealed = await box(key, { name: 'Anneliese Brightwater' }, 'draft:1');
    expect((await db.vault.get('device'))?.passkey).toBeUndefined();
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    expect((await db.vault.get('device'))?.passkey).toBeDefined();
    expect(await passkeys.registered()).toEqual({ createdAt: at(1).toISOString() });

    const unlocked = await passkeys.unlock();
    expect(await unbox(unlocked, sealed, 'draft:1')).toEqual({ name: 'Anneliese Brightwater' });
    await expect(crypto.subtle.exportKey('raw', unlocked)).rejects.toThrow();
    // And what is saved after a passkey unlock opens with the passphrase.
    const later = await box(unlocked, 'after', 'label:2');
    expect(await unbox(await vault.unlock(PASSPHRASE, at(2)), later, 'label:2')).toBe('after');

    const record = await db.vault.get('device');
    expect(record?.passkey?.wrappedKey.byteLength).toBe(48);
    expect(record?.passkey?.prfSalt.byteLength).toBe(32);
    expect(new Uint8Array(record!.passkey!.wrappedKey)).not.toEqual(new Uint8Array(record!.wrappedKey));
  });

  it('asks for a platform passkey with user verification and the PRF of a random salt, and uses only that passkey', async () => {
    const { db, authenticator, passkeys } = await setUp();
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    await passkeys.unlock();
    const [made, used] = authenticator.calls;
    if (made?.kind !== 'create' || used?.kind !== 'get') throw new Error('expected the passkey made, then used');
    const creation = made.options;
    expect(creation.authenticatorSelection).toEqual({ authenticatorAttachment: 'platform', residentKey: 'preferred', userVerification: 'required' });
    const stored = (await db.vault.get('device'))?.passkey;
    expect(bytes(creation.extensions?.prf?.eval?.first ?? new Uint8Array())).toEqual(stored?.prfSalt);
    const request = used.options;
    expect(request.userVerification).toBe('required');
    expect(request.allowCredentials?.map((allowed) => bytes(allowed.id))).toEqual([new Uint8Array(stored!.credentialId)]);
    expect(bytes(request.extensions?.prf?.eval?.first ?? new Uint8Array())).toEqual(stored?.prfSalt);
  });

  it('keeps working after the passphrase is changed, without re-encrypting anything', async () => {
    const { db, vault, key, passkeys } = await setUp();
    const sealed = await box(key, 'kept', 'label:1');
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    expect(await unbox(await passkeys.unlock(), sealed, 'label:1')).toBe('kept');
    expect(await unbox(await vault.unlock('a brand new passphrase', at(2)), sealed, 'label:1')).toBe('kept');
  });

  it('is removed with its wrapped key, and the passphrase still unlocks', async () => {
    const { db, vault, key, passkeys } = await setUp();
    const sealed = await box(key, 'kept', 'label:1');
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    await passkeys.remove();
    const record = await db.vault.get('device');
    expect(record).toBeDefined();
    expect(record && 'passkey' in record).toBe(false);
    expect((await db.vault.get('device'))?.passkey).toBeUndefined();
    expect(await passkeys.registered()).toBeUndefined();
    await expect(passkeys.unlock()).rejects.toThrow('No passkey is set up');
    expect(await unbox(await vault.unlock(PASSPHRASE, at(2)), sealed, 'label:1')).toBe('kept');
  });

  it('does not count a cancelled, unrecognised or deleted passkey as a wrong passphrase', async () => {
    const { db, vault, authenticator, passkeys } = await setUp();
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    await expect(vault.unlock('wrong guess', at(2))).rejects.toBeInstanceOf(WrongPassphraseError);
    const before = await vault.status();
    expect(before.attemptsLeft).toBe(9);

    authenticator.refuseNext();
    await expect(passkeys.unlock()).rejects.toMatchObject({ reason: 'cancelled' });
    await authenticator.answerWrongNext();
    await expect(passkeys.unlock()).rejects.toMatchObject({ reason: 'not-opened' });
    authenticator.forget();
    await expect(passkeys.unlock()).rejects.toBeInstanceOf(PasskeyFailedError);
    expect(await vault.status()).toEqual(before);
  });

  it('ends a run of wrong passphrases when the passkey unlocks, as the right passphrase does', async () => {
    const { db, vault, passkeys } = await setUp();
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    for (const n of [2, 3, 4]) await expect(vault.unlock('wrong guess', at(n))).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await vault.status()).retryAt).toBeGreaterThan(at(4).getTime());
    await passkeys.unlock();
    expect(await vault.status()).toEqual({ attemptsLeft: 10, retryAt: 0 });
  });

  it('gives the data key out for wrapping only for the right passphrase, counting nothing, and keeps nothing when the passkey is cancelled', async () => {
    const { db, vault, authenticator, passkeys } = await setUp();
    await expect(extractableDataKey(db, 'not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(authenticator.calls).toHaveLength(0);
    expect(await vault.status()).toEqual({ attemptsLeft: 10, retryAt: 0 });
    authenticator.refuseNext();
    await expect(passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1))).rejects.toBeInstanceOf(PasskeyFailedError);
    expect((await db.vault.get('device'))?.passkey).toBeUndefined();
  });

  it('uses the passkey once more when it gives its PRF output only on use', async () => {
    const { db, key, authenticator, passkeys } = await setUp({ prf: 'on-use' });
    const sealed = await box(key, 'kept', 'label:1');
    await passkeys.register(await extractableDataKey(db, PASSPHRASE), at(1));
    expect(authenticator.calls.map((call) => call.kind)).toEqual(['create', 'get']);
    expect(await unbox(await passkeys.unlock(), sealed, 'label:1')).toBe('kept');
  });

  it('is not offered where there is no WebAuthn, no platform authenticator, or a passkey without PRF', async () => {
    expect(browserWebAuthn()).toBeUndefined(); // Node has no PublicKeyCredential.
    const db = freshDatabase();
    const vault = createVault(db, fast);
    await vault.create(PASSPHRASE, at(0));
    expect(await createPasskeys(db, undefined).support()).toEqual({ supported: false, reason: 'no-webauthn' });
    expect(await createPasskeys(db, fakeAuthenticator({ platform: false }).port).support()).toEqual({ supported: false, reason: 'no-platform' });
    const noPrf = createPasskeys(db, fakeAuthenticator({ prf: 'never' }).port);
    expect(await noPrf.support()).toEqual({ supported: true });
    await expect(noPrf.register(await extractableDataKey(db, PASSPHRASE), at(1))).rejects.toEqual(new PasskeyUnsupportedError('no-prf'));
    await expect(noPrf.register(await extractableDataKey(db, PASSPHRASE), at(1))).rejects.toMatchObject({ reason: 'no-prf' });
    expect((await db.vault.get('device'))?.passkey).toBeUndefined();
  });

  it('tells an address that may not have a passkey (an IP address) from a cancelled one', async () => {
    const { db: first, authenticator } = await setUp();
    const refusing = (name: string): WebAuthnPort => ({
      ...authenticator.port,
      create: () => Promise.reject(new DOMException('refused', name)),
      get: () => Promise.reject(new DOMException('refused', name)),
    });
    const dataKey = await extractableDataKey(first, PASSPHRASE);
    const db = freshDatabase();
    await expect(createPasskeys(db, refusing('SecurityError')).register(dataKey, at(1))).rejects.toMatchObject({ reason: 'no-webauthn' });
    await expect(createPasskeys(db, refusing('NotSupportedError')).register(dataKey, at(1))).rejects.toMatchObject({ reason: 'no-platform' });
    await expect(createPasskeys(db, refusing('NotAllowedError')).register(dataKey, at(1))).rejects.toMatchObject({ reason: 'cancelled' });

    const { passkeys, db: registeredDb } = await setUp();
    await passkeys.register(dataKey, at(1));
    // Unlocking, a passkey the browser will not use here any more is one that does not open.
    await expect(createPasskeys(registeredDb, refusing('SecurityError')).unlock()).rejects.toEqual(new PasskeyFailedError('not-opened'));
  });
});
